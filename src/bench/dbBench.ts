/**
 * `npm run bench -- --db URL [--articles N]`: the PostgreSQL backend on generated articles
 * with a realistic vocabulary (the in-memory bench's corpus): the load rate, then every bench
 * query typed a keystroke at a time (each prefix a query, as the dashboard sends them), the
 * entity counts, the countries table and the comparison (co-mention matrix and all); then the
 * dashboard over it (dbDashboardBench.ts). The database must be empty of steppe's schema, or
 * hold only a bench's: a user's corpus is never replaced.
 */
import { performance } from 'node:perf_hooks';
import { connect } from '../backend/pg/connect.js';
import { loadArticles } from '../backend/pg/load.js';
import { pgBackend } from '../backend/pg/pgBackend.js';
import { migrate } from '../backend/pg/migrate.js';
import { emptyCorpus, schemaVersion } from '../backend/pg/schema.js';
import { parseQuery } from '../search/query.js';
import { generateCorpus } from './generate.js';
import { QUERIES } from './queries.js';
import { dashboardOverDb } from './dbDashboardBench.js';
import { LIST_PAGE } from '../ui/remote/remoteSelectors.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** `loaded`: the queries over the bench corpus the database holds already (a large one loads for many minutes), not loaded again. */
export async function dbBench(url: string, articles: number, loaded = false): Promise<void> {
  const sql = await connect(url);
  try {
    if ((await schemaVersion(sql)) !== null) {
      const [bench] = await sql.query<{ value: string }>(`SELECT value FROM steppe.meta WHERE key = 'bench'`);
      if (bench?.value !== 'true') throw new Error(`${sql.label} holds a steppe corpus that is not a bench's: give an empty database`);
    } else if (loaded) throw new Error(`${sql.label} holds no bench corpus to measure (--loaded)`);
    let made = 0;
    let loadS: number | null = null;
    if (loaded) articles = await pgBackend(sql).count();
    else {
      await migrate(sql);
      await emptyCorpus(sql);
      await sql.query(`INSERT INTO steppe.meta (key, value) VALUES ('bench', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'`);
      const t0 = performance.now();
      const corpus = [...generateCorpus(articles, 1, { vocabulary: 'realistic' })];
      made = performance.now() - t0;
      const t1 = performance.now();
      await loadArticles(sql, corpus);
      loadS = (performance.now() - t1) / 1000;
    }
    const [{ terms }] = (await sql.query<{ terms: number }>('SELECT count(*)::int AS terms FROM steppe.vocab')) as [{ terms: number }];
    const db = pgBackend(sql);
    await sql.query('ANALYZE');
    const keys: number[] = [];
    const whole: number[] = [];
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const parsed = parseQuery(q.slice(0, i));
        if (!parsed.ok) continue;
        const t = performance.now();
        // as a screen asks: its page and the count of all
        await db.page(parsed.query, 50);
        keys.push(performance.now() - t);
        if (i === q.length) {
          const all = performance.now();
          await db.search(parsed.query);
          whole.push(performance.now() - all);
        }
      }
    }
    const time = async (run: () => Promise<unknown>) => {
      const passes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await run();
        passes.push(performance.now() - t);
      }
      return pct(passes, 0.5);
    };
    const entities = await time(() => db.entities(null));
    const countries = await time(() => db.entities(null, 'country'));
    const filtered = await time(() =>
      db.entities(parseQuery('militants').ok ? (parseQuery('militants') as { ok: true; query: never }).query : null, 'country'),
    );
    const wholeTable = await time(() => db.compare(null, undefined, false));
    const comparison = await time(() => db.compare(null));
    const dash = await dashboardOverDb(db);
    const p50p95 = (xs: number[]) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.95))}`;
    const rows = [
      [
        'articles',
        articles.toLocaleString('en'),
        `${loadS === null ? 'loaded before (--loaded)' : `generated in ${(made / 1000).toFixed(1)} s`}, ${terms.toLocaleString('en')} distinct terms`,
      ],
      [
        'load',
        loadS === null ? '—' : `${Math.round(articles / loadS).toLocaleString('en')} articles/s`,
        loadS === null ? 'not measured: loaded before' : `${loadS.toFixed(1)} s, one transaction`,
      ],
      [
        'filter keystroke p50 / p95 / max',
        `${ms(pct(keys, 0.5))} / ${ms(pct(keys, 0.95))} / ${ms(Math.max(...keys))}`,
        `${keys.length} keystrokes of the bench's ${QUERIES.length} queries`,
      ],
      ['every row of a query p50 / p95', `${ms(pct(whole, 0.5))} / ${ms(pct(whole, 0.95))}`, 'steppe search --db: all the articles found'],
      ['entity counts (all)', ms(entities), 'the whole corpus: its rollups, counted at load'],
      ['countries (entity counts of one type)', ms(countries), 'the same rollups, one type'],
      ['countries of "militants"', ms(filtered), 'over a filter'],
      ['countries table, co-mention matrix, timelines', ms(wholeTable), 'Compare before any filter: the whole corpus’s comparison, its rollup'],
      ['comparison', ms(comparison), 'countries, co-mention matrix, timelines, figures: steppe compare --db'],
      ['dashboard: a filter’s list p50 / p95', p50p95(dash.list), `its first ${LIST_PAGE} rows and the count, for each of the ${dash.list.length} queries`],
      ['dashboard: the best match read p50 / p95', p50p95(dash.reader), 'the reader’s article, by id'],
      ['dashboard: entity counts p50 / p95', p50p95(dash.entities), 'organizations of the filter, and of all once'],
      ['dashboard: countries table p50 / p95', p50p95(dash.countries), 'the comparison of the filter, its figures counted, not listed'],
      [
        'dashboard: held',
        `${dash.slots.toLocaleString('en')} rows`,
        `the heap grew ${(dash.heap[1] - dash.heap[0]).toFixed(1)} MB over the queries (after a full collection; the bench itself holds the generated corpus)`,
      ],
    ];
    process.stdout.write(`steppe bench --db ${sql.label}\n\n`);
    const w = Math.max(...rows.map((r) => r[0]!.length));
    const v = Math.max(...rows.map((r) => r[1]!.length));
    for (const [a, b, c] of rows) process.stdout.write(`${a!.padEnd(w)}  ${b!.padStart(v)}  ${c}\n`);
  } finally {
    await sql.close();
  }
}
