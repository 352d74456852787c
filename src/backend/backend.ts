/**
 * Where a corpus's queries are answered: in memory (the Session: every article loaded) or in
 * PostgreSQL (nothing loaded but the answers). Both give the same rows for the same query,
 * which the parity tests check; review marks stay with the user (the state file) and filter
 * what either finds. An engine added later (OpenSearch, as Aleph and Media Cloud use) would be
 * a third implementation: see the README's mapping.
 */
import type { Comparison, SideBySide } from '../analysis/compare.js';
import type { EntityCount } from '../analysis/entityCounts.js';
import type { Figure } from '../analysis/figures.js';
import type { MentionType } from '../corpus/types.js';
import type { Article } from '../corpus/types.js';
import { plainTitle } from '../corpus/displayTitle.js';
import { hasMarkFilter, type Query } from '../search/query.js';
import { marksAllow, type MarksOf } from '../search/search.js';

export interface SearchHit {
  id: string;
  file: string;
  published: string | null;
  publisher: string | null;
  title: string | null;
  /** the title as lists show it (the first words of an untitled article) */
  shown: string;
  /** relevance, to a thousandth (0 without words) */
  score: number;
}

/** The orders a list is shown in: the query's relevance (or the corpus's order without words), newest first, by publisher, by title. */
export type ListOrder = 'relevance' | 'date' | 'publisher' | 'title';

/** One page of a query's matches, how many it matches in all, and the terms its words stand for (what the reader marks). */
export interface Page {
  total: number;
  hits: SearchHit[];
  terms: Set<string>;
}

/** An article as a view names it: its id, and its title as lists show it. */
export interface ArticleRef {
  id: string;
  shown: string;
}

export interface CorpusBackend {
  /** what is open, for messages */
  readonly label: string;
  /** how many articles it holds */
  count(): Promise<number>;
  /** the articles `q` matches, best first; `marksOf` answers its is:/has:/tag: parts */
  search(q: Query, marksOf?: MarksOf): Promise<SearchHit[]>;
  /** one page of what `search` gives (in `order`; relevance by default), and how many it gives in all: what a screen shows */
  page(q: Query, limit: number, offset?: number, marksOf?: MarksOf, order?: ListOrder): Promise<Page>;
  /** entity counts over what `q` matches (everything: null), one type or all; and over how many articles (copies once) */
  entities(q: Query | null, type?: MentionType, marksOf?: MarksOf): Promise<{ rows: EntityCount[]; articles: number }>;
  /** what `q` matches, best first, with the terms its words stand for and its phrases (what a concordance marks) */
  hits(q: Query, marksOf?: MarksOf): Promise<{ ids: string[]; terms: Set<string>; phrases: string[] }>;
  /** the articles themselves, in the order of `ids` or else the corpus's (a few hundred at a time: what a concordance reads) */
  articles(ids: readonly string[], inCorpusOrder?: boolean): Promise<Article[]>;
  /** how often each of `terms` occurs in the corpus's paragraphs, and its words in all (republished copies left out): what collocates are scored against */
  frequencies(terms: readonly string[]): Promise<{ counts: Map<string, number>; words: number }>;
  /** the cross-country comparison over what `q` matches (everything: null), its figures in the matches' order (none listed, only counted, when `listed` is false) */
  compare(q: Query | null, marksOf?: MarksOf, listed?: boolean): Promise<Comparison & { figures: Figure[] }>;
  /** the marked `countries` side by side over what `q` matches (everything: null): each one's companions, figures and the articles naming it alone, and those naming all */
  sideBySide(q: Query | null, countries: readonly string[], marksOf?: MarksOf): Promise<SideBySide<ArticleRef>>;
  close(): Promise<void>;
}

/** A query's is:/has:/tag: parts, applied to what the text found (in the order found). */
export function keepMarked<T extends { id: string }>(rows: T[], q: Query, marksOf: MarksOf | undefined): T[] {
  if (!hasMarkFilter(q)) return rows;
  return rows.filter((r) => marksAllow(q.marks, marksOf?.(r.id)));
}

/** An article as a search row, its score to a thousandth. */
export function hitOf(a: Article, score: number): SearchHit {
  return {
    id: a.id,
    file: a.file,
    published: a.published,
    publisher: a.publisher,
    title: a.title,
    shown: plainTitle(a),
    score: Math.round(score * 1000) / 1000,
  };
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Hits in a list order: newest first (undated last), or by publisher or title in code order
 * (what PostgreSQL's "C" collation gives, so that either backend pages alike); ties in the
 * corpus's order (`pos`). Relevance keeps the order found.
 */
export function inListOrder(rows: { hit: SearchHit; pos: number }[], order: ListOrder = 'relevance'): SearchHit[] {
  if (order !== 'relevance') {
    const key =
      order === 'date' ? (h: SearchHit) => h.published ?? '' : order === 'publisher' ? (h: SearchHit) => h.publisher ?? '—' : (h: SearchHit) => h.shown;
    const sign = order === 'date' ? -1 : 1;
    rows = [...rows].sort((a, b) => sign * byText(key(a.hit), key(b.hit)) || a.pos - b.pos);
  }
  return rows.map((r) => r.hit);
}

/** Entity rows in the order the in-memory table gives them: mentions, then articles, then name. */
export function entityOrder(x: EntityCount, y: EntityCount): number {
  return y.mentions - x.mentions || y.articles - x.articles || x.name.localeCompare(y.name);
}

/** Spellings most written first, then by text. */
export function spellingOrder(x: { text: string; count: number }, y: { text: string; count: number }): number {
  return y.count - x.count || x.text.localeCompare(y.text);
}
