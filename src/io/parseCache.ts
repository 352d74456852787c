/**
 * Parsed corpora cached under the XDG cache directory, by content hash: a folder whose files
 * have not changed loads its cached corpus at once; a changed file is parsed again alone
 * (the others come from the per-article cache). Failing to read or write the cache only
 * costs time: parsing goes on without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PARSER_VERSION, type ArticleCache } from '../pipeline/parse.js';
import type { Article, Corpus, SourceFile, Warning } from '../corpus/types.js';
import { articleProblem, validateCorpus } from '../corpus/validate.js';

import { dataDir, xdgDir } from '../paths.js';
import { writeFileSafely } from './safeWrite.js';
import { seal, unseal } from './sealed.js';

export function cacheDir(): string {
  return process.env.STEPPE_CACHE_DIR || path.join(xdgDir('cache'), 'parsed');
}

let dataFingerprint: string | undefined;

/** The gazetteer and outlet lists shape the output too: a change to them empties the cache. */
function dataHash(): string {
  if (dataFingerprint === undefined) {
    const h = createHash('sha256').update(PARSER_VERSION);
    for (const f of [
      'outlets.json',
      ...readdirSync(path.join(dataDir, 'gazetteer'))
        .sort()
        .map((g) => path.join('gazetteer', g)),
    ])
      h.update(f).update(readFileSync(path.join(dataDir, f)));
    dataFingerprint = h.digest('hex');
  }
  return dataFingerprint;
}

/** One key for the whole set of files: names and contents. */
export function setKey(files: SourceFile[]): string {
  const h = createHash('sha256').update(dataHash());
  for (const f of files) h.update('\0').update(f.name).update('\0').update(createHash('sha256').update(f.bytes).digest());
  return h.digest('hex').slice(0, 32);
}

export interface CachedCorpus {
  corpus: Corpus;
  warnings: Warning[];
}

/** A cache file's JSON, `undefined` when there is none, or `null` when it is damaged (and then removed). */
function readSealed(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const text = unseal(bytes);
  try {
    if (text !== null) return JSON.parse(text);
  } catch {
    // sealed but not JSON: damaged all the same
  }
  rmSync(file, { force: true });
  return null;
}

function writeSealed(file: string, value: unknown): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSafely(file, seal(JSON.stringify(value)));
  } catch {
    // a cache that cannot be written is no error: it only costs time next run
  }
}

/** The cached corpus of this set of files; `damaged` when the entry was there but not whole. */
export function readCachedCorpus(key: string): CachedCorpus | 'damaged' | null {
  const value = readSealed(path.join(cacheDir(), `corpus-${key}.json`));
  if (value === undefined) return null;
  const v = value as Partial<CachedCorpus> | null;
  if (!v || !Array.isArray(v.warnings) || !validateCorpus(v.corpus).ok) return 'damaged';
  return v as CachedCorpus;
}

export async function writeCachedCorpus(key: string, value: CachedCorpus): Promise<void> {
  writeSealed(path.join(cacheDir(), `corpus-${key}.json`), value);
}

/** Per-article cache entries, read and written synchronously around a parse. `damaged` counts entries found broken. */
export function diskArticleCache(): ArticleCache & { damaged: number } {
  const dir = cacheDir();
  const salt = dataHash().slice(0, 16);
  const file = (key: string) => path.join(dir, `article-${salt}-${key}.json`);
  const cache = {
    damaged: 0,
    get(key: string) {
      const value = readSealed(file(key));
      if (value === undefined) return undefined;
      if (value === null || articleProblem(value) !== null) {
        cache.damaged++;
        return undefined;
      }
      return value as Article;
    },
    set(key: string, article: Article) {
      writeSealed(file(key), article);
    },
  };
  return cache;
}
