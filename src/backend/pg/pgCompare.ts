/**
 * The cross-country comparison in PostgreSQL, as analysis/compare.ts makes it in memory: each
 * country's articles, mentions, first and last dates, companions and figures; the pairs of
 * countries named in one article; articles a year. All of it aggregations over the matched
 * articles (republished copies left out); only the answer's rows come back, and the ties the
 * in-memory comparison breaks by name are broken here the same way.
 */
import { SIDE_TOP, type Comparison, type CountryProfile, type SideBySide } from '../../analysis/compare.js';
import type { Figure, FigureFact } from '../../analysis/figures.js';
import type { ArticleRef } from '../backend.js';
import type { Sql } from './connect.js';

/** The matched articles: a CTE of id, duplicate_of (and what `order` sorts by), its parameters, and their order as `ORDER BY` over `m`. */
export interface Matched {
  cte: string;
  params: unknown[];
  order: string;
}

/** Every article, in the corpus's order. */
export const ALL_ARTICLES: Matched = { cte: 'SELECT id, duplicate_of, pos FROM steppe.articles', params: [], order: 'm.pos, m.id' };

const byName = (x: { name: string; n: number }, y: { name: string; n: number }) => y.n - x.n || x.name.localeCompare(y.name);

/** `listed`: the figures themselves too, with their snippets (the counts always): a dashboard's countries table needs only the counts. */
export async function compareIn(sql: Pick<Sql, 'query'>, m: Matched, listed = true): Promise<Comparison & { figures: Figure[] }> {
  const base = `WITH m AS (${m.cte}), kept AS (SELECT id FROM m WHERE duplicate_of IS NULL),
    named AS (SELECT x.article, x.entity, sum(x.count)::int AS count FROM steppe.mentions x JOIN kept ON kept.id = x.article
      JOIN steppe.entities e ON e.id = x.entity AND e.type = 'country' GROUP BY x.article, x.entity)`;
  const q = <T>(text: string) => sql.query<T>(`${base} ${text}`, m.params);
  const [total, profiles, years, pairs, companions, figureCounts, figures] = await Promise.all([
    q<{ n: number }>('SELECT count(*)::int AS n FROM kept'),
    q<{ entity: string; name: string; articles: number; mentions: number; first: string | null; last: string | null }>(
      `SELECT n.entity, e.name, count(*)::int AS articles, sum(n.count)::int AS mentions, min(nullif(a.published, '')) AS first, max(nullif(a.published, '')) AS last
       FROM named n JOIN steppe.entities e ON e.id = n.entity JOIN steppe.articles a ON a.id = n.article GROUP BY n.entity, e.name`,
    ),
    q<{ entity: string; year: string | null; articles: number }>(
      `SELECT n.entity, left(nullif(a.published, ''), 4) AS year, count(*)::int AS articles
       FROM named n JOIN steppe.articles a ON a.id = n.article GROUP BY 1, 2`,
    ),
    // the co-mention matrix: each article's pairs of countries, made from its own list (a
    // self-join of the matches' rows was planned as a nested loop over a filter: 91 s at 20,000)
    q<{ a: string; b: string; articles: number }>(
      `SELECT p.a, p.b, count(*)::int AS articles
       FROM (SELECT article, array_agg(entity) AS cs FROM named GROUP BY article HAVING count(*) > 1) g,
         LATERAL (SELECT x AS a, y AS b FROM unnest(g.cs) x, unnest(g.cs) y WHERE x < y) p
       GROUP BY 1, 2`,
    ),
    // companions by name, every name tied with the third kept (the names break the tie)
    q<{ country: string; type: string; name: string; n: number }>(
      `SELECT country, type, name, n FROM (
         SELECT c.country, e.type, e.name, sum(c.count)::int AS n, rank() OVER (PARTITION BY c.country, e.type ORDER BY sum(c.count) DESC) AS r
         FROM steppe.companions c JOIN kept ON kept.id = c.article JOIN steppe.entities e ON e.id = c.other
         WHERE e.type IN ('organization', 'person') GROUP BY c.country, e.type, e.name) t WHERE r <= 3`,
    ),
    q<{ country: string; n: number }>(
      'SELECT f.country, count(*)::int AS n FROM steppe.figures f JOIN kept ON kept.id = f.article WHERE f.country IS NOT NULL GROUP BY f.country',
    ),
    listed ? figuresListed(sql, m) : Promise.resolve([]),
  ]);
  const n = total[0]?.n ?? 0;
  const top = new Map<string, { name: string; n: number }[]>();
  for (const c of companions) {
    const key = `${c.country}\u0000${c.type}`;
    let list = top.get(key);
    if (!list) top.set(key, (list = []));
    list.push({ name: c.name, n: c.n });
  }
  const topOf = (entity: string, type: string) =>
    (top.get(`${entity}\u0000${type}`) ?? [])
      .sort(byName)
      .slice(0, 3)
      .map((x) => x.name);
  const figuresBy = new Map(figureCounts.map((f) => [f.country, f.n]));
  const countries: (CountryProfile & { entity: string })[] = profiles.map((p) => ({
    entity: p.entity,
    country: p.name,
    articles: p.articles,
    mentions: p.mentions,
    share: n ? p.articles / n : 0,
    // min and max of dates as text: the in-memory comparison compares them as strings too
    first: p.first,
    last: p.last,
    topOrganizations: topOf(p.entity, 'organization'),
    topPeople: topOf(p.entity, 'person'),
    figures: figuresBy.get(p.name) ?? 0,
  }));
  countries.sort((x, y) => y.articles - x.articles || y.mentions - x.mentions || x.country.localeCompare(y.country));
  const nameOf = new Map(countries.map((c) => [c.entity, c.country]));
  const coMentions = pairs
    .map((p) => {
      const [a, b] = [nameOf.get(p.a)!, nameOf.get(p.b)!].sort();
      return { a: a!, b: b!, articles: p.articles };
    })
    .sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const yearsOf = new Map<string, { years: [string, number][]; undated: number }>();
  for (const y of years) {
    let t = yearsOf.get(y.entity);
    if (!t) yearsOf.set(y.entity, (t = { years: [], undated: 0 }));
    if (y.year === null) t.undated += y.articles;
    else t.years.push([y.year, y.articles]);
  }
  const timeline = countries.map(({ entity, country }) => {
    const t = yearsOf.get(entity) ?? { years: [], undated: 0 };
    return { country, years: Object.fromEntries(t.years.sort((x, y) => (x[0] < y[0] ? -1 : 1))), undated: t.undated };
  });
  return { countries: countries.map(({ entity: _, ...c }) => c), coMentions, figures, timeline };
}

/** The matched articles' figures with their snippets, in the matches' order. */
export async function figuresListed(sql: Pick<Sql, 'query'>, m: Matched): Promise<Figure[]> {
  const rows = await sql.query<Omit<Figure, 'start' | 'end'> & { start_at: number; end_at: number }>(
    `WITH m AS (${m.cte}) SELECT f.country, f.low, f.high, f.qualifier, f.what, f.event, f.speaker, f.year, f.article, a.pos AS index, f.paragraph, f.start_at, f.end_at, f.snippet
     FROM m JOIN steppe.figures f ON f.article = m.id JOIN steppe.articles a ON a.id = m.id WHERE m.duplicate_of IS NULL ORDER BY ${m.order}, f.n`,
    m.params,
  );
  return rows.map(({ start_at, end_at, index, snippet, ...f }) => ({ ...f, index: Number(index), start: start_at, end: end_at, snippet }));
}

/** The meta key the whole corpus's comparison (its figures counted, not listed) is kept under, counted again after each load. */
export const WHOLE_COMPARISON = 'comparison';

/** The whole corpus's comparison kept (a rollup): what Compare shows before any filter, read instead of aggregated. */
export async function keepWholeComparison(tx: Pick<Sql, 'query'>): Promise<void> {
  // one connection (the load's transaction) takes one statement at a time: compareIn's
  // aggregations, asked together, are queued here, not on the driver (which warns of it)
  let last: Promise<unknown> = Promise.resolve();
  const serial: Pick<Sql, 'query'> = {
    query<T>(text: string, params?: unknown[]) {
      const next = last.then(() => tx.query<T>(text, params));
      last = next.catch(() => undefined);
      return next;
    },
  };
  const c = await compareIn(serial, ALL_ARTICLES, false);
  await tx.query('INSERT INTO steppe.meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [
    WHOLE_COMPARISON,
    JSON.stringify(c),
  ]);
}

/**
 * The marked countries side by side, as analysis/compare.ts's sideBySideIn makes it: each
 * one's six most mentioned organizations, people and places in paragraphs naming it (ties by
 * name), its figures (in the corpus's order), and the matched articles naming it and no other
 * of them; then those naming all of them, in the matches' order.
 */
export async function sideBySideSql(sql: Pick<Sql, 'query'>, m: Matched, countries: readonly string[]): Promise<SideBySide<ArticleRef>> {
  const wanted = `$${m.params.length + 1}::text[]`;
  const base = `WITH m AS (${m.cte}), kept AS (SELECT id FROM m WHERE duplicate_of IS NULL),
    wanted AS (SELECT id, name FROM steppe.entities WHERE type = 'country' AND name = ANY(${wanted}))`;
  const q = <T>(text: string) => sql.query<T>(`${base} ${text}`, [...m.params, [...countries]]);
  const [named, companions, figures] = await Promise.all([
    q<{ id: string; shown: string; n: number; country: string }>(
      `SELECT m.id, a.shown, x.n, x.country FROM (
         SELECT x.article, count(DISTINCT w.name)::int AS n, min(w.name) AS country
         FROM steppe.mentions x JOIN kept ON kept.id = x.article JOIN wanted w ON w.id = x.entity GROUP BY x.article) x
       JOIN m ON m.id = x.article JOIN steppe.articles a ON a.id = m.id ORDER BY ${m.order}`,
    ),
    q<{ country: string; type: string; name: string; n: number }>(
      `SELECT country, type, name, n FROM (
         SELECT w.name AS country, e.type, e.name, sum(c.count)::int AS n, rank() OVER (PARTITION BY w.name, e.type ORDER BY sum(c.count) DESC) AS r
         FROM steppe.companions c JOIN kept ON kept.id = c.article JOIN wanted w ON w.id = c.country JOIN steppe.entities e ON e.id = c.other
         WHERE e.type IN ('organization', 'person', 'place') GROUP BY w.name, e.type, e.name) t WHERE r <= ${SIDE_TOP}`,
    ),
    q<Omit<FigureFact, 'start' | 'end'> & { start_at: number; end_at: number }>(
      `SELECT f.country, f.low, f.high, f.qualifier, f.what, f.event, f.speaker, f.year, f.article, a.pos AS index, f.paragraph, f.start_at, f.end_at
       FROM steppe.figures f JOIN kept ON kept.id = f.article JOIN steppe.articles a ON a.id = f.article
       WHERE f.country = ANY(${wanted}) ORDER BY a.pos, f.n`,
    ),
  ]);
  const shared: ArticleRef[] = [];
  const only = new Map<string, ArticleRef[]>(countries.map((c) => [c, []]));
  for (const r of named) {
    if (r.n === countries.length) shared.push({ id: r.id, shown: r.shown });
    else if (r.n === 1) only.get(r.country)?.push({ id: r.id, shown: r.shown });
  }
  const topOf = (country: string, type: string) =>
    companions
      .filter((c) => c.country === country && c.type === type)
      .sort(byName)
      .slice(0, SIDE_TOP)
      .map((c) => c.name);
  return {
    shared,
    columns: countries.map((country) => ({
      country,
      organizations: topOf(country, 'organization'),
      people: topOf(country, 'person'),
      places: topOf(country, 'place'),
      figures: figures
        .filter((f) => f.country === country)
        .map(({ start_at, end_at, index, ...f }) => ({ ...f, index: Number(index), start: start_at, end: end_at })),
      only: only.get(country) ?? [],
    })),
  };
}
