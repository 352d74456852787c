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
import { clusterBySimhash, simhash } from '../corpus/simhash.js';
import { lineKey, toLines } from '../corpus/text.js';
import type { Article, Corpus, SourceFile, SourceText, Warning } from '../corpus/types.js';
import { extractMentions } from '../entities/extract.js';

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
  const stats = lineStats(sources);
  const articles = sources.map((s, i) => {
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
  return finishArticles(articles, progress);
}

/** What a corpus needs once its articles are parsed: unique ids, republished copies marked, mentions. */
export function finishArticles(articles: Article[], progress?: Progress): Article[] {
  // Two files with the same text get the same hash; keep ids unique within the corpus.
  uniqueIds(articles);
  const many = articles.length.toLocaleString('en');
  progress?.(`finding republished copies among ${many} articles`, 0, 1);
  markDuplicates(articles);
  const mentions = extractMentions(
    articles,
    undefined,
    undefined,
    progress && ((done) => progress(`finding entities in ${many} articles`, done, articles.length)),
  );
  articles.forEach((a, i) => {
    a.mentions = mentions[i]!;
  });
  return articles;
}

export function parseFiles(files: SourceFile[], options: Omit<ParseOptions, 'stats'> = {}, cache?: ArticleCache, progress?: Progress): ParseResult {
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
  const articles = parseTexts(sources, options, cache, progress);
  for (const a of articles) if (a.paragraphs.length === 0) warnings.push({ file: a.file, message: 'no article text found' });
  return { corpus: { version: 1, articles }, warnings };
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
export function markDuplicates(articles: Article[]): void {
  const groups = clusterBySimhash(articles.map((a) => simhash(a.paragraphs.join('\n'))));
  articles.forEach((a, i) => {
    const first = groups[i]!;
    a.duplicateOf = first !== i && articles[first]!.paragraphs.length > 0 ? articles[first]!.id : null;
  });
}
