/**
 * The PostgreSQL backend: a query becomes SQL (pgSearch.ts) and counts are aggregations in
 * the database (GROUP BY); only the answer's rows come back.
 */
import type { Comparison } from '../../analysis/compare.js';
import type { EntityCount } from '../../analysis/entityCounts.js';
import type { Figure } from '../../analysis/figures.js';
import type { Article, MentionType } from '../../corpus/types.js';
import type { Query } from '../../search/query.js';
import { hasMarkFilter } from '../../search/query.js';
import { entityOrder, inListOrder, keepMarked, spellingOrder, type CorpusBackend, type ListOrder, type SearchHit } from '../backend.js';
import { connect, type Sql } from './connect.js';
import { type Compiled, compileQuery, listOrderBy, orderBy } from './pgSearch.js';
import { checkSchema } from './schema.js';
import { ALL_ARTICLES, compareIn, figuresListed, sideBySideSql, WHOLE_COMPARISON, type Matched } from './pgCompare.js';

export async function openPg(url: string): Promise<CorpusBackend> {
  const sql = await connect(url);
  try {
    await checkSchema(sql);
  } catch (e) {
    await sql.close().catch(() => undefined);
    throw e;
  }
  return pgBackend(sql);
}

/** What a query that can match nothing matches: the comparison and side by side of no articles. */
const NOTHING: Matched = { cte: 'SELECT id, duplicate_of, pos FROM steppe.articles WHERE false', params: [], order: 'm.pos' };

export function pgBackend(sql: Sql): CorpusBackend {
  /** the matched articles as a CTE `m` (id, duplicate_of, …) in their order: the query's SQL, or the ids the marks kept */
  const matched = async (q: Query | null, marksOf: Parameters<CorpusBackend['search']>[1]): Promise<Matched | null> => {
    if (q === null) return ALL_ARTICLES;
    if (hasMarkFilter(q)) {
      const ids = (await search(q, marksOf)).map((h) => h.id);
      return {
        cte: 'SELECT a.id, a.duplicate_of, o.ord FROM unnest($1::text[]) WITH ORDINALITY AS o (id, ord) JOIN steppe.articles a ON a.id = o.id',
        params: [ids],
        order: 'm.ord',
      };
    }
    const c = await compileQuery(sql, q);
    return c.sql === null ? null : { cte: c.sql, params: c.params, order: orderBy(c, 'm.').slice('ORDER BY '.length) };
  };
  type Row = SearchHit & { pos: number; total?: number | string };
  const wholeCorpusEntities = (typed: string, params: unknown[]) =>
    [
      sql.query<{ id: string; type: MentionType; name: string; articles: number; mentions: number }>(
        `SELECT e.id, e.type, e.name, t.articles, t.mentions FROM steppe.entity_totals t JOIN steppe.entities e ON e.id = t.entity WHERE true ${typed}`,
        params,
      ),
      sql.query<{ entity: string; spelling: string; count: number }>(
        `SELECT s.entity, s.spelling, s.count FROM steppe.spelling_totals s JOIN steppe.entities e ON e.id = s.entity WHERE true ${typed}`,
        params,
      ),
      sql.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles WHERE duplicate_of IS NULL'),
    ] as const;
  /** the matched rows in order; a page of them (LIMIT) with the count of all (a window) */
  const rowsOf = async (q: Query | Compiled, limit?: number, offset = 0, order: ListOrder = 'relevance'): Promise<Row[]> => {
    const c = 'sql' in q ? q : await compileQuery(sql, q);
    if (c.sql === null) return [];
    const params = [...c.params];
    const page = limit === undefined ? '' : `LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`;
    return sql.query<Row>(
      // the matched rows carry what is shown: no second pass over the articles
      `SELECT id, file, published, publisher, title, shown, score, pos${limit === undefined ? '' : ', count(*) OVER () AS total'}
       FROM (${c.sql}) m ${order === 'relevance' ? orderBy(c) : listOrderBy(order)} ${page}`,
      params,
    );
  };
  const hitOf = ({ pos: _, total: __, ...hit }: Row): SearchHit => ({ ...hit, score: Math.round(Number(hit.score) * 1000) / 1000 });
  const search = async (q: Query, marksOf?: Parameters<CorpusBackend['search']>[1]): Promise<SearchHit[]> => {
    const hits = (await rowsOf(q)).map(hitOf);
    return keepMarked(hits, q, marksOf);
  };
  return {
    label: sql.label,
    async count() {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles');
      return row?.n ?? 0;
    },
    search,
    async page(q, limit, offset = 0, marksOf?, order?) {
      const c = await compileQuery(sql, q);
      // review marks are the user's, not the database's: a query with them is filtered here, then paged
      if (hasMarkFilter(q)) {
        const kept = keepMarked(await rowsOf(c), q, marksOf);
        const all = inListOrder(
          kept.map((r) => ({ hit: hitOf(r), pos: r.pos })),
          order,
        );
        return { total: all.length, hits: all.slice(offset, offset + limit), terms: c.terms };
      }
      const rows = await rowsOf(c, limit, offset, order);
      // a page past the end has no row to carry the count
      if (!rows.length && offset > 0) return { total: (await rowsOf(c)).length, hits: [], terms: c.terms };
      return { total: Number(rows[0]?.total ?? 0), hits: rows.map(hitOf), terms: c.terms };
    },
    async entities(q, type?: MentionType, marksOf?) {
      const m = await matched(q, marksOf);
      if (m === null) return { rows: [], articles: 0 };
      const params = [...m.params];
      const typed = type ? `AND e.type = $${params.push(type)}` : '';
      const base = `WITH m AS (${m.cte}), kept AS (SELECT id FROM m WHERE duplicate_of IS NULL)`;
      // the whole corpus's: its rollups, counted at load
      const [counts, spellings, total] = await Promise.all(
        q === null
          ? wholeCorpusEntities(typed, params)
          : ([
              sql.query<{ id: string; type: MentionType; name: string; articles: number; mentions: number }>(
                `${base} SELECT e.id, e.type, e.name, count(*)::int AS articles, sum(x.count)::int AS mentions
           FROM (SELECT mn.article, mn.entity, sum(mn.count) AS count FROM steppe.mentions mn JOIN kept ON kept.id = mn.article GROUP BY mn.article, mn.entity) x
           JOIN steppe.entities e ON e.id = x.entity WHERE true ${typed} GROUP BY e.id, e.type, e.name`,
                params,
              ),
              sql.query<{ entity: string; spelling: string; count: number }>(
                `${base} SELECT mn.entity, mn.spelling, sum(mn.count)::int AS count FROM steppe.mentions mn JOIN kept ON kept.id = mn.article
           JOIN steppe.entities e ON e.id = mn.entity WHERE true ${typed} GROUP BY mn.entity, mn.spelling`,
                params,
              ),
              sql.query<{ n: number }>(`${base} SELECT count(*)::int AS n FROM kept`, m.params),
            ] as const),
      );
      const spelled = new Map<string, { text: string; count: number }[]>();
      for (const s of spellings) {
        let list = spelled.get(s.entity);
        if (!list) spelled.set(s.entity, (list = []));
        list.push({ text: s.spelling, count: s.count });
      }
      const rows: EntityCount[] = counts.map((c) => ({
        id: c.id,
        type: c.type,
        name: c.name,
        articles: c.articles,
        mentions: c.mentions,
        spellings: (spelled.get(c.id) ?? []).sort(spellingOrder),
      }));
      return { rows: rows.sort(entityOrder), articles: total[0]?.n ?? 0 };
    },
    async hits(q, marksOf?) {
      // compiled once: its rows and the terms its words stand for
      const c = await compileQuery(sql, q);
      const ids = keepMarked((await rowsOf(c)).map(hitOf), q, marksOf).map((h) => h.id);
      return { ids, terms: c.terms, phrases: q.phrases };
    },
    async articles(ids, inCorpusOrder = false) {
      const rows = await sql.query<{ id: string; article: Article }>('SELECT id, article FROM steppe.articles WHERE id = ANY($1::text[]) ORDER BY pos', [ids]);
      if (inCorpusOrder) return rows.map((r) => r.article);
      const at = new Map(rows.map((r) => [r.id, r.article]));
      return ids.flatMap((id) => at.get(id) ?? []);
    },
    async frequencies(terms) {
      const [rows, words] = await Promise.all([
        // a term only in titles or copies has none, as in memory (where it is not counted at all)
        sql.query<{ term: string; tf: string | number }>('SELECT term, tf FROM steppe.vocab WHERE term = ANY($1::text[]) AND tf > 0', [terms]),
        sql.query<{ value: string }>(`SELECT value FROM steppe.meta WHERE key = 'words'`),
      ]);
      return { counts: new Map(rows.map((r) => [r.term, Number(r.tf)])), words: Number(words[0]?.value ?? 0) };
    },
    async compare(q, marksOf?, listed = true) {
      // the whole corpus's: its rollup, counted at load (and its figures listed when asked)
      if (q === null) {
        const [kept] = await sql.query<{ value: string }>('SELECT value FROM steppe.meta WHERE key = $1', [WHOLE_COMPARISON]);
        if (kept) {
          const c = JSON.parse(kept.value) as Comparison & { figures: Figure[] };
          return { ...c, figures: listed ? await figuresListed(sql, ALL_ARTICLES) : [] };
        }
      }
      const m = await matched(q, marksOf);
      return compareIn(sql, m ?? NOTHING, listed);
    },
    async sideBySide(q, countries, marksOf?) {
      const m = await matched(q, marksOf);
      return sideBySideSql(sql, m ?? NOTHING, countries);
    },
    close: () => sql.close(),
  };
}
