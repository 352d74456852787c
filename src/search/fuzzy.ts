/**
 * Fuzzy matching over the vocabulary by edit distance: the terms within k edits (Levenshtein)
 * of a word, found without scanning the vocabulary. An index of padded letter pairs (bigrams)
 * lists the terms holding each pair; a term within k edits of the word misses at most 2k of
 * the word's distinct pairs (an edit touches two), so counting shared pairs over the word's
 * few posting lists leaves a handful of candidates, each then measured exactly. Typed arrays
 * throughout, so the index goes into a snapshot as it is.
 */

/** Terms shorter than this are never fuzzy candidates: a 5-letter word, 1 edit, reaches 4. */
export const MIN_FUZZY_TERM = 4;
const PAD = '\u0001';

export interface FuzzyIndex {
  /** each padded bigram → its row in `starts` */
  grams: Map<string, number>;
  /** per bigram, the vocabulary positions of the terms holding it, ascending */
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
  // pass 2 (at once: a few passes over typed arrays): the lists end to end
  const finish = (): FuzzyIndex => {
    const starts = new Int32Array(grams.size + 1);
    for (let g = 0; g < grams.size; g++) starts[g + 1] = starts[g]! + counts[g]!;
    const data = new Int32Array(starts[grams.size]!);
    const fill = starts.slice(0, grams.size);
    perTerm.forEach((ids, term) => {
      for (const g of ids) data[fill[g]!++] = term;
    });
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

/** Per vocabulary, the counters a query reuses (a keystroke allocates nothing that size). */
const scratch = new WeakMap<FuzzyIndex, { count: Uint8Array; row: Int32Array }>();

/** The vocabulary positions of the terms within k edits of `word`, with their distances (the word itself excluded). */
export function fuzzyMatches(index: FuzzyIndex, vocabulary: string[], word: string, k: number): { term: number; distance: number }[] {
  let s = scratch.get(index);
  if (!s || s.count.length < vocabulary.length) scratch.set(index, (s = { count: new Uint8Array(vocabulary.length), row: new Int32Array(64) }));
  const { count } = s;
  const grams = gramsOf(word);
  const needed = grams.length - 2 * k;
  const touched: number[] = [];
  for (const g of grams) {
    const id = index.grams.get(g);
    if (id === undefined) continue;
    for (let p = index.starts[id]!; p < index.starts[id + 1]!; p++) {
      const term = index.data[p]!;
      if (count[term] === 0) touched.push(term);
      // saturates: a word has at most 255 distinct pairs that count
      if (count[term]! < 255) count[term]!++;
    }
  }
  const out: { term: number; distance: number }[] = [];
  for (const term of touched) {
    const shared = count[term]!;
    count[term] = 0;
    if (shared < needed) continue;
    const t = vocabulary[term]!;
    if (t === word || Math.abs(t.length - word.length) > k) continue;
    if (s.row.length <= t.length) s.row = new Int32Array(t.length * 2);
    const d = boundedDistance(word, t, k, s.row);
    if (d <= k) out.push({ term, distance: d });
  }
  return out;
}
