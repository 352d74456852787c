/** The plain commands' one way to run a query: parse it (a bad one is a usage error), search, with the review marks. */
import type { Article, Corpus } from '../corpus/types.js';
import { UsageError } from '../io/errors.js';
import type { Mark } from '../review/marks.js';
import { parseQuery } from '../search/query.js';
import { searchAll, type SearchResult } from '../search/search.js';
import { buildIndex, type SearchIndex } from '../search/searchIndex.js';

export type MarksOf = (id: string) => Mark | undefined;

/** `index`: the corpus's own when one is at hand (a snapshot's, the dashboard's); built only when needed. */
export function matching(corpus: Corpus, query: string, index?: SearchIndex, marks?: MarksOf, option = 'query'): SearchResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new UsageError(`${option}: ${parsed.error}`);
  return searchAll(index ?? buildIndex(corpus.articles), parsed.query, marks);
}

/** The articles matching `query`, best first; all of them when there is no query. */
export function matchingArticles(corpus: Corpus, query: string | undefined, index?: SearchIndex, marks?: MarksOf, option?: string): Article[] {
  if (!query?.trim()) return corpus.articles;
  return matching(corpus, query, index, marks, option).ids.map((i) => corpus.articles[i]!);
}
