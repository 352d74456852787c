/** The in-memory backend: the Session's index and mention table, as the plain commands have always read them. */
import { comparisonIn, sideBySideIn, type Comparison } from '../analysis/compare.js';
import { entityCountsIn } from '../analysis/entityCounts.js';
import { figuresIn } from '../analysis/exportTable.js';
import type { Figure } from '../analysis/figures.js';
import type { Article, MentionType } from '../corpus/types.js';
import type { Query } from '../search/query.js';
import { searchAll, type MarksOf } from '../search/search.js';
import type { Session } from '../session/session.js';
import { plainTitle } from '../corpus/displayTitle.js';
import { hitOf, inListOrder, type ArticleRef, type CorpusBackend } from './backend.js';

/** The comparison over the articles `ids` (positions, in the order their figures are listed), from the session's mention table and figures. */
export function comparisonOf(session: Session, ids: number[]): Comparison & { figures: Figure[] } {
  return { ...comparisonIn(session.table(), session.figures(), ids), figures: figuresIn(session, ids) };
}

export function memoryBackend(session: Session): CorpusBackend {
  const found = (q: Query, marksOf?: MarksOf) => searchAll(session.index(), q, marksOf);
  let at: Map<string, { a: Article; i: number }> | undefined;
  return {
    label: session.label,
    count: async () => session.articles.length,
    async search(q, marksOf) {
      const r = found(q, marksOf);
      return r.ids.map((i, k) => hitOf(session.articles[i]!, r.scores[k] ?? 0));
    },
    async page(q, limit, offset = 0, marksOf?, order?) {
      const r = found(q, marksOf);
      const all = inListOrder(
        r.ids.map((i, k) => ({ hit: hitOf(session.articles[i]!, r.scores[k] ?? 0), pos: i })),
        order,
      );
      return { total: all.length, hits: all.slice(offset, offset + limit), terms: r.terms };
    },
    async entities(q, type?: MentionType, marksOf?) {
      const ids = q ? found(q, marksOf).ids : session.articles.map((_, i) => i);
      return { rows: entityCountsIn(session.table(), ids, type), articles: ids.filter((i) => !session.articles[i]!.duplicateOf).length };
    },
    async hits(q, marksOf?) {
      const r = found(q, marksOf);
      return { ids: r.ids.map((i) => session.articles[i]!.id), terms: r.terms, phrases: r.phrases };
    },
    async articles(ids, inCorpusOrder = false) {
      // made once: a concordance asks for its matches 500 at a time
      at ??= new Map(session.articles.map((a, i) => [a.id, { a, i }]));
      const found = ids.flatMap((id) => at!.get(id) ?? []);
      if (inCorpusOrder) found.sort((x, y) => x.i - y.i);
      return found.map((x) => x.a);
    },
    async frequencies(terms) {
      const all = session.wordCounts();
      return { counts: new Map(terms.flatMap((t) => (all.counts.has(t) ? [[t, all.counts.get(t)!] as const] : []))), words: all.words };
    },
    async compare(q, marksOf?, listed = true) {
      const c = comparisonOf(session, q ? found(q, marksOf).ids : session.articles.map((_, i) => i));
      return listed ? c : { ...c, figures: [] };
    },
    async sideBySide(q, countries, marksOf?) {
      const ids = q ? found(q, marksOf).ids : session.articles.map((_, i) => i);
      const s = sideBySideIn(session.table(), session.figures(), [...countries], ids);
      const ref = (i: number): ArticleRef => ({ id: session.articles[i]!.id, shown: plainTitle(session.articles[i]!) });
      return { shared: s.shared.map(ref), columns: s.columns.map((c) => ({ ...c, only: c.only.map(ref) })) };
    },
    close: async () => undefined,
  };
}
