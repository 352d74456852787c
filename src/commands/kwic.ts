/** `steppe kwic QUERY [--sort S] [--window N] [--json] [PATH…]`: every hit of QUERY's words or phrases in context. */
import { KWIC_SORTS, KWIC_WINDOW, sortConcordance, wordConcordance, type KwicSort } from '../analysis/wordKwic.js';
import { UsageError } from '../io/errors.js';
import type { Session } from '../session/session.js';
import { plural } from '../text/plural.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import type { KwicLine } from '../analysis/kwic.js';
import type { CommandIo } from './io.js';
import { matching } from './matching.js';
import { fit, truncateStart } from '../ui/textWidth.js';

export interface KwicRow {
  /** the article's id */
  article: string;
  left: string;
  match: string;
  right: string;
}

/** --sort: article, left (1L), right (1R), or AntConc's positions 1L 2L 1R 2R. */
export function parseSort(value: string | undefined): KwicSort {
  if (value === undefined) return 'article';
  const v = value.toUpperCase();
  const named = v === 'LEFT' ? '1L' : v === 'RIGHT' ? '1R' : v === 'ARTICLE' ? 'article' : v;
  if (!(KWIC_SORTS as readonly string[]).includes(named)) throw new UsageError(`--sort must be article, left, right, 1L, 2L, 1R or 2R (got "${value}")`);
  return named as KwicSort;
}

/** A count flag's value, as typed or given: a whole number from `least`. */
export function parseCount(flag: string, value: string | number | undefined, fallback: number, least = 1): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < least) throw new UsageError(`--${flag} must be a whole number of at least ${least} (got "${sanitizeLine(String(value))}")`);
  return n;
}

/** A query's hits must be words or phrases: without them there is nothing to show in context. */
export function expectHits<T extends { terms: ReadonlySet<string>; phrases: readonly string[] }>(result: T, command: string): T {
  if (!result.terms.size && !result.phrases.length) {
    throw new UsageError(`${command}: give a word or a "phrase" to find (fields like country: only choose the articles)`);
  }
  return result;
}

/** The query's hits: its free words and phrases, in the articles its fields allow. */
export function hitsQuery(session: Session, query: string, command: string) {
  return expectHits(matching(session, query, command), command);
}

/** --sort and --window, checked. */
export function kwicOptions(flags: { sort?: string | undefined; window?: string | number | undefined }): { by: KwicSort; window: number } {
  return { by: parseSort(flags.sort), window: parseCount('window', flags.window, KWIC_WINDOW) };
}

/** A concordance's lines as rows, in the order asked; `idOf` names a line's article. */
export function kwicRowsOf(lines: readonly KwicLine[], by: KwicSort, idOf: (article: number) => string): KwicRow[] {
  // one line each: a paragraph's own line breaks would break the columns
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return sortConcordance(lines, by).map((l) => ({ article: idOf(l.article), left: flat(l.left), match: flat(l.keyword), right: flat(l.right) }));
}

export function kwicRows(session: Session, query: string, flags: { sort?: string | undefined; window?: string | number | undefined }): KwicRow[] {
  const { by, window } = kwicOptions(flags);
  const r = hitsQuery(session, query, 'kwic');
  return kwicRowsOf(wordConcordance(session.articles, r.ids, r.terms, r.phrases, window), by, (i) => session.articles[i]!.id);
}

/** Aligned on the hit: the left context cut from its start, the right from its end, to the terminal's width. */
export function kwicTable(rows: KwicRow[], query: string, columns = 120): string {
  const match = Math.min(24, Math.max(...rows.map((r) => r.match.length), 1));
  const side = Math.max(10, Math.floor((columns - match - 2) / 2));
  const lines = rows.map((r) =>
    `${fit(truncateStart(sanitizeLine(r.left), side), side, 'right')} ${fit(sanitizeLine(r.match), match)} ${fit(sanitizeLine(r.right), side)}`.trimEnd(),
  );
  const articles = new Set(rows.map((r) => r.article)).size;
  return [...lines, '', `${plural(rows.length, 'hit')} of ${sanitizeLine(query)} in ${plural(articles, 'article')}`].join('\n') + '\n';
}

export function runKwic(
  session: Session,
  query: string,
  flags: { sort?: string | undefined; window?: string | number | undefined; json?: boolean },
  io: CommandIo,
): number {
  const rows = kwicRows(session, query, flags);
  if (flags.json) io.data(toJson(rows) + '\n');
  else io.stdout(kwicTable(rows, query, io.columns));
  return 0;
}
