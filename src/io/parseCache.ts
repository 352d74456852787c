/**
 * Parsed corpora cached under the XDG cache directory, by content hash: a folder whose files
 * have not changed loads its cached corpus at once; a changed file is parsed again alone
 * (the others come from the per-article cache). Failing to read or write the cache only
 * costs time: parsing goes on without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { PARSER_VERSION, type ArticleCache } from '../corpus/corpus.js';
import type { Article, Corpus, SourceFile, Warning } from '../corpus/types.js';
import { dataDir } from '../paths.js';
import { xdgDir } from '../review/store.js';

export function cacheDir(): string {
  return process.env.STEPPE_CACHE_DIR || path.join(xdgDir('cache'), 'parsed');
}

let dataFingerprint: string | undefined;

/** The gazetteer and outlet lists shape the output too: a change to them empties the cache. */
function dataHash(): string {
  if (dataFingerprint === undefined) {
    const h = createHash('sha256').update(PARSER_VERSION);
    for (const f of ['outlets.json', ...readdirSync(path.join(dataDir, 'gazetteer')).sort().map((g) => path.join('gazetteer', g))]) h.update(f).update(readFileSync(path.join(dataDir, f)));
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

export function readCachedCorpus(key: string): CachedCorpus | null {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir(), `corpus-${key}.json`), 'utf8')) as CachedCorpus;
  } catch {
    return null;
  }
}

export async function writeCachedCorpus(key: string, value: CachedCorpus): Promise<void> {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    await writeFileAtomic(path.join(cacheDir(), `corpus-${key}.json`), JSON.stringify(value));
  } catch {
    // a cache that cannot be written is no error
  }
}

/** Per-article cache entries, read and written synchronously around a parse. */
export function diskArticleCache(): ArticleCache {
  const dir = cacheDir();
  const salt = dataHash().slice(0, 16);
  const file = (key: string) => path.join(dir, `article-${salt}-${key}.json`);
  let made = false;
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(file(key), 'utf8')) as Article;
      } catch {
        return undefined;
      }
    },
    set(key, article) {
      try {
        if (!made) mkdirSync(dir, { recursive: true });
        made = true;
        writeFileAtomic.sync(file(key), JSON.stringify(article));
      } catch {
        // no cache, no harm
      }
    },
  };
}
