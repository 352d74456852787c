/** `steppe collocates QUERY [--window N] [--min N] [--json] [PATH…]`: the words found near QUERY's hits, by log-likelihood. */
import { COLLOCATE_MIN, COLLOCATE_WINDOW, collocatesWith, type Collocate } from '../analysis/collocates.js';
import type { Session } from '../session/session.js';
import { plainTable } from '../text/plainTable.js';
import { plural } from '../text/plural.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import type { CommandIo } from './io.js';
import { hitsQuery, parseCount } from './kwic.js';

export function collocateRows(session: Session, query: string, flags: { window?: string | number | undefined; min?: string | number | undefined }) {
  const window = parseCount('window', flags.window, COLLOCATE_WINDOW);
  const min = parseCount('min', flags.min, COLLOCATE_MIN);
  const r = hitsQuery(session, query, 'collocates');
  return { window, min, ...collocatesWith(session.articles, r, session.wordCounts(), { window, min }) };
}

export function collocatesTable(rows: Collocate[], about: { query: string; window: number; min: number; hits: number }, columns?: number): string {
  const header = ['collocate', 'count', 'log-likelihood'];
  const cells = rows.map((r) => [sanitizeLine(r.term), String(r.count), r.score.toFixed(2)]);
  return (
    [
      `collocates of ${sanitizeLine(about.query)} within ±${about.window} words of its ${plural(about.hits, 'hit')}, by log-likelihood (G²), seen at least ${about.min} times; stop words left out`,
      '',
      ...plainTable(header, cells, [false, true, true], true, columns),
      '',
      plural(rows.length, 'collocate'),
    ].join('\n') + '\n'
  );
}

export function runCollocates(
  session: Session,
  query: string,
  flags: { window?: string | number | undefined; min?: string | number | undefined; json?: boolean },
  io: CommandIo,
): number {
  const c = collocateRows(session, query, flags);
  if (flags.json) io.data(toJson(c.rows) + '\n');
  else io.stdout(collocatesTable(c.rows, { query, window: c.window, min: c.min, hits: c.hits }, io.columns));
  return 0;
}
