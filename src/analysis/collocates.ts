/**
 * Collocates of a word or phrase: the words that occur within a window of its hits more often
 * than their frequency in the corpus predicts, ranked by log-likelihood (Dunning's G², as
 * AntConc ranks them), with a minimum count. Stop words (the `stopword` package's lists for
 * English, Russian, Arabic, Persian and Chinese) and the searched words themselves are left out.
 */
import { ara, eng, fas, rus, zho } from 'stopword';
import type { Article } from '../corpus/types.js';
import { hitRanges, WORD } from '../search/hits.js';
import { termsOf } from '../search/searchIndex.js';

export interface Collocate {
  term: string;
  /** times it occurs within the window of a hit */
  count: number;
  /** log-likelihood (G²) of that count against its frequency in the corpus */
  score: number;
}

export interface Collocates {
  rows: Collocate[];
  /** hits of the word or phrase */
  hits: number;
  /** words in the windows around them */
  windowWords: number;
  /** words in the corpus */
  corpusWords: number;
  /** still being counted (a database's answer on its way): no rows yet */
  pending?: boolean;
}

export const COLLOCATE_WINDOW = 5;
export const COLLOCATE_MIN = 3;

let stops: Set<string> | undefined;
/** Folded as the index folds words, so that a list's "её" matches the text's. */
function stopWords(): Set<string> {
  stops ??= new Set([eng, rus, ara, fas, zho].flat().flatMap((w) => termsOf(w)));
  return stops;
}

/** G² of a 2×2 table: o11 in the windows, r1 window words, c1 the term in the corpus, n corpus words. */
export function logLikelihood(o11: number, r1: number, c1: number, n: number): number {
  const o = [o11, r1 - o11, c1 - o11, n - r1 - c1 + o11];
  const e = [(r1 * c1) / n, (r1 * (n - c1)) / n, ((n - r1) * c1) / n, ((n - r1) * (n - c1)) / n];
  let g = 0;
  for (let i = 0; i < 4; i++) if (o[i]! > 0 && e[i]! > 0) g += o[i]! * Math.log(o[i]! / e[i]!);
  return 2 * g;
}

/** What is near a query's hits: each word's count within the windows, the hits, the words in the windows. */
export interface Nearby {
  near: Map<string, number>;
  hits: number;
  windowWords: number;
}

export const noneNearby = (): Nearby => ({ near: new Map(), hits: 0, windowWords: 0 });

/**
 * The words near the hits of `terms` and `phrases` (as the query matched them) in the articles
 * `ids`, added to `into` (a corpus read a chunk at a time adds each chunk). Republished copies
 * are left out. Each word near a hit counts once however many hits it is near; the hits' own
 * words not at all.
 */
export function nearHits(
  articles: readonly Article[],
  ids: ArrayLike<number>,
  terms: ReadonlySet<string>,
  phrases: readonly string[],
  window = COLLOCATE_WINDOW,
  into: Nearby = noneNearby(),
): Nearby {
  const { near } = into;
  for (let k = 0; k < ids.length; k++) {
    const article = articles[ids[k]!]!;
    if (article.duplicateOf) continue;
    for (const p of article.paragraphs) {
      const ranges = hitRanges(p, terms, phrases);
      if (!ranges.length) continue;
      const words = [...p.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, term: termsOf(m[0])[0] ?? '' }));
      const inHit = new Uint8Array(words.length);
      const inWindow = new Uint8Array(words.length);
      for (const h of ranges) {
        into.hits++;
        let first = -1;
        let last = -1;
        words.forEach((w, i) => {
          if (w.start >= h.start && w.end <= h.end) {
            inHit[i] = 1;
            if (first < 0) first = i;
            last = i;
          }
        });
        if (first < 0) continue;
        for (let i = Math.max(0, first - window); i <= Math.min(words.length - 1, last + window); i++) inWindow[i] = 1;
      }
      words.forEach((w, i) => {
        if (!inWindow[i] || inHit[i] || !w.term) return;
        into.windowWords++;
        near.set(w.term, (near.get(w.term) ?? 0) + 1);
      });
    }
  }
  return into;
}

/** The words that may be shown: seen at least `min` times, neither searched for nor stop words. */
export function candidatesOf(nearby: Nearby, terms: ReadonlySet<string>, phrases: readonly string[], min = COLLOCATE_MIN): Set<string> {
  const searched = new Set([...terms, ...phrases.flatMap((p) => termsOf(p))]);
  return new Set([...nearby.near].filter(([t, c]) => c >= min && !searched.has(t) && !stopWords().has(t)).map(([t]) => t));
}

/** How often each of `shown` occurs in the corpus's paragraphs, and its words in all (republished copies left out). */
export function corpusFrequencies(articles: readonly Article[], shown: ReadonlySet<string>): { counts: Map<string, number>; words: number } {
  const counts = new Map<string, number>();
  let words = 0;
  for (const article of articles) {
    if (article.duplicateOf) continue;
    for (const p of article.paragraphs) {
      for (const t of termsOf(p)) {
        words++;
        if (shown.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
  }
  return { counts, words };
}

export interface WordCounts {
  counts: Map<string, number>;
  words: number;
}

/**
 * Every term's words in the corpus's paragraphs (republished copies left out), counted a slice
 * at a time: what collocates are scored against, made once in the background, so that a
 * collocates key does not walk the whole corpus (2.2 s at 20,000 articles).
 */
export function wordCountsInSlices(articles: readonly Article[]): { next(budgetMs: number): boolean; done(): number; counts(): WordCounts } {
  const counts = new Map<string, number>();
  let words = 0;
  let i = 0;
  return {
    done: () => Math.min(i, articles.length),
    counts: () => ({ counts, words }),
    next(budgetMs) {
      const until = performance.now() + budgetMs;
      // an article each slice at least, however small the budget
      do {
        const article = articles[i++];
        if (!article || article.duplicateOf) continue;
        for (const p of article.paragraphs)
          for (const t of termsOf(p)) {
            words++;
            counts.set(t, (counts.get(t) ?? 0) + 1);
          }
      } while (i < articles.length && performance.now() < until);
      return i >= articles.length;
    },
  };
}

/** The candidates ranked by G² against their corpus frequencies: only words more frequent near the hits than elsewhere. */
export function rankCollocates(nearby: Nearby, shown: ReadonlySet<string>, corpus: { counts: Map<string, number>; words: number }): Collocates {
  const { near, hits, windowWords } = nearby;
  const corpusWords = corpus.words;
  const rows: Collocate[] = [];
  for (const t of shown) {
    const count = near.get(t)!;
    const c1 = corpus.counts.get(t) ?? count;
    if (count / windowWords <= c1 / corpusWords) continue;
    rows.push({ term: t, count, score: Math.round(logLikelihood(count, windowWords, c1, corpusWords) * 100) / 100 });
  }
  rows.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { rows, hits, windowWords, corpusWords };
}

/** Collocates of a search's hits, against the corpus's word counts made once (`wordCountsInSlices`). */
export function collocatesWith(
  articles: readonly Article[],
  r: { ids: ArrayLike<number>; terms: ReadonlySet<string>; phrases: readonly string[] },
  corpus: WordCounts,
  options: { window?: number; min?: number } = {},
): Collocates {
  const nearby = nearHits(articles, r.ids, r.terms, r.phrases, options.window ?? COLLOCATE_WINDOW);
  return rankCollocates(nearby, candidatesOf(nearby, r.terms, r.phrases, options.min ?? COLLOCATE_MIN), corpus);
}

/** Collocates of the hits in the articles `ids`, against the word frequencies of `articles`. */
export function collocatesOf(
  articles: readonly Article[],
  ids: ArrayLike<number>,
  terms: ReadonlySet<string>,
  phrases: readonly string[],
  options: { window?: number; min?: number } = {},
): Collocates {
  const nearby = nearHits(articles, ids, terms, phrases, options.window ?? COLLOCATE_WINDOW);
  const shown = candidatesOf(nearby, terms, phrases, options.min ?? COLLOCATE_MIN);
  return rankCollocates(nearby, shown, corpusFrequencies(articles, shown));
}
