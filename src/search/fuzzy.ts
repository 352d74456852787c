/**
 * Fuzzy matching over the vocabulary by edit distance: the terms within k edits (Levenshtein)
 * of a word, found without scanning the vocabulary. An index of padded letter pairs (bigrams)
 * lists the terms holding each pair, shortest terms first. A term within k edits of the word
 * misses at most 2k of the word's distinct pairs (an edit touches two), so it holds at least
 * one of any 2k + 1 of them: the candidates are the terms of the right length (within k of
 * the word's) on the word's 2k + 1 rarest pairs' lists, each then measured exactly (prefix
 * filtering, as in Chaudhuri et al.'s set-similarity joins). Typed arrays throughout, so the
 * index goes into a snapshot as it is.
 */

/** Terms shorter than this are never fuzzy candidates: a 5-letter word, 1 edit, reaches 4. */
export const MIN_FUZZY_TERM = 4;
const PAD = '\u0001';

export interface FuzzyIndex {
  /** each padded bigram → its row in `starts` */
  grams: Map<string, number>;
  /** per bigram, the vocabulary positions of the terms holding it, by length then position */
  data: Int32Array;
  /** where bigram g's list starts in data; it ends where g + 1's starts */
  starts: Int32Array;
}

/** The bigrams of `^term$`, each once. */
function gramsOf(term: string): string[] {
  const padded = PAD + term + PAD;
  const out = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) out.add(padded.slice(i, i + 2));
  return [...out];
}

/** The index over a sorted vocabulary, a slice at a time: `next(budgetMs)` is true once it is built. */
export function fuzzyInSlices(vocabulary: string[]): { next(budgetMs: number): boolean; index(): FuzzyIndex | null } {
  const grams = new Map<string, number>();
  let counts = new Int32Array(1024);
  const perTerm: Int32Array[] = [];
  let i = 0;
  let built: FuzzyIndex | null = null;
  // pass 1 (sliced): each term's bigram ids, and how many terms hold each bigram
  const collect = (until: number) => {
    for (; i < vocabulary.length && (i & 255 || performance.now() < until); i++) {
      const term = vocabulary[i]!;
      if (term.length < MIN_FUZZY_TERM) {
        perTerm.push(EMPTY);
        continue;
      }
      const ids = gramsOf(term).map((g) => {
        let id = grams.get(g);
        if (id === undefined) {
          id = grams.size;
          grams.set(g, id);
          if (id >= counts.length) {
            const more = new Int32Array(counts.length * 2);
            more.set(counts);
            counts = more;
          }
        }
        counts[id]!++;
        return id;
      });
      perTerm.push(Int32Array.from(ids));
    }
  };
  // pass 2 (at once: a few passes over typed arrays): the lists end to end, each list's
  // terms shortest first (the terms taken in order of length), so that a query reads only
  // the lengths within its budget
  const finish = (): FuzzyIndex => {
    const starts = new Int32Array(grams.size + 1);
    for (let g = 0; g < grams.size; g++) starts[g + 1] = starts[g]! + counts[g]!;
    const data = new Int32Array(starts[grams.size]!);
    const fill = starts.slice(0, grams.size);
    for (const term of byLength(vocabulary)) for (const g of perTerm[term]!) data[fill[g]!++] = term;
    perTerm.length = 0;
    return { grams, data, starts };
  };
  return {
    next(budgetMs) {
      if (built) return true;
      collect(performance.now() + budgetMs);
      if (i < vocabulary.length) return false;
      built = finish();
      return true;
    },
    index: () => built,
  };
}

const EMPTY = new Int32Array(0);

/** Vocabulary positions ordered by term length, positions ascending within a length (a counting sort). */
function byLength(vocabulary: string[]): Int32Array {
  let longest = 0;
  for (const t of vocabulary) longest = Math.max(longest, t.length);
  const at = new Int32Array(longest + 2);
  for (const t of vocabulary) at[t.length + 1]!++;
  for (let l = 1; l < at.length; l++) at[l]! += at[l - 1]!;
  const order = new Int32Array(vocabulary.length);
  vocabulary.forEach((t, i) => {
    order[at[t.length]!++] = i;
  });
  return order;
}

export function buildFuzzy(vocabulary: string[]): FuzzyIndex {
  const job = fuzzyInSlices(vocabulary);
  job.next(Infinity);
  return job.index()!;
}

/** Levenshtein distance of a and b if it is at most k, else k + 1 (one band of the table, rows reused). */
export function boundedDistance(a: string, b: string, k: number, row: Int32Array = new Int32Array(b.length + 1)): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  const n = b.length;
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const above = row[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      row[j] = v;
      diagonal = above;
      if (v < best) best = v;
    }
    if (best > k) return k + 1;
  }
  return Math.min(row[n]!, k + 1);
}

/** Per vocabulary, the marks a query reuses (a keystroke allocates nothing that size). */
const scratch = new WeakMap<FuzzyIndex, { seen: Uint32Array; stamp: number; row: Int32Array }>();

/** The first position in [lo, hi) of a length-ordered list whose term is at least `length` long. */
function firstOfLength(index: FuzzyIndex, vocabulary: string[], lo: number, hi: number, length: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary[index.data[mid]!]!.length < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary positions of the terms within k edits of `word`, with their distances (the word itself excluded). */
export function fuzzyMatches(index: FuzzyIndex, vocabulary: string[], word: string, k: number): { term: number; distance: number }[] {
  let s = scratch.get(index);
  if (!s || s.seen.length < vocabulary.length) scratch.set(index, (s = { seen: new Uint32Array(vocabulary.length), stamp: 0, row: new Int32Array(64) }));
  // a stamp per query marks the candidates already measured: no clearing pass
  if (++s.stamp === 0xffffffff) {
    s.seen.fill(0);
    s.stamp = 1;
  }
  const { seen, stamp } = s;
  const shortest = Math.max(MIN_FUZZY_TERM, word.length - k);
  const longest = word.length + k;
  const out: { term: number; distance: number }[] = [];
  const measure = (term: number) => {
    if (seen[term] === stamp) return;
    seen[term] = stamp;
    const t = vocabulary[term]!;
    if (t === word) return;
    if (s.row.length <= t.length) s.row = new Int32Array(t.length * 2);
    const d = boundedDistance(word, t, k, s.row);
    if (d <= k) out.push({ term, distance: d });
  };
  // the word's pairs, each with the part of its list of the lengths within budget
  const grams = gramsOf(word);
  const ranges: [number, number][] = [];
  for (const g of grams) {
    const id = index.grams.get(g);
    if (id === undefined) continue; // no term holds it: a pair the term would miss
    const from = firstOfLength(index, vocabulary, index.starts[id]!, index.starts[id + 1]!, shortest);
    const to = firstOfLength(index, vocabulary, from, index.starts[id + 1]!, longest + 1);
    ranges.push([from, to]);
  }
  if (grams.length <= 2 * k) {
    // too few pairs to require any (a short or repetitive word): every term of those lengths
    for (let term = 0; term < vocabulary.length; term++) {
      const l = vocabulary[term]!.length;
      if (l >= shortest && l <= longest) measure(term);
    }
    return out;
  }
  // a match holds one of any 2k + 1 of the word's pairs, and pairs no term holds count among
  // them: only the rarest lists that exist need reading
  const reading = 2 * k + 1 - (grams.length - ranges.length);
  ranges.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
  for (const [from, to] of ranges.slice(0, Math.max(0, reading))) for (let p = from; p < to; p++) measure(index.data[p]!);
  return out;
}
