/**
 * Running a query over the index: each free word becomes the set of vocabulary terms it
 * matches (exact, prefix, fuzzy), their postings are unioned, words are intersected, then
 * phrases, fields, years and exclusions narrow the set. Results are ranked.
 */
import type { Query } from './query.js';
import { isEmptyQuery } from './query.js';
import { termsOf, type SearchIndex } from './searchIndex.js';

export interface SearchResult {
  /** article positions in the corpus, best first (corpus order when the query has no words) */
  ids: number[];
  scores: Map<number, number>;
  /** vocabulary terms the free words matched: what to highlight */
  terms: Set<string>;
  phrases: string[];
}

/** Fuzzy budget by word length (research §4.6): k edits on m letters, threshold (k + 0.5)/m. */
function threshold(m: number): number | null {
  if (m <= 4) return null;
  const k = m <= 8 ? 1 : 2;
  return (k + 0.5) / m;
}

/** Vocabulary terms a query word stands for, each with a closeness in (0, 1]. */
export function expandWord(index: SearchIndex, word: string): Map<string, number> {
  const out = new Map<string, number>();
  const [w] = termsOf(word);
  if (!w) return out;
  if (index.postings.has(w)) out.set(w, 1);
  // prefix: what the user is still typing ("naz" → nazarbayev); a binary search finds the
  // range. One letter is no prefix worth the postings of a quarter of the vocabulary.
  for (let i = w.length < 2 ? index.vocabulary.length : lowerBound(index.vocabulary, w); i < index.vocabulary.length && index.vocabulary[i]!.startsWith(w); i++) {
    const t = index.vocabulary[i]!;
    if (t !== w) out.set(t, Math.max(out.get(t) ?? 0, 0.8));
  }
  const limit = threshold(w.length);
  if (limit !== null) {
    for (const r of index.fuse.search(w)) {
      const score = r.score ?? 1;
      // only whole-term near misses: the term must be about as long as the word
      if (score <= limit && Math.abs(r.item.length - w.length) <= 2) out.set(r.item, Math.max(out.get(r.item) ?? 0, 0.9 - score));
    }
  }
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function runQuery(index: SearchIndex, q: Query): SearchResult {
  const n = index.docs.length;
  const terms = new Set<string>();
  const scores = new Map<number, number>();
  let ids: number[] | null = null;
  // typed arrays over the articles: a keystroke costs the postings it touches plus one pass
  const total = new Float64Array(n);
  const best = new Float64Array(n);
  for (const word of q.words) {
    best.fill(0);
    for (const [term, closeness] of expandWord(index, word)) {
      terms.add(term);
      const posting = index.postings.get(term)!;
      const weight = closeness * Math.log(1 + n / posting.length);
      for (const id of posting) {
        const w = index.docs[id]!.titleTerms.has(term) ? 2 * weight : weight;
        if (w > best[id]!) best[id] = w;
      }
    }
    const next: number[] = [];
    for (const id of ids ?? range(n)) {
      if (best[id]! > 0) {
        next.push(id);
        total[id]! += best[id]!;
      }
    }
    ids = next;
  }
  for (const id of ids ?? []) scores.set(id, total[id]!);
  let result = ids ?? range(n);
  const keep = (pred: (id: number) => boolean) => (result = result.filter(pred));
  for (const phrase of q.phrases) {
    const words = termsOf(phrase);
    // only articles holding every word of the phrase can hold the phrase: check those alone
    for (const w of words) {
      const holding = new Set(index.postings.get(w) ?? []);
      keep((id) => holding.has(id));
    }
    const p = words.join(' ');
    keep((id) => index.docs[id]!.haystack.includes(p));
  }
  for (const { field, value } of q.fields) {
    const v = termsOf(value).join(' ');
    if (field === 'source') keep((id) => index.docs[id]!.source.includes(v));
    else keep((id) => index.docs[id]!.fields[field].some((name) => name.includes(v)));
  }
  if (q.years) {
    const { from, to } = q.years;
    keep((id) => {
      const y = index.docs[id]!.year;
      return y !== null && y >= from && y <= to;
    });
  }
  for (const word of q.excluded) {
    const excludedIds = new Set(index.postings.get(termsOf(word)[0] ?? '') ?? []);
    keep((id) => !excludedIds.has(id));
  }
  if (q.words.length) result = [...result].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a - b);
  return { ids: result, scores, terms, phrases: q.phrases };
}

/** What the review marks say of an article, for is:/has: filters. */
export type MarksOf = (articleId: string) => { read?: boolean; starred?: boolean; note?: string } | undefined;

export function searchAll(index: SearchIndex, q: Query, marksOf: MarksOf = () => undefined): SearchResult {
  if (isEmptyQuery(q)) return { ids: index.docs.map((_, i) => i), scores: new Map(), terms: new Set(), phrases: [] };
  const r = runQuery(index, q);
  const { starred, unread, read, note } = q.marks;
  if (starred || unread || read || note) {
    r.ids = r.ids.filter((i) => {
      const m = marksOf(index.docs[i]!.article.id);
      return (!starred || !!m?.starred) && (!unread || !m?.read) && (!read || !!m?.read) && (!note || !!m?.note);
    });
  }
  return r;
}
