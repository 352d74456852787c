/** `steppe search QUERY [--json] [PATH…]`: the filter language without the dashboard. */
import type { Corpus } from '../corpus/types.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { matching, type MarksOf } from './matching.js';
import { plainTable } from '../text/plainTable.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface SearchRow {
  id: string;
  file: string;
  published: string | null;
  publisher: string | null;
  title: string | null;
  score: number;
}

/** `index`: the corpus's index when it came with it (a snapshot); otherwise it is built. `marks`: for is:/has:. */
export function searchRows(corpus: Corpus, query: string, index?: SearchIndex, marks?: MarksOf): SearchRow[] {
  const result = matching(corpus, query, index, marks, 'search');
  return result.ids.map((i, k) => {
    const a = corpus.articles[i]!;
    return { id: a.id, file: a.file, published: a.published, publisher: a.publisher, title: a.title, score: Math.round((result.scores[k] ?? 0) * 1000) / 1000 };
  });
}

export function searchTable(rows: SearchRow[], query: string): string {
  const cells = rows.map((r) => [r.published ?? 'undated', sanitizeLine(r.publisher ?? '—'), sanitizeLine(r.title ?? `(untitled) ${r.file}`), r.score.toFixed(2)]);
  const header = ['date', 'publisher', 'title', 'score'];
  return [...plainTable(header, cells, [false, false, false, true]), `${rows.length} match${rows.length === 1 ? '' : 'es'} for ${sanitizeLine(query)}`].join('\n') + '\n';
}
