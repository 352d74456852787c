/**
 * Keyword in context for any word or phrase: every hit of a query's free words and phrases in
 * the articles it matched, with a few words either side, and the orders AntConc sorts a
 * concordance in (by article, or by the first or second word left or right of the hit).
 */
import type { Article } from '../corpus/types.js';
import { hitRanges, WORD } from '../search/hits.js';
import { termsOf } from '../search/searchIndex.js';
import type { KwicLine } from './kwic.js';

/** Words of context on each side unless asked. */
export const KWIC_WINDOW = 8;

export const KWIC_SORTS = ['article', '1L', '2L', '1R', '2R'] as const;
export type KwicSort = (typeof KWIC_SORTS)[number];

/** Where each word of a paragraph starts and ends. */
function wordSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The hits of `terms` (index terms the query matched) and `phrases` in the articles `ids`, in
 * that order, each with `window` words before and after it in its paragraph (as written).
 * Overlapping hits (a word inside a phrase) are shown once, as the longer.
 */
export function wordConcordance(
  articles: readonly Article[],
  ids: ArrayLike<number>,
  terms: ReadonlySet<string>,
  phrases: readonly string[],
  window = KWIC_WINDOW,
): KwicLine[] {
  const out: KwicLine[] = [];
  for (let k = 0; k < ids.length; k++) {
    const a = ids[k]!;
    const article = articles[a]!;
    article.paragraphs.forEach((p, paragraph) => {
      const hits = hitRanges(p, terms, phrases).sort((x, y) => x.start - y.start || y.end - x.end);
      if (!hits.length) return;
      const words = wordSpans(p);
      let shownTo = -1;
      for (const h of hits) {
        if (h.start < shownTo) continue;
        shownTo = h.end;
        // the window's first and last words, counted from the hit's own
        const before = words.filter((w) => w.end <= h.start);
        const after = words.filter((w) => w.start >= h.end);
        const from = before.length > window ? before[before.length - window]!.start : 0;
        const to = after.length > window ? after[window - 1]!.end : p.length;
        out.push({ article: a, paragraph, start: h.start, left: p.slice(from, h.start), keyword: p.slice(h.start, h.end), right: p.slice(h.end, to) });
      }
    });
  }
  return out;
}

/** The folded words of a context, nearest the hit first. */
const wordsOut = (text: string, side: 'left' | 'right') => (side === 'left' ? termsOf(text).reverse() : termsOf(text));

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The lines in an order: 'article' keeps the order given (the search's ranking); 1L sorts by
 * the first word left of the hit, then the next ones outward, 2L from the second word, and 1R
 * and 2R the same to the right. Ties keep the order given.
 */
export function sortConcordance(lines: readonly KwicLine[], by: KwicSort): KwicLine[] {
  if (by === 'article') return [...lines];
  const side = by.endsWith('L') ? 'left' : 'right';
  const skip = by.startsWith('2') ? 1 : 0;
  const keys = lines.map((l) => wordsOut(side === 'left' ? l.left : l.right, side).slice(skip));
  const order = lines.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    for (let w = 0; w < Math.min(a.length, b.length); w++) {
      const c = cmp(a[w]!, b[w]!);
      if (c) return c;
    }
    return a.length - b.length || i - j;
  });
  return order.map((i) => lines[i]!);
}
