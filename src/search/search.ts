/**
 * Running a query over the index: each free word becomes the set of vocabulary terms it
 * matches (exact, prefix, fuzzy), their postings are unioned, words are intersected, then
 * phrases, fields, years and exclusions narrow the set. Results are ranked.
 */
import { canonicalName } from '../entities/resolveName.js';
import type { Query } from './query.js';
import { isEmptyQuery } from './query.js';
import { fuzzyMatches } from './fuzzy.js';
import { postingOf, termsOf, type FieldName, type SearchIndex } from './searchIndex.js';

export interface SearchResult {
  /** article positions in the corpus, best first (corpus order when the query has no words) */
  ids: number[];
  /** relevance scores, position by position with ids (empty when the query has no words) */
  scores: Float64Array;
  /** vocabulary terms the free words matched: what to highlight */
  terms: Set<string>;
  phrases: string[];
}

/** The fuzzy budget by word length (research §4.6): 1 edit for 5–8 letters, 2 for 9 or more, none below. */
export function editBudget(m: number): number {
  return m <= 4 ? 0 : m <= 8 ? 1 : 2;
}

/** Vocabulary terms a query word stands for, each with a closeness in (0, 1]. */
export function expandWord(index: SearchIndex, word: string): Map<string, number> {
  const out = new Map<string, number>();
  const [w] = termsOf(word);
  if (!w) return out;
  if (index.terms.has(w)) out.set(w, 1);
  // prefix: what the user is still typing ("naz" → nazarbayev); a binary search finds the
  // range. One letter is no prefix worth the postings of a quarter of the vocabulary.
  for (
    let i = w.length < 2 ? index.vocabulary.length : lowerBound(index.vocabulary, w);
    i < index.vocabulary.length && index.vocabulary[i]!.startsWith(w);
    i++
  ) {
    const t = index.vocabulary[i]!;
    if (t !== w) out.set(t, Math.max(out.get(t) ?? 0, 0.8));
  }
  // near misses: whole terms within the edit budget ("kazakhstn" → kazakhstan), closer first
  const k = editBudget(w.length);
  if (k > 0) {
    for (const { term, distance } of fuzzyMatches(index.fuzzy, index.vocabulary, w, k)) {
      const t = index.vocabulary[term]!;
      out.set(t, Math.max(out.get(t) ?? 0, 0.9 - (distance + 0.5) / w.length));
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

/** A byte per article, 1 for those in ids. */
function maskOf(n: number, ids: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(n);
  for (const id of ids) mask[id] = 1;
  return mask;
}

/**
 * Working state kept beside an index, not in it: per-article score buffers (a keystroke at
 * 100,000 articles would otherwise leave 1.6 MB of garbage behind, and hundreds of them push
 * peak memory up) and the last few phrases' articles (typing on after a phrase reuses them).
 */
const scratch = new WeakMap<SearchIndex, { best: Float64Array; total: Float64Array; phrases: Map<string, Uint8Array> }>();

function scratchOf(index: SearchIndex) {
  let s = scratch.get(index);
  if (!s) scratch.set(index, (s = { best: new Float64Array(index.docs.length), total: new Float64Array(index.docs.length), phrases: new Map() }));
  return s;
}

const NO_SCORES = new Float64Array(0);

/** Articles holding the phrase as consecutive words in one paragraph (or the title). */
function phraseMask(index: SearchIndex, phrase: string): Uint8Array {
  const words = termsOf(phrase);
  const key = words.join(' ');
  const { phrases } = scratchOf(index);
  const cached = phrases.get(key);
  if (cached) return cached;
  const n = index.docs.length;
  // only articles holding every word can hold the phrase; of those, only paragraphs that
  // hold it as text are split into words (the index keeps no folded copy of every article)
  let candidates: Iterable<number> = postingOf(index, words[0] ?? '') ?? [];
  for (const w of words.slice(1)) {
    const has = maskOf(n, postingOf(index, w) ?? []);
    candidates = [...candidates].filter((id) => has[id]);
  }
  const mask = new Uint8Array(n);
  const p = ` ${key} `;
  for (const id of candidates) {
    const a = index.docs[id]!.article;
    for (const text of [a.title ?? '', ...a.paragraphs]) {
      // plain ASCII text without apostrophes folds to its lowercase: a cheap first test
      if (!/[^\x00-\x7f]|'/.test(text)) {
        const lower = text.toLowerCase();
        if (!words.every((w) => lower.includes(w))) continue;
      }
      if (` ${termsOf(text).join(' ')} `.includes(p)) {
        mask[id] = 1;
        break;
      }
    }
  }
  if (phrases.size >= 8) phrases.delete(phrases.keys().next().value!);
  phrases.set(key, mask);
  return mask;
}

const MENTION_TYPE = { country: 'country', person: 'person', org: 'organization', place: 'place' } as const;

/**
 * Articles with a name in the field containing the value's words, or the canonical name the
 * value spells in any language the gazetteer reads (`country:Казахстан` = `country:Kazakhstan`).
 */
function fieldMask(index: SearchIndex, field: FieldName, value: string): Uint8Array {
  const mask = new Uint8Array(index.docs.length);
  const mark = (v: string) => {
    let hit = false;
    for (const [name, ids] of index.fields[field]) {
      if (!name.includes(v)) continue;
      for (const id of ids) mask[id] = 1;
      hit ||= ids.length > 0;
    }
    return hit;
  };
  const hit = mark(termsOf(value).join(' '));
  const type = field === 'source' ? null : MENTION_TYPE[field];
  // the gazetteer is built on first need (a fraction of a second, once): only for a spelling
  // that is not the plain English form names are kept in (another script, several words), or
  // one that found nothing as written
  if (type && type !== 'person' && (!hit || /[^\x00-\x7f]|\s/.test(value.trim()))) {
    const canonical = canonicalName(type, value);
    if (canonical) mark(termsOf(canonical).join(' '));
  }
  return mask;
}

export function runQuery(index: SearchIndex, q: Query): SearchResult {
  const n = index.docs.length;
  const terms = new Set<string>();
  let ids: number[] | null = null;
  // typed arrays over the articles: a keystroke costs the postings it touches plus one pass
  const buffers = scratchOf(index);
  const best = buffers.best;
  const total = buffers.total.fill(0);
  for (const word of q.words) {
    const expansion = expandWord(index, word);
    // a lone letter that is no word of the corpus is a word still being typed: it does not
    // empty the list while the user types the next letter
    if (expansion.size === 0 && (termsOf(word)[0]?.length ?? 0) < 2) continue;
    best.fill(0);
    for (const [term, closeness] of expansion) {
      terms.add(term);
      const posting = postingOf(index, term)!;
      const weight = closeness * Math.log(1 + n / posting.length);
      for (const id of posting) if (weight > best[id]!) best[id] = weight;
      // a word in the title counts double: its title list is short, walk it apart
      for (const id of index.titles.get(term) ?? []) if (2 * weight > best[id]!) best[id] = 2 * weight;
    }
    const next: number[] = [];
    if (ids === null) {
      for (let id = 0; id < n; id++) if (best[id]! > 0) next.push(id);
    } else for (const id of ids) if (best[id]! > 0) next.push(id);
    for (const id of next) total[id]! += best[id]!;
    ids = next;
  }
  let result = ids ?? range(n);
  const keep = (mask: Uint8Array, want = 1) => (result = result.filter((id) => mask[id] === want));
  for (const phrase of q.phrases) keep(phraseMask(index, phrase));
  for (const { field, value } of q.fields) keep(fieldMask(index, field, value));
  if (q.years) {
    const { from, to } = q.years;
    result = result.filter((id) => {
      const y = index.docs[id]!.year;
      return y !== null && y >= from && y <= to;
    });
  }
  for (const word of q.excluded) keep(maskOf(n, postingOf(index, termsOf(word)[0] ?? '') ?? []), 0);
  // the result keeps its own scores: the shared buffer is the next keystroke's
  let scores = NO_SCORES;
  if (q.words.length) {
    result = rank(result, total);
    scores = Float64Array.from(result, (id) => total[id]!);
  }
  return { ids: result, scores, terms, phrases: q.phrases };
}

/**
 * Ids by score, best first, ties in corpus order. Each id becomes one number, its score in
 * millionths above the id's bits, and a typed array sorts those natively: a comparator sort
 * of 100,000 ids costs ~40 ms, this a few. Where the numbers would not fit a double's 53
 * exact bits, the comparator sort it is.
 */
function rank(ids: number[], score: Float64Array): number[] {
  const shift = 2 ** Math.ceil(Math.log2(score.length + 1));
  let top = 0;
  for (const id of ids) top = Math.max(top, score[id]!);
  if (Math.round(top * 1e6) * shift >= 2 ** 52) return [...ids].sort((a, b) => score[b]! - score[a]! || a - b);
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = -Math.round(score[ids[i]!]! * 1e6) * shift + ids[i]!;
  keys.sort();
  const out = new Array<number>(ids.length);
  for (let i = 0; i < keys.length; i++) out[i] = ((keys[i]! % shift) + shift) % shift;
  return out;
}

/** What the review marks say of an article, for is:/has: filters. */
export type MarksOf = (articleId: string) => { read?: boolean; starred?: boolean; note?: string } | undefined;

export function searchAll(index: SearchIndex, q: Query, marksOf: MarksOf = () => undefined): SearchResult {
  if (isEmptyQuery(q)) return { ids: index.docs.map((_, i) => i), scores: NO_SCORES, terms: new Set(), phrases: [] };
  const r = runQuery(index, q);
  const { starred, unread, read, note } = q.marks;
  if (starred || unread || read || note) {
    const keep = r.ids.map((i) => {
      const m = marksOf(index.docs[i]!.article.id);
      return (!starred || !!m?.starred) && (!unread || !m?.read) && (!read || !!m?.read) && (!note || !!m?.note);
    });
    r.ids = r.ids.filter((_, k) => keep[k]);
    // scores stay position by position with the ids
    if (r.scores.length) r.scores = r.scores.filter((_, k) => keep[k]);
  }
  return r;
}
