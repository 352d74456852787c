/**
 * The search index: an inverted index over the corpus's words, and an edit-distance index
 * over its vocabulary (the unique words), so that fuzzy matching ("nazarbaev" finds
 * "nazarbayev") reads a few lists instead of the vocabulary or the texts.
 */
import type { Article } from '../corpus/types.js';
import { foldMarks } from '../text/fold.js';
import { fuzzyInSlices, type FuzzyIndex } from './fuzzy.js';

export type FieldName = 'country' | 'person' | 'org' | 'place' | 'source';

export interface IndexedArticle {
  article: Article;
  year: number | null;
}

export interface SearchIndex {
  docs: IndexedArticle[];
  /** per field, each distinct name or spelling (as space-joined query terms) → its articles */
  fields: Record<FieldName, Map<string, number[]>>;
  /**
   * per term (its vocabulary position), the articles with it in their title (titles weigh
   * double): laid out as the postings are, term k's ids from titleStarts[k] to titleStarts[k + 1]
   */
  titleData: Int32Array;
  titleStarts: Int32Array;
  /**
   * every posting list end to end, article ids ascending within each: one typed array
   * instead of a JS array per term (4 bytes an entry, no per-list object or slack)
   */
  postingData: Int32Array;
  /** where term k's list starts in postingData; it ends where term k + 1's starts */
  starts: Int32Array;
  /**
   * the vocabulary, sorted: a term's position is its row (found by binary search, so that a
   * later open builds no map of several hundred thousand terms), and prefixes are ranges
   */
  vocabulary: string[];
  /** the vocabulary's letter pairs → its terms, for matches within an edit budget */
  fuzzy: FuzzyIndex;
}

/** Bumped whenever what the index holds, or how words become terms, changes (snapshots key on it). */
export const INDEX_VERSION = 4;

/** The first position in the sorted vocabulary not below `key` (where it is, or would be). */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The term's row, or -1 when the corpus does not hold it. */
export function termId(index: SearchIndex, term: string): number {
  const k = lowerBound(index.vocabulary, term);
  return index.vocabulary[k] === term ? k : -1;
}

/** The ids of the articles holding term k, ascending (a view, not a copy). */
export function postingAt(index: SearchIndex, k: number): Int32Array {
  return index.postingData.subarray(index.starts[k]!, index.starts[k + 1]!);
}

/** The ids of the articles with term k in their title, ascending. */
export function titlePostingAt(index: SearchIndex, k: number): Int32Array {
  return index.titleData.subarray(index.titleStarts[k]!, index.titleStarts[k + 1]!);
}

/** The ids of the articles holding `term`, ascending (a view, not a copy). */
export function postingOf(index: SearchIndex, term: string): Int32Array | undefined {
  const k = termId(index, term);
  return k < 0 ? undefined : postingAt(index, k);
}

// apostrophes inside the token so that "kazakhstan's" is one token, then trimmed below
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;
const APOSTROPHE = /['’]/;

/** Words for indexing and querying: lowercase, accents folded, apostrophes dropped. */
export function termsOf(text: string): string[] {
  return termsOfFolded(foldMarks(text));
}

/** Terms of text that is already folded: "kazakhstan's" → kazakhstan, "o'clock" → oclock. */
function termsOfFolded(folded: string): string[] {
  const words = folded.match(WORD);
  if (!words) return [];
  if (!APOSTROPHE.test(folded)) return words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (APOSTROPHE.test(w)) words[i] = w.replace(/['’]s$/, '').replace(/['’]/g, '');
  }
  return words;
}

/**
 * One term's article ids while the index is built, in a typed array that doubles as it
 * fills: 4 bytes an id where a JS array takes 8, and most of a first open's peak memory is
 * these lists.
 */
class Postings {
  ids: Int32Array;
  length = 1;
  constructor(first: number) {
    this.ids = new Int32Array(2);
    this.ids[0] = first;
  }
  /** Appends id unless it is already the last (ids come in ascending); false when it was. */
  add(id: number): boolean {
    if (this.ids[this.length - 1] === id) return false;
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
    return true;
  }
}

/** Appends id to key's list unless it is already its last entry (ids come in ascending). */
function add(map: Map<string, number[]>, key: string, id: number): boolean {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] === id) return false;
  else list.push(id);
  return true;
}

export function buildIndex(articles: Article[]): SearchIndex {
  const job = indexInSlices(articles);
  while (!job.next(Infinity));
  return job.index()!;
}

/**
 * The index built a slice at a time: each `next` indexes articles until `budgetMs` has
 * passed and says whether all are in; `index()` is null until then. A large corpus opened
 * for the first time is shown while its index is built between key presses.
 */
export function indexInSlices(articles: Article[]): { next(budgetMs: number): boolean; done(): number; index(): SearchIndex | null } {
  const lists = new Map<string, Postings>();
  const titles = new Map<string, number[]>();
  const fields: SearchIndex['fields'] = { country: new Map(), person: new Map(), org: new Map(), place: new Map(), source: new Map() };
  const folded = new Map<string, string>(); // a name's query terms, folded once per distinct name
  const foldName = (name: string) => {
    let f = folded.get(name);
    if (f === undefined) folded.set(name, (f = termsOf(name).join(' ')));
    return f;
  };
  let total = 0;
  const docs: IndexedArticle[] = [];
  let built: SearchIndex | null = null;
  // once every article is in: the postings laid out, then the fuzzy index, itself in slices
  let laidOut: Omit<SearchIndex, 'fuzzy'> | null = null;
  let fuzzyJob: ReturnType<typeof fuzzyInSlices> | null = null;
  const indexArticle = (article: Article, id: number) => {
    // paragraph by paragraph: no joined copy of the whole text is ever made. A list whose
    // last id is this article's already has it: one map lookup a word, no set per article
    for (const p of [article.title ?? '', ...article.paragraphs]) {
      for (const t of termsOf(p)) {
        const list = lists.get(t);
        if (list === undefined) lists.set(t, new Postings(id));
        else if (!list.add(id)) continue;
        total++;
      }
    }
    for (const t of termsOf(article.title ?? '')) add(titles, t, id);
    // entity names and spellings as posting lists per field: a field filter scans the
    // distinct names, not the articles
    for (const m of article.mentions) {
      const field = fields[m.type === 'organization' ? 'org' : m.type];
      add(field, foldName(m.name), id);
      add(field, foldName(m.text), id);
    }
    add(fields.source, foldName(article.publisher ?? ''), id);
    const year = article.published ? Number(article.published.slice(0, 4)) : null;
    docs.push({ article, year });
  };
  const finish = (): Omit<SearchIndex, 'fuzzy'> => {
    const vocabulary = [...lists.keys()].sort();
    const postingData = new Int32Array(total);
    const starts = new Int32Array(vocabulary.length + 1);
    const titleStarts = new Int32Array(vocabulary.length + 1);
    let titleTotal = 0;
    for (const ids of titles.values()) titleTotal += ids.length;
    const titleData = new Int32Array(titleTotal);
    let at = 0;
    let titleAt = 0;
    vocabulary.forEach((t, k) => {
      starts[k] = at;
      const list = lists.get(t)!;
      postingData.set(list.ids.subarray(0, list.length), at);
      at += list.length;
      lists.delete(t); // garbage as soon as it is copied
      titleStarts[k] = titleAt;
      const inTitles = titles.get(t);
      if (inTitles) {
        titleData.set(inTitles, titleAt);
        titleAt += inTitles.length;
      }
    });
    starts[vocabulary.length] = at;
    titleStarts[vocabulary.length] = titleAt;
    return { docs, fields, titleData, titleStarts, postingData, starts, vocabulary };
  };
  return {
    // the articles indexed; the last one counts only once the fuzzy part is built too, so a
    // progress line never says 100 % while the index is still being finished
    done: () => (built ? docs.length : Math.max(0, Math.min(docs.length, articles.length - 1))),
    index: () => built,
    next(budgetMs) {
      if (built) return true;
      const until = budgetMs === Infinity ? Infinity : performance.now() + budgetMs;
      while (docs.length < articles.length) {
        indexArticle(articles[docs.length]!, docs.length);
        if (performance.now() >= until) return false;
      }
      laidOut ??= finish();
      fuzzyJob ??= fuzzyInSlices(laidOut.vocabulary);
      if (!fuzzyJob.next(Math.max(0, until - performance.now()))) return false;
      built = { ...laidOut, fuzzy: fuzzyJob.index()! };
      return true;
    },
  };
}
