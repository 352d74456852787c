/**
 * The parse pipeline, above the parser and the extractor it joins: a batch of files → a corpus.
 * Decode, measure template lines across the batch, parse each page (corpus/), give ids, mark
 * republished copies, extract mentions (entities/).
 */
import { createHash } from 'node:crypto';
import { parseArticle, type ParseOptions } from '../corpus/article.js';
import { decodeBytes } from '../corpus/decode.js';
import { uniqueIds } from '../corpus/ids.js';
import { lineStats } from '../corpus/repeated.js';
import { clusterBySimhash, simhash, type Simhash } from '../corpus/simhash.js';
import { lineKey, toLines } from '../corpus/text.js';
import type { Article, Corpus, SourceFile, SourceText, Warning } from '../corpus/types.js';
import { parsePagesInParallel } from './pages.js';
import { finishHere, finishInBackground, finishInParallel, type EntitiesJob, type Finished } from './parallel.js';

/** Hears what a long parse is doing: a phase, and how far through it (done of total). */
export type Progress = (what: string, done: number, total: number) => void;

export interface ParseResult {
  corpus: Corpus;
  warnings: Warning[];
}

/**
 * A store of parsed articles by key (the cache under XDG_CACHE_HOME). An article depends on
 * its own text and on which of its lines other documents repeat, so both go into the key.
 */
export interface ArticleCache {
  get(key: string): Article | undefined;
  set(key: string, article: Article): void;
}

/** Bump when the parser's output changes, so that cached articles are parsed again (test/parserVersion.test.ts checks it). */
export const PARSER_VERSION = '2';

function cacheKey(source: SourceText, stats: ReturnType<typeof lineStats>): string {
  const h = createHash('sha256').update(PARSER_VERSION).update('\0').update(source.file).update('\0').update(source.text);
  for (const line of toLines(source.text)) {
    const key = lineKey(line.text);
    if (stats.repeated.has(key)) h.update('\0r').update(key);
    if (stats.frequent.has(key)) h.update('\0f').update(key);
  }
  return h.digest('hex').slice(0, 32);
}

export function parseTexts(sources: SourceText[], options: Omit<ParseOptions, 'stats'> = {}, cache?: ArticleCache, progress?: Progress): Article[] {
  return finishArticles(parsePages(sources, options, cache, progress), progress);
}

/** The pages parsed, nothing more: no ids made unique, no copies marked, no mentions. */
function parsePages(sources: SourceText[], options: Omit<ParseOptions, 'stats'>, cache?: ArticleCache, progress?: Progress): Article[] {
  const stats = lineStats(sources);
  return sources.map((s, i) => {
    progress?.(`parsing ${sources.length.toLocaleString('en')} pages`, i, sources.length);
    // an explanation needs the parse itself, not a cached result
    if (!cache || options.explain) return parseArticle(s, { ...options, stats });
    const key = cacheKey(s, stats);
    const hit = cache.get(key);
    if (hit) return { ...hit, mentions: [], duplicateOf: null };
    const parsed = parseArticle(s, { ...options, stats });
    cache.set(key, structuredClone(parsed));
    return parsed;
  });
}

/** What a corpus needs once its articles are parsed: unique ids, republished copies marked, mentions. */
export function finishArticles(articles: Article[], progress?: Progress): Article[] {
  // Two files with the same text get the same hash; keep ids unique within the corpus.
  uniqueIds(articles);
  return withFinished(articles, finishHere(articles, entitiesProgress(articles, progress)));
}

/** `finishArticles` on every core (pipeline/parallel.ts); this thread stays free meanwhile. `warn` hears of a fall back to one thread. */
export async function finishArticlesInParallel(articles: Article[], progress?: Progress, warn?: (w: Warning) => void): Promise<Article[]> {
  uniqueIds(articles);
  const onFallback = warn && ((why: string) => warn({ file: 'entities', message: `found on one thread (${why})` }));
  return withFinished(articles, await finishInParallel(articles, { onScanned: entitiesProgress(articles, progress), ...(onFallback ? { onFallback } : {}) }));
}

/**
 * `finishArticles` done on other threads while this one goes on (the dashboard shows the list
 * meanwhile): the articles have their ids now, their copies and mentions once the job is taken.
 */
export function finishArticlesLater(articles: Article[]): EntitiesJob {
  uniqueIds(articles);
  return finishInBackground(articles, markDuplicates);
}

function entitiesProgress(articles: Article[], progress?: Progress): ((done: number) => void) | undefined {
  const many = articles.length.toLocaleString('en');
  return progress && ((done) => progress(`finding entities in ${many} articles`, done, articles.length));
}

function withFinished(articles: Article[], { mentions, simhashes }: Finished): Article[] {
  markDuplicates(articles, simhashes);
  articles.forEach((a, i) => {
    a.mentions = mentions[i]!;
  });
  return articles;
}

export function parseFiles(files: SourceFile[], options: Omit<ParseOptions, 'stats'> = {}, cache?: ArticleCache, progress?: Progress): ParseResult {
  const { articles, warnings } = readPages(files, options, cache, progress);
  return { corpus: { version: 1, articles: finishArticles(articles, progress) }, warnings };
}

/** `parseFiles` with the pages parsed and the entities found on every core (a page explained, `--verbose`, is parsed here). */
export async function parseFilesInParallel(
  files: SourceFile[],
  options: Omit<ParseOptions, 'stats'> = {},
  cache?: ArticleCache,
  progress?: Progress,
): Promise<ParseResult> {
  const { sources, warnings } = decodePages(files);
  const pages =
    options.explain || options.outlets ? parsePages(sources, options, cache, progress) : await parsePagesOnCores(sources, options, warnings, cache, progress);
  const articles = checked(pages, warnings);
  return { corpus: { version: 1, articles: await finishArticlesInParallel(articles, progress, (w) => warnings.push(w)) }, warnings };
}

/** `parsePages` on every core: the line statistics and the cache are looked at here, the pages not cached parsed by workers. */
async function parsePagesOnCores(
  sources: SourceText[],
  options: Omit<ParseOptions, 'stats'>,
  warnings: Warning[],
  cache?: ArticleCache,
  progress?: Progress,
): Promise<Article[]> {
  const stats = lineStats(sources);
  const out: Article[] = new Array(sources.length);
  const keys: string[] = new Array(sources.length);
  const todo: number[] = [];
  sources.forEach((s, i) => {
    if (cache) {
      keys[i] = cacheKey(s, stats);
      const hit = cache.get(keys[i]);
      if (hit) {
        out[i] = { ...hit, mentions: [], duplicateOf: null };
        return;
      }
    }
    todo.push(i);
  });
  const what = `parsing ${sources.length.toLocaleString('en')} pages`;
  const cached = sources.length - todo.length;
  const fresh = await parsePagesInParallel(
    todo.map((i) => sources[i]!),
    {
      stats,
      ...(options.latest ? { latest: options.latest } : {}),
      onParsed: (done) => progress?.(what, cached + done, sources.length),
      onFallback: (why) => warnings.push({ file: 'pages', message: `parsed on one thread (${why})` }),
    },
  );
  todo.forEach((i, k) => {
    out[i] = fresh[k]!;
    // kept as parsed: the article given out gets its mentions later
    cache?.set(keys[i]!, structuredClone(fresh[k]!));
  });
  return out;
}

/** Decoded (or skipped, with a warning) and parsed; not finished. */
function readPages(
  files: SourceFile[],
  options: Omit<ParseOptions, 'stats'>,
  cache?: ArticleCache,
  progress?: Progress,
): { articles: Article[]; warnings: Warning[] } {
  const { sources, warnings } = decodePages(files);
  return { articles: checked(parsePages(sources, options, cache, progress), warnings), warnings };
}

/** A page without article text is said so. */
function checked(articles: Article[], warnings: Warning[]): Article[] {
  for (const a of articles) if (a.paragraphs.length === 0) warnings.push({ file: a.file, message: 'no article text found' });
  return articles;
}

/** Each file decoded, or skipped with a warning; a repaired or legacy encoding said so. */
function decodePages(files: SourceFile[]): { sources: SourceText[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const sources: SourceText[] = [];
  for (const f of files) {
    const decoded = decodeBytes(f.bytes);
    if (decoded.ok) {
      sources.push({ file: f.name, text: decoded.text });
      if (decoded.replaced)
        warnings.push({ file: f.path ?? f.name, message: `${decoded.replaced} byte${decoded.replaced === 1 ? '' : 's'} not valid UTF-8, shown as �` });
      if (decoded.encoding) warnings.push({ file: f.path ?? f.name, message: `not UTF-8: read as ${decoded.encoding}` });
    } else warnings.push({ file: f.path ?? f.name, message: `skipped: ${decoded.reason}` });
  }
  return { sources, warnings };
}

/** The summary `steppe parse` prints: removed lines counted by reason, most first. */
export function removedByReason(articles: Article[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of articles) for (const r of a.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The same story republished (simhash of the cleaned text within 3 bits) is marked as a
 * duplicate of its first copy, so that counts take it once.
 */
export function markDuplicates(articles: Article[], simhashes: Simhash[] = articles.map((a) => simhash(a.paragraphs.join('\n')))): void {
  const groups = clusterBySimhash(simhashes);
  articles.forEach((a, i) => {
    const first = groups[i]!;
    a.duplicateOf = first !== i && articles[first]!.paragraphs.length > 0 ? articles[first]!.id : null;
  });
}
