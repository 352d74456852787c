/**
 * Opens what the user named as one corpus: corpus.json files, JSON Lines files, folders or
 * files of raw text (parsed on the fly, through the cache), and `-` for standard input.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { SearchIndex } from '../search/searchIndex.js';
import type { Figures } from '../analysis/figureStore.js';
import type { MentionTable } from '../analysis/mentionTable.js';
import type { Article, Corpus, SourceFile, Warning } from '../corpus/types.js';
import { decodeBytes } from '../corpus/decode.js';
import { validateCorpus } from '../corpus/validate.js';
import { readCorpusFile } from './corpusFile.js';
import { UserError } from './errors.js';
import { collectFiles, describeError } from './files.js';

export interface Opened {
  corpus: Corpus;
  warnings: Warning[];
  /** the search index, when a snapshot of a large corpus.json held it */
  index?: SearchIndex;
  /** the mention table, when a snapshot held it */
  table?: MentionTable;
  /** keeps a snapshot of a large corpus.json once it is indexed, so the next open is quick */
  remember?: (built: { index: SearchIndex; table: MentionTable }) => void;
  /** every article's figures, when a snapshot held them */
  figures?: Figures;
  /** adds figures extracted later to the snapshot */
  rememberFigures?: (figures: Figures) => void;
}

/** push(...items) passes every item as an argument and overflows the stack at ~100,000 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Below this a corpus.json parses faster than a snapshot pays for itself. */
export const SNAPSHOT_MIN_BYTES = 16 << 20;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const JSONL = new Set(['.jsonl', '.ndjson']);

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

export async function openCorpus(paths: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<Opened> {
  // one large corpus.json: its snapshot, if one matches the file as it is now
  const [only] = paths;
  if (paths.length === 1 && only !== '-' && path.extname(only!).toLowerCase() === '.json' && sizeOf(only!) >= SNAPSHOT_MIN_BYTES) {
    // loaded only here: small corpora, the rule, start without it
    const { readSnapshot, writeSnapshot, writeSnapshotFigures } = await import('./snapshot.js');
    const snapshot = readSnapshot(only!);
    const rememberFigures = (figures: Figures) => void writeSnapshotFigures(only!, figures);
    if (snapshot) return { corpus: { version: 1, articles: snapshot.articles }, warnings: [], index: snapshot.index, table: snapshot.table, figures: snapshot.figures, rememberFigures };
    const corpus = await readCorpusFile(only!);
    return { corpus, warnings: [], remember: ({ index, table }) => void writeSnapshot(only!, corpus.articles, index, table), rememberFigures };
  }
  const articles: Article[] = [];
  const warnings: Warning[] = [];
  const jsonl: Article[] = [];
  const raw: string[] = [];
  const rawFiles: SourceFile[] = [];
  // the parser (date parsing, gazetteer) loads only when there is text to parse
  const corpusModule = () => import('../corpus/corpus.js');
  const jsonlModule = () => import('../corpus/jsonl.js');

  for (const p of paths) {
    if (p === '-') {
      let bytes: Buffer;
      try {
        bytes = await readAll(stdin);
      } catch (e) {
        throw new UserError(`standard input: ${describeError(e)}`);
      }
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) throw new UserError(`standard input: ${decoded.reason}`);
      const text = decoded.text.replace(/^\uFEFF/, '');
      const head = text.trimStart();
      if (head.startsWith('{') && /^\s*\{\s*"version"/.test(head) && !/\n\s*\{/.test(head.trimEnd())) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (e) {
          throw new UserError(`standard input: not valid JSON (${(e as Error).message.split('\n')[0]})`);
        }
        const v = validateCorpus(json);
        if (!v.ok) throw new UserError(`standard input: ${v.reason}`);
        append(articles, v.corpus.articles);
      } else if (head.startsWith('{')) {
        const r = (await jsonlModule()).articlesFromJsonl(text, 'stdin');
        append(jsonl, r.articles);
        append(warnings, r.warnings);
      } else rawFiles.push({ name: 'stdin', path: 'standard input', bytes: Buffer.from(text, 'utf8') });
      continue;
    }
    const ext = path.extname(p).toLowerCase();
    if (ext === '.json') append(articles, (await readCorpusFile(p)).articles);
    else if (JSONL.has(ext)) {
      const collected = await collectFiles([p], { mustExist: true });
      for (const f of collected.files) {
        const decoded = decodeBytes(f.bytes);
        if (!decoded.ok) {
          warnings.push({ file: p, message: decoded.reason });
          continue;
        }
        const r = (await jsonlModule()).articlesFromJsonl(decoded.text, path.basename(p));
        append(jsonl, r.articles);
        append(warnings, r.warnings);
      }
    } else raw.push(p);
  }

  if (raw.length || rawFiles.length) {
    const collected = raw.length ? await collectFiles(raw, { mustExist: true }) : { files: [], warnings: [] };
    const files = [...collected.files, ...rawFiles];
    append(warnings, collected.warnings);
    const cache = await import('./parseCache.js');
    const key = cache.setKey(files);
    const hit = cache.readCachedCorpus(key);
    if (hit) {
      append(articles, hit.corpus.articles);
      append(warnings, hit.warnings);
    } else {
      const parsed = (await corpusModule()).parseFiles(files, {}, cache.diskArticleCache());
      append(articles, parsed.corpus.articles);
      append(warnings, parsed.warnings);
      await cache.writeCachedCorpus(key, { corpus: parsed.corpus, warnings: parsed.warnings });
    }
  }
  if (jsonl.length) append(articles, (await corpusModule()).finishArticles(jsonl));
  return { corpus: { version: 1, articles }, warnings };
}
