/** The in-memory backend: the Session's index and mention table, as the plain commands have always read them. */
import { entityCountsIn } from '../analysis/entityCounts.js';
import { plainTitle } from '../corpus/displayTitle.js';
import type { MentionType } from '../corpus/types.js';
import type { Query } from '../search/query.js';
import { searchAll, type MarksOf } from '../search/search.js';
import type { Session } from '../session/session.js';
import type { CorpusBackend, SearchHit } from './backend.js';

export function memoryBackend(session: Session): CorpusBackend {
  const found = (q: Query, marksOf?: MarksOf) => searchAll(session.index(), q, marksOf);
  return {
    label: session.label,
    count: async () => session.articles.length,
    async search(q, marksOf) {
      const r = found(q, marksOf);
      return r.ids.map((i, k): SearchHit => {
        const a = session.articles[i]!;
        return {
          id: a.id,
          file: a.file,
          published: a.published,
          publisher: a.publisher,
          title: a.title,
          shown: plainTitle(a),
          score: Math.round((r.scores[k] ?? 0) * 1000) / 1000,
        };
      });
    },
    async page(q, limit, offset = 0, marksOf?) {
      const all = await this.search(q, marksOf);
      return { total: all.length, hits: all.slice(offset, offset + limit) };
    },
    async entities(q, type?: MentionType, marksOf?) {
      const ids = q ? found(q, marksOf).ids : session.articles.map((_, i) => i);
      return { rows: entityCountsIn(session.table(), ids, type), articles: ids.filter((i) => !session.articles[i]!.duplicateOf).length };
    },
    close: async () => undefined,
  };
}
