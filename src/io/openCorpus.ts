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
import type { Progress } from '../pipeline/parse.js';
import type { EntitiesJob } from '../pipeline/parallel.js';
import { decodeBytes } from '../corpus/decode.js';
import { uniqueIds } from '../corpus/ids.js';
import { corpusKindOf, parseCorpusText, readCorpusFile } from './corpusFile.js';
import { UserError } from './errors.js';
import { collectFiles, describeError, readBounded } from './files.js';

export interface Opened {
  corpus: Corpus;
  warnings: Warning[];
  /** what a snapshot of a large corpus.json held, when one matched the file */
  index?: SearchIndex;
  table?: MentionTable;
  figures?: Figures;
  /** a snapshot's text checked later (`readLater`): the blocks not yet read, in slices */
  checkRest?: (budgetMs: number) => boolean;
  /** a large corpus.json or JSON Lines file: the file whose snapshot can be kept (io/snapshot.ts) for a quick next open */
  snapshotOf?: string;
  /** JSON Lines opened with `entitiesLater`: their mentions, being found on other threads */
  entities?: EntitiesJob;
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

export interface OpenCorpusOptions {
  /** a snapshot's text is checked as it is read, and by `checkRest` (the dashboard) */
  readLater?: boolean;
  progress?: Progress;
  /** JSON Lines alone: the articles come back at once, their mentions later (`entities`), found on other threads */
  entitiesLater?: boolean;
}

/** A JSON Lines file's articles and bad lines; a file that cannot be read is an error, one that is not text a warning. */
async function readJsonlFile(p: string, progress?: Progress): Promise<{ articles: Article[]; warnings: Warning[] }> {
  // JSON Lines is a corpus, not a scraped page: no raw-file size limit
  let bytes: Buffer;
  progress?.(`reading ${path.basename(p)}`, 0, 1);
  try {
    bytes = (await readBounded(p, Number.MAX_SAFE_INTEGER))!;
  } catch (e) {
    throw new UserError(`${p}: ${describeError(e)}`);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { articles: [], warnings: [{ file: p, message: decoded.reason }] };
  const name = path.basename(p);
  return (await import('../corpus/jsonl.js')).articlesFromJsonl(decoded.text, name, progress && ((done, total) => progress(`reading ${name}`, done, total)));
}

export async function openCorpus(paths: string[], stdin: NodeJS.ReadableStream = process.stdin, options: OpenCorpusOptions = {}): Promise<Opened> {
  const { progress } = options;
  // the parser (date parsing, gazetteer) loads only when there is text to parse
  const corpusModule = () => import('../pipeline/parse.js');
  // one large corpus.json or JSON Lines file: its snapshot, if one matches the file as it is now
  const [only] = paths;
  const onlyExt = only === undefined ? '' : path.extname(only).toLowerCase();
  const warnings: Warning[] = [];
  if (paths.length === 1 && only !== '-' && (onlyExt === '.json' || JSONL.has(onlyExt)) && sizeOf(only!) >= SNAPSHOT_MIN_BYTES) {
    // loaded only here: small corpora, the rule, start without it
    const { readSnapshot } = await import('./snapshot.js');
    progress?.(`reading ${path.basename(only!)}`, 0, 1);
    const snapshot = readSnapshot(only!, options);
    if (snapshot.ok)
      return {
        corpus: { version: 1, articles: snapshot.articles },
        // a JSON Lines file's bad lines, as the first open said them
        warnings: snapshot.warnings,
        index: snapshot.index,
        table: snapshot.table,
        figures: snapshot.figures,
        ...(snapshot.checkRest ? { checkRest: snapshot.checkRest } : {}),
        snapshotOf: only!,
      };
    if (snapshot.damaged) warnings.push({ file: only!, message: `snapshot damaged (${snapshot.damaged}); rebuilding` });
    if (onlyExt === '.json') {
      const read = await readCorpusFile(only!);
      append(warnings, read.warnings);
      const ids = uniqueIds(read.corpus.articles);
      if (ids) warnings.push({ file: only!, message: ids });
      return { corpus: read.corpus, warnings, snapshotOf: only! };
    }
  }
  const articles: Article[] = [];
  const jsonl: Article[] = [];
  const raw: string[] = [];
  const rawFiles: SourceFile[] = [];
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
      const kind = corpusKindOf(head.slice(0, 1 << 16));
      if (kind === 'corpus.json') {
        const read = parseCorpusText('standard input', Buffer.from(text, 'utf8'));
        append(articles, read.corpus.articles);
        append(warnings, read.warnings);
      } else if (kind === 'JSON Lines') {
        const r = (await jsonlModule()).articlesFromJsonl(text, 'stdin');
        append(jsonl, r.articles);
        append(warnings, r.warnings);
      } else rawFiles.push({ name: 'stdin', path: 'standard input', bytes: Buffer.from(text, 'utf8') });
      continue;
    }
    const ext = path.extname(p).toLowerCase();
    if (ext === '.json') {
      const read = await readCorpusFile(p);
      append(articles, read.corpus.articles);
      append(warnings, read.warnings);
    } else if (JSONL.has(ext)) {
      const r = await readJsonlFile(p, progress);
      append(jsonl, r.articles);
      append(warnings, r.warnings);
    } else raw.push(p);
  }

  if (raw.length || rawFiles.length) {
    const collected = raw.length ? await collectFiles(raw, { mustExist: true }) : { files: [], warnings: [] };
    const files = [...collected.files, ...rawFiles];
    append(warnings, collected.warnings);
    const cache = await import('./parseCache.js');
    const key = cache.setKey(files);
    const hit = cache.readCachedCorpus(key);
    if (hit && hit !== 'damaged') {
      append(articles, hit.corpus.articles);
      append(warnings, hit.warnings);
    } else {
      const perArticle = cache.diskArticleCache();
      const parsed = await (await corpusModule()).parseFilesInParallel(files, {}, perArticle, progress);
      append(articles, parsed.corpus.articles);
      append(warnings, parsed.warnings);
      await cache.writeCachedCorpus(key, { corpus: parsed.corpus, warnings: parsed.warnings });
      const damaged = (hit === 'damaged' ? 1 : 0) + perArticle.damaged;
      if (damaged) warnings.push({ file: cache.cacheDir(), message: `${damaged} damaged cache entr${damaged === 1 ? 'y' : 'ies'} removed; parsed again` });
    }
  }
  // JSON Lines alone can be shown before their entities are found: nothing else waits on them
  const later = options.entitiesLater === true && jsonl.length > 0 && articles.length === 0;
  let entities: EntitiesJob | undefined;
  if (later) entities = (await corpusModule()).finishArticlesLater(jsonl);
  else if (jsonl.length) await (await corpusModule()).finishArticlesInParallel(jsonl, progress, (w) => warnings.push(w));
  append(articles, jsonl);
  // ids key review marks and the index: two articles must never share one
  const ids = uniqueIds(articles);
  if (ids) warnings.push({ file: paths.join(', '), message: ids });
  // a large JSON Lines file whose snapshot did not match: its snapshot is kept once it is indexed
  const snapshotOf = JSONL.has(onlyExt) && paths.length === 1 && sizeOf(only!) >= SNAPSHOT_MIN_BYTES ? only! : undefined;
  return { corpus: { version: 1, articles }, warnings, ...(entities ? { entities } : {}), ...(snapshotOf ? { snapshotOf } : {}) };
}
