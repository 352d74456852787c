/**
 * Running a query over the index: each free word becomes the set of vocabulary terms it
 * matches (exact, prefix, fuzzy), their postings are unioned, words are intersected, then
 * phrases, fields, years and exclusions narrow the set. Results are ranked.
 */
import type { Mention } from '../corpus/types.js';
import { canonicalName } from '../entities/resolveName.js';
import { foldMarks } from '../text/fold.js';
import type { Query } from './query.js';
import { hasMarkFilter, isEmptyQuery } from './query.js';
import { fuzzyMatches } from './fuzzy.js';
import { lowerBound, postingAt, postingOf, termsOf, titlePostingAt, type FieldName, type SearchIndex } from './searchIndex.js';

export interface SearchResult {
  /** article positions in the corpus, best first (corpus order when the query has no words) */
  ids: number[];
  /** relevance scores, position by position with ids (empty when the query has no words) */
  scores: Float64Array;
  /** vocabulary terms the free words matched: what to highlight */
  terms: Set<string>;
  phrases: string[];
  /** while a phrase is still being checked (a budget was given): how far, 0–1; the ids are those found so far */
  pending?: number;
}

/** The fuzzy budget by word length (research §4.6): 1 edit for 5–8 letters, 2 for 9 or more, none below. */
export function editBudget(m: number): number {
  return m <= 4 ? 0 : m <= 8 ? 1 : 2;
}

/**
 * The vocabulary rows a query word stands for, each with a closeness in (0, 1]: the word
 * itself, the terms it begins (what the user is still typing: "naz" → nazarbayev) and the
 * whole terms within the edit budget ("kazakhstn" → kazakhstan), closer first.
 */
export function expandTerms(index: SearchIndex, word: string): Map<number, number> {
  const out = new Map<number, number>();
  const [w] = termsOf(word);
  if (!w) return out;
  const { vocabulary } = index;
  // a binary search finds the word, and the prefix range right after it. One letter is no
  // prefix worth the postings of a quarter of the vocabulary.
  let i = lowerBound(vocabulary, w);
  if (vocabulary[i] === w) out.set(i++, 1);
  if (w.length >= 2) for (; i < vocabulary.length && vocabulary[i]!.startsWith(w); i++) out.set(i, 0.8);
  const k = editBudget(w.length);
  if (k > 0) {
    for (const { term, distance } of fuzzyMatches(index.fuzzy, vocabulary, w, k))
      out.set(term, Math.max(out.get(term) ?? 0, 0.9 - (distance + 0.5) / w.length));
  }
  return out;
}

/** expandTerms by the terms themselves. */
export function expandWord(index: SearchIndex, word: string): Map<string, number> {
  return new Map([...expandTerms(index, word)].map(([k, closeness]) => [index.vocabulary[k]!, closeness]));
}

function range(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** A byte per article, 1 for those in ids. */
function maskOf(n: number, ids: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(n);
  for (const id of ids) mask[id] = 1;
  return mask;
}

/** The articles a query word finds, ascending, and how well each matches it; what to highlight. */
interface WordHits {
  ids: Int32Array;
  weights: Float64Array;
  terms: string[];
}

/**
 * Working state kept beside an index, not in it: per-article buffers (a keystroke at 100,000
 * articles would otherwise leave megabytes of garbage behind, and hundreds of them push peak
 * memory up), the last few phrases' articles and the last words' hits: typing the second
 * word of a query, or erasing back to the first, does not look the first up again.
 */
const scratch = new WeakMap<
  SearchIndex,
  { best: Float64Array; total: Float64Array; found: Uint16Array; phrases: Map<string, PhraseCheck>; words: Map<string, WordHits | null> }
>();

function scratchOf(index: SearchIndex) {
  let s = scratch.get(index);
  const n = index.docs.length;
  if (!s) scratch.set(index, (s = { best: new Float64Array(n), total: new Float64Array(n), found: new Uint16Array(n), phrases: new Map(), words: new Map() }));
  return s;
}

/** How many words' hits are kept: a query being typed and erased, a few words long. */
const WORDS_KEPT = 16;

/**
 * The hits of one query word: each matching term's postings weighed by its closeness and
 * rarity, the best weight an article gets; null for a lone letter that is no word of the
 * corpus (a word still being typed: it does not empty the list before the next letter).
 */
function wordHits(index: SearchIndex, word: string): WordHits | null {
  const s = scratchOf(index);
  if (s.words.has(word)) {
    const kept = s.words.get(word)!;
    s.words.delete(word); // most recent last
    s.words.set(word, kept);
    return kept;
  }
  const n = index.docs.length;
  const expansion = expandTerms(index, word);
  let hits: WordHits | null = null;
  if (expansion.size > 0 || (termsOf(word)[0]?.length ?? 0) >= 2) {
    const best = s.best.fill(0);
    const terms: string[] = [];
    let count = 0;
    for (const [k, closeness] of expansion) {
      terms.push(index.vocabulary[k]!);
      const posting = postingAt(index, k);
      const weight = closeness * Math.log(1 + n / posting.length);
      for (let p = 0; p < posting.length; p++) {
        const id = posting[p]!;
        if (best[id] === 0) count++;
        if (weight > best[id]!) best[id] = weight;
      }
      // a word in the title counts double: its title list is short, walk it apart
      const inTitles = titlePostingAt(index, k);
      for (let p = 0; p < inTitles.length; p++) if (2 * weight > best[inTitles[p]!]!) best[inTitles[p]!] = 2 * weight;
    }
    const ids = new Int32Array(count);
    const weights = new Float64Array(count);
    for (let id = 0, at = 0; at < count; id++) {
      if (best[id]! > 0) {
        ids[at] = id;
        weights[at++] = best[id]!;
      }
    }
    hits = { ids, weights, terms };
  }
  if (s.words.size >= WORDS_KEPT) s.words.delete(s.words.keys().next().value!);
  s.words.set(word, hits);
  return hits;
}

const NO_SCORES = new Float64Array(0);

/**
 * A phrase being checked: the articles holding all its words are read one by one (their
 * text is needed, and a phrase of common words has thousands), so a keystroke can check some
 * and the next ones go on where it stopped.
 */
interface PhraseCheck {
  /** 1 for the articles found to hold the phrase so far */
  mask: Uint8Array;
  candidates: number[];
  /** how many of the candidates are checked */
  next: number;
  test(id: number): boolean;
}

/** The phrase's check, made on first need and kept (the last 8 phrases). */
function phraseCheck(index: SearchIndex, phrase: string): PhraseCheck {
  const words = termsOf(phrase);
  const key = words.join(' ');
  const { phrases } = scratchOf(index);
  const kept = phrases.get(key);
  if (kept) return kept;
  const n = index.docs.length;
  // only articles holding every word can hold the phrase; of those, only paragraphs that
  // hold it as text are split into words (the index keeps no folded copy of every article)
  let candidates: number[] = [...(postingOf(index, words[0] ?? '') ?? [])];
  for (const w of words.slice(1)) {
    const has = maskOf(n, postingOf(index, w) ?? []);
    candidates = candidates.filter((id) => has[id]);
  }
  const p = ` ${key} `;
  // in folded text without marks or apostrophes the terms are the runs of letters and
  // digits: there the phrase is its words with anything else between them, one native regex
  // test instead of splitting the paragraph into words (words are letters, digits and marks)
  const plain = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
  const test = (id: number) => {
    const a = index.docs[id]!.article;
    for (const text of [a.title ?? '', ...a.paragraphs]) {
      const folded = foldMarks(text);
      if (MARK_OR_APOSTROPHE.test(folded) ? ` ${termsOf(text).join(' ')} `.includes(p) : words.every((w) => folded.includes(w)) && plain.test(folded))
        return true;
    }
    return false;
  };
  const check: PhraseCheck = { mask: new Uint8Array(n), candidates, next: 0, test };
  if (phrases.size >= 8) phrases.delete(phrases.keys().next().value!);
  phrases.set(key, check);
  return check;
}

/** Checks the phrase's candidates until `until` (performance.now()); true once all are checked. */
function advance(check: PhraseCheck, until: number): boolean {
  const { candidates, mask } = check;
  while (check.next < candidates.length) {
    const id = candidates[check.next++]!;
    if (check.test(id)) mask[id] = 1;
    if ((check.next & 15) === 0 && performance.now() >= until) break;
  }
  return check.next >= candidates.length;
}

const MARK_OR_APOSTROPHE = /[\p{M}'’]/u;

const MENTION_TYPE = { country: 'country', person: 'person', org: 'organization', place: 'place' } as const;

/**
 * Which mentions a field filter found (`country:Tajikistan`: the article's mentions of it), as
 * `fieldMask` matches names: the value's words within the name or spelling, or the canonical
 * name the value spells. The reader marks them as hits, so n and N go from one to the next.
 */
export function fieldMentions(fields: Query['fields']): (m: Pick<Mention, 'type' | 'name' | 'text'>) => boolean {
  const tests = fields
    .filter((f) => f.field !== 'source')
    .map(({ field, value }) => {
      const type = MENTION_TYPE[field as Exclude<FieldName, 'source'>];
      const v = termsOf(value).join(' ');
      const canonical = type === 'person' ? null : canonicalName(type, value);
      const c = canonical ? termsOf(canonical).join(' ') : null;
      return (m: Pick<Mention, 'type' | 'name' | 'text'>) => {
        if (m.type !== type) return false;
        const name = termsOf(m.name).join(' ');
        return name.includes(v) || termsOf(m.text).join(' ').includes(v) || (c !== null && name.includes(c));
      };
    });
  return (m) => tests.some((t) => t(m));
}

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

/**
 * `until` (performance.now()): when a phrase's check must stop for now; the result then
 * holds the articles found so far and says how far the check is (`pending`).
 */
export function runQuery(index: SearchIndex, q: Query, until = Infinity): SearchResult {
  const n = index.docs.length;
  const terms = new Set<string>();
  // the words' articles intersected (each word counts an article once), scores summed
  const { total, found } = scratchOf(index);
  const words = q.words.map((w) => wordHits(index, w)).filter((h): h is WordHits => h !== null);
  let ids: number[] | null = null;
  if (words.length) {
    total.fill(0);
    found.fill(0);
    for (const h of words) {
      for (const t of h.terms) terms.add(t);
      for (let p = 0; p < h.ids.length; p++) {
        const id = h.ids[p]!;
        found[id]!++;
        total[id]! += h.weights[p]!;
      }
    }
    // those every word found, in corpus order: the fewest hits are walked
    const fewest = words.reduce((a, b) => (b.ids.length < a.ids.length ? b : a)).ids;
    let count = 0;
    for (let p = 0; p < fewest.length; p++) if (found[fewest[p]!] === words.length) count++;
    ids = new Array<number>(count);
    for (let p = 0, at = 0; p < fewest.length; p++) if (found[fewest[p]!] === words.length) ids[at++] = fewest[p]!;
  }
  let result = ids ?? range(n);
  const keep = (mask: Uint8Array, want = 1) => (result = result.filter((id) => mask[id] === want));
  let pending: number | undefined;
  for (const phrase of q.phrases) {
    const check = phraseCheck(index, phrase);
    if (!advance(check, until)) pending = Math.min(pending ?? 1, check.next / check.candidates.length);
    keep(check.mask);
  }
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
    // words that found nothing yet (a lone letter) leave every score 0: corpus order it is
    if (words.length) result = rank(result, total);
    scores = new Float64Array(result.length);
    if (words.length) for (let i = 0; i < result.length; i++) scores[i] = total[result[i]!]!;
  }
  return { ids: result, scores, terms, phrases: q.phrases, ...(pending === undefined ? {} : { pending }) };
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
export type MarksOf = (articleId: string) => { read?: boolean; starred?: boolean; note?: string; tags?: string[]; new?: boolean } | undefined;

/** Whether an article's marks pass a query's is:/has:/tag: parts (none: every article does). */
export function marksAllow(want: Query['marks'], m: ReturnType<MarksOf>): boolean {
  return (
    (!want.starred || !!m?.starred) &&
    (!want.unread || !m?.read) &&
    (!want.read || !!m?.read) &&
    (!want.note || !!m?.note) &&
    (!want.tags || want.tags.every((t) => m?.tags?.includes(t))) &&
    (!want.new || !!m?.new)
  );
}

/** `budgetMs`: how long a phrase's check may take now (the dashboard); the rest waits for the next call. */
export function searchAll(index: SearchIndex, q: Query, marksOf: MarksOf = () => undefined, budgetMs = Infinity): SearchResult {
  if (isEmptyQuery(q)) return { ids: index.docs.map((_, i) => i), scores: NO_SCORES, terms: new Set(), phrases: [] };
  const r = runQuery(index, q, performance.now() + budgetMs);
  if (hasMarkFilter(q)) {
    const keep = r.ids.map((i) => marksAllow(q.marks, marksOf(index.docs[i]!.article.id)));
    r.ids = r.ids.filter((_, k) => keep[k]);
    // scores stay position by position with the ids
    if (r.scores.length) r.scores = r.scores.filter((_, k) => keep[k]);
  }
  return r;
}
