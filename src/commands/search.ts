/** `steppe search QUERY [--json] [PATH…]`: the filter language without the dashboard. */
import type { Session } from '../session/session.js';
import { plainTable } from '../text/plainTable.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import { hitOf, type SearchHit } from '../backend/backend.js';
import type { CommandIo } from './io.js';
import { matching } from './matching.js';

export interface SearchRow {
  id: string;
  file: string;
  published: string | null;
  publisher: string | null;
  title: string | null;
  score: number;
}

export function searchRows(session: Session, query: string): SearchHit[] {
  const result = matching(session, query, 'search');
  return result.ids.map((i, k) => hitOf(session.articles[i]!, result.scores[k] ?? 0));
}

/** `columns`: a terminal's width, which the table is fitted to (titles cut first). */
export function searchTable(rows: (SearchRow & { shown: string })[], query: string, columns?: number): string {
  const cells = rows.map((r) => [r.published ?? 'undated', sanitizeLine(r.publisher ?? '—'), sanitizeLine(r.shown), r.score.toFixed(2)]);
  const header = ['date', 'publisher', 'title', 'score'];
  return (
    [...plainTable(header, cells, [false, false, false, true], false, columns), `${plural(rows.length, 'match', 'matches')} for ${sanitizeLine(query)}`].join(
      '\n',
    ) + '\n'
  );
}

export function runSearch(session: Session, query: string, flags: { json?: boolean }, io: CommandIo): number {
  const rows = searchRows(session, query);
  if (flags.json) io.data(toJson(rows.map(({ shown: _, ...row }) => row)) + '\n');
  else io.stdout(searchTable(rows, query, io.columns));
  return 0;
}
