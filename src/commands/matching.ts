/** The plain commands' one way to run a query: parse it (a bad one is a usage error), then search the session, with its review marks. */
import { UsageError } from '../io/errors.js';
import { parseQuery } from '../search/query.js';
import { searchAll, type SearchResult } from '../search/search.js';
import type { Session } from '../session/session.js';

/** `option`: how the user gave the query, for the error ("--query: …"). */
export function matching(session: Session, query: string, option = 'query'): SearchResult {
  // @name: the corpus's saved searches, as the dashboard saved them
  const parsed = parseQuery(query, (name) => session.review?.savedSearch(name));
  if (!parsed.ok) throw new UsageError(`${option}: ${parsed.error}`);
  return searchAll(session.index(), parsed.query, (id) => session.mark(id));
}

/** The positions of the articles matching `query`, best first; every article when there is no query. */
export function selection(session: Session, query: string | undefined, option?: string): number[] {
  if (!query?.trim()) return session.articles.map((_, i) => i);
  return matching(session, query, option).ids;
}
