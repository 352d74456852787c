/** `steppe search QUERY [--json] [PATH…]`: the filter language without the dashboard. */
import type { Session } from '../session/session.js';
import { plainTable } from '../text/plainTable.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
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

export function searchRows(session: Session, query: string): SearchRow[] {
  const result = matching(session, query, 'search');
  return result.ids.map((i, k) => {
    const a = session.articles[i]!;
    return { id: a.id, file: a.file, published: a.published, publisher: a.publisher, title: a.title, score: Math.round((result.scores[k] ?? 0) * 1000) / 1000 };
  });
}

export function searchTable(rows: SearchRow[], query: string): string {
  const cells = rows.map((r) => [
    r.published ?? 'undated',
    sanitizeLine(r.publisher ?? '—'),
    sanitizeLine(r.title ?? `(untitled) ${r.file}`),
    r.score.toFixed(2),
  ]);
  const header = ['date', 'publisher', 'title', 'score'];
  return (
    [...plainTable(header, cells, [false, false, false, true]), `${rows.length} match${rows.length === 1 ? '' : 'es'} for ${sanitizeLine(query)}`].join('\n') +
    '\n'
  );
}

export function runSearch(session: Session, query: string, flags: { json?: boolean }, io: CommandIo): number {
  const rows = searchRows(session, query);
  if (flags.json) io.data(toJson(rows) + '\n');
  else io.stdout(searchTable(rows, query));
  return 0;
}
