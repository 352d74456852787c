/**
 * The PostgreSQL backend answers as the in-memory one does: the same articles in the same
 * order with the same scores, and the same entity counts, for the bench's queries and a few
 * hundred random ones, on the bundled corpus and on generated articles — run here against
 * PGlite (PostgreSQL in WebAssembly, inside its npm package) and, where STEPPE_TEST_DB names
 * a server (.ci/run starts Debian's), against that too. Loading is idempotent and whole.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Article, Corpus } from '../src/corpus/types.js';
import { bundledCorpus, packageRoot } from '../src/paths.js';
import { parseQuery, type Query } from '../src/search/query.js';
import { sessionOf } from '../src/session/session.js';
import { generateCorpus, random } from '../src/bench/generate.js';
import { termsOf } from '../src/search/searchIndex.js';
import { QUERIES } from '../src/bench/queries.js';
import { memoryBackend } from '../src/backend/memoryBackend.js';
import type { CorpusBackend } from '../src/backend/backend.js';
import { connect, type Sql } from '../src/backend/pg/connect.js';
import { migrate } from '../src/backend/pg/migrate.js';
import { emptyCorpus, SCHEMA_VERSION, schemaVersion } from '../src/backend/pg/schema.js';
import { loadArticles } from '../src/backend/pg/load.js';
import { pgBackend } from '../src/backend/pg/pgBackend.js';
import { ReviewStore, stateFileFor } from '../src/review/store.js';

const quick = process.env.STEPPE_QUICK === '1';

function queryOf(text: string): Query {
  const parsed = parseQuery(text);
  assert.ok(parsed.ok);
  return parsed.query;
}

/** Random queries from the corpus's own words and names: words, misspellings, prefixes, phrases, fields, exclusions, years. */
function randomQueries(corpus: Corpus, count: number, seed: number): string[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const words = [...new Set(corpus.articles.flatMap((a) => (a.title ?? '').split(/\s+/).concat(a.paragraphs[0]?.split(/\s+/) ?? [])))]
    .map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((w) => w.length > 1);
  const names = [...new Set(corpus.articles.flatMap((a) => a.mentions.map((m) => [m.type === 'organization' ? 'org' : m.type, m.name] as const)))];
  const typo = (w: string) => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return rand() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + 'x' + w.slice(i);
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const r = rand();
      const w = pick(words);
      if (r < 0.35) parts.push(w);
      else if (r < 0.5) parts.push(typo(w));
      else if (r < 0.6) parts.push(w.slice(0, Math.max(2, Math.floor(w.length / 2))));
      else if (r < 0.7) {
        const a = corpus.articles[Math.floor(rand() * corpus.articles.length)]!;
        const ws = (a.paragraphs[0] ?? '').split(/\s+/).filter(Boolean);
        const at = Math.floor(rand() * Math.max(1, ws.length - 2));
        parts.push(
          `"${ws
            .slice(at, at + 2)
            .join(' ')
            .replace(/"/g, '')}"`,
        );
      } else if (r < 0.85 && names.length) {
        const [field, name] = pick(names);
        const value = rand() < 0.5 ? name.split(/\s+/)[0]! : name;
        parts.push(`${field}:${/\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value}`);
      } else if (r < 0.93) parts.push(`-${pick(words)}`);
      else parts.push(`year:${2005 + Math.floor(rand() * 15)}..${2010 + Math.floor(rand() * 15)}`);
    }
    out.push(parts.join(' '));
  }
  return out;
}

/** Compares every query's rows; returns how many were compared and how many found something. */
async function expectSame(memory: CorpusBackend, db: CorpusBackend, queries: string[]) {
  let compared = 0;
  let found = 0;
  for (const text of queries) {
    const parsed = parseQuery(text);
    if (!parsed.ok) continue;
    compared++;
    const [m, d] = await Promise.all([memory.search(parsed.query), db.search(parsed.query)]);
    assert.deepEqual(
      d.map((h) => [h.id, h.score]),
      m.map((h) => [h.id, h.score]),
      `search ${JSON.stringify(text)}`,
    );
    assert.deepEqual(d, m, `search rows ${JSON.stringify(text)}`);
    // a screen's page of them and the count of all, as the dashboard would ask
    assert.deepEqual(await db.page(parsed.query, 20, 3), await memory.page(parsed.query, 20, 3), `page ${JSON.stringify(text)}`);
    // the dashboard's list orders page alike too
    for (const order of ['date', 'publisher', 'title'] as const)
      assert.deepEqual(
        await db.page(parsed.query, 20, 3, undefined, order),
        await memory.page(parsed.query, 20, 3, undefined, order),
        `${order} page ${JSON.stringify(text)}`,
      );
    if (m.length) found++;
  }
  return { compared, found };
}

async function expectSameEntities(memory: CorpusBackend, db: CorpusBackend, queries: (string | null)[]) {
  for (const text of queries) {
    const parsed = text === null ? null : parseQuery(text);
    if (parsed && !parsed.ok) continue;
    const q = parsed ? (parsed as { query: Query }).query : null;
    for (const type of [undefined, 'country', 'organization'] as const) {
      const [m, d] = await Promise.all([memory.entities(q, type), db.entities(q, type)]);
      assert.deepEqual(d, m, `entities ${JSON.stringify(text)} ${type ?? 'all'}`);
    }
  }
}

/** The comparison (countries, co-mentions, timelines, figures in the matches' order) over each query's matches. */
async function expectSameComparison(memory: CorpusBackend, db: CorpusBackend, queries: (string | null)[]) {
  let figures = 0;
  for (const text of queries) {
    const parsed = text === null ? null : parseQuery(text);
    if (parsed && !parsed.ok) continue;
    const q = parsed ? (parsed as { query: Query }).query : null;
    const [m, d] = await Promise.all([memory.compare(q), db.compare(q)]);
    assert.deepEqual(d, m, `compare ${JSON.stringify(text)}`);
    figures += m.figures.length;
  }
  return figures;
}

/**
 * Side by side (companions, figures, the articles naming one country alone, and all) for the
 * corpus's most named countries, two and three at a time, and with a country it never names.
 */
async function expectSameSideBySide(memory: CorpusBackend, db: CorpusBackend, queries: (string | null)[]) {
  const top = (await memory.compare(null, undefined, false)).countries.slice(0, 3).map((c) => c.country);
  assert.equal(top.length, 3, 'three countries to compare');
  let filled = 0;
  for (const text of queries) {
    const parsed = text === null ? null : parseQuery(text);
    if (parsed && !parsed.ok) continue;
    const q = parsed ? (parsed as { query: Query }).query : null;
    for (const countries of [top.slice(0, 2), top, [top[0]!, 'Atlantis']]) {
      const [m, d] = await Promise.all([memory.sideBySide(q, countries), db.sideBySide(q, countries)]);
      assert.deepEqual(d, m, `side by side ${countries.join(' · ')} over ${JSON.stringify(text)}`);
      filled += m.shared.length + m.columns.reduce((n, c) => n + c.only.length + c.organizations.length + c.figures.length, 0);
    }
  }
  assert.ok(filled > 0, 'side by side compared on something');
}

/** Each word's count in the corpus (collocates' denominators), for words of titles and paragraphs and a word of none. */
async function expectSameFrequencies(memory: CorpusBackend, db: CorpusBackend, corpus: Corpus) {
  const words = [...new Set(corpus.articles.slice(0, 50).flatMap((a) => termsOf(`${a.title ?? ''} ${a.paragraphs.slice(0, 2).join(' ')}`)))].slice(0, 400);
  const [m, d] = await Promise.all([memory.frequencies([...words, 'zzzqqq']), db.frequencies([...words, 'zzzqqq'])]);
  assert.ok(m.words > 0 && m.counts.size > 0);
  assert.deepEqual(d, m, 'corpus frequencies');
}

const targets: [string, string][] = [['PGlite', 'pglite:']];
if (process.env.STEPPE_TEST_DB) targets.push(['PostgreSQL server', process.env.STEPPE_TEST_DB]);

for (const [name, url] of targets) {
  describe(`the PostgreSQL backend (${name}) answers as the in-memory one`, () => {
    let sql: Sql;
    before(async () => {
      sql = await connect(url);
      await sql.query('DROP SCHEMA IF EXISTS steppe CASCADE');
      await migrate(sql);
    });
    after(async () => {
      if (url !== 'pglite:') await sql.query('DROP SCHEMA IF EXISTS steppe CASCADE');
      await sql.close();
    });

    it('on the bundled corpus: the bench queries, random ones and entity counts', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      await emptyCorpus(sql);
      assert.equal(await loadArticles(sql, corpus.articles), corpus.articles.length);
      const memory = memoryBackend(sessionOf(corpus));
      const db = pgBackend(sql);
      const queries = [...QUERIES, ...randomQueries(corpus, quick ? 60 : 200, 7)];
      const { compared, found } = await expectSame(memory, db, queries);
      assert.ok(compared >= queries.length - 5, `${compared} of ${queries.length} parsed`);
      // most find something, and some not everything: the comparison means something
      assert.ok(found >= compared / 2, `${found} of ${compared} found articles`);
      // a concordance's hits: the same articles and the same terms marked
      for (const text of queries) {
        const parsed = parseQuery(text);
        if (!parsed.ok) continue;
        const [m, d] = await Promise.all([memory.hits(parsed.query), db.hits(parsed.query)]);
        assert.deepEqual({ ...d, terms: [...d.terms].sort() }, { ...m, terms: [...m.terms].sort() }, `hits ${JSON.stringify(text)}`);
      }
      await expectSameEntities(memory, db, [null, 'kazakhstan', 'country:tajikistan', 'isis -taliban']);
      const figures = await expectSameComparison(memory, db, [null, 'kazakhstan', 'country:tajikistan', 'isis -taliban', 'year:2010..2020', 'zzzz']);
      assert.ok(figures > 0, 'figures compared');
      await expectSameSideBySide(memory, db, [null, 'kazakhstan', 'isis -taliban', 'zzzz']);
    });

    it('a republished copy counts once: the whole corpus’s entity counts (its rollups) and a filter’s, as in memory', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      const first = corpus.articles[0]!;
      const withCopy: Corpus = { ...corpus, articles: [...corpus.articles, { ...first, id: 'copy-of-first', file: 'copy.txt', duplicateOf: first.id }] };
      await emptyCorpus(sql);
      await loadArticles(sql, withCopy.articles);
      const session = sessionOf(withCopy);
      assert.equal(session.articles.at(-1)!.duplicateOf, first.id, 'the copy is one in memory too');
      await expectSameEntities(memoryBackend(session), pgBackend(sql), [null, 'kazakhstan']);
    });

    it('a schema of version 1 is upgraded: the tables added since are made from the articles held', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      await emptyCorpus(sql);
      await loadArticles(sql, corpus.articles);
      // what version 1 had: no companions, no figures
      await sql.query('DROP TABLE steppe.companions, steppe.figures');
      await sql.query('ALTER TABLE steppe.terms DROP COLUMN tokens');
      await sql.query('ALTER TABLE steppe.vocab DROP COLUMN tf');
      // and its terms keyed without in_title (version 4 widened the key)
      await sql.query('ALTER TABLE steppe.terms DROP CONSTRAINT terms_pkey');
      await sql.query('ALTER TABLE steppe.terms ADD PRIMARY KEY (term, article)');
      await sql.query("UPDATE steppe.meta SET value = '1' WHERE key = 'schema_version'");
      await assert.rejects(pgBackend(sql).compare(null));
      await migrate(sql);
      assert.equal(await schemaVersion(sql), SCHEMA_VERSION);
      await expectSameComparison(memoryBackend(sessionOf(corpus)), pgBackend(sql), [null, 'kazakhstan']);
      await expectSameFrequencies(memoryBackend(sessionOf(corpus)), pgBackend(sql), corpus);
      const [key] = await sql.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'steppe' AND indexname = 'terms_pkey'");
      assert.match(key!.def, /\(term, article\) INCLUDE \(in_title\)/, 'the terms key widened');
      await expectSame(memoryBackend(sessionOf(corpus)), pgBackend(sql), QUERIES.slice(0, 6));
    });

    it('loading the same articles again changes nothing, and each keeps its place', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      const [first, ...rest] = corpus.articles;
      const q = queryOf('kazakhstan');
      const before = await pgBackend(sql).search(q);
      assert.equal(await loadArticles(sql, rest), corpus.articles.length, 'reloaded: still one row each');
      assert.deepEqual(await pgBackend(sql).search(q), before);
      const [{ pos }] = (await sql.query<{ pos: number }>('SELECT pos FROM steppe.articles WHERE id = $1', [first!.id])) as [{ pos: number }];
      assert.equal(pos, 0, 'a reloaded article keeps its place');
    });

    it('text with a lone surrogate (a JSON Lines escape) loads, as U+FFFD', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      const odd = {
        ...corpus.articles[0]!,
        id: 'lone-surrogate',
        title: 'Broken \ud800 title',
        paragraphs: ['A backslash \\ud800 stays, a lone \udc00 does not.'],
      };
      await loadArticles(sql, [odd]);
      const [row] = await sql.query<{ title: string; p: string }>(
        "SELECT title, article->'paragraphs'->>0 AS p FROM steppe.articles WHERE id = 'lone-surrogate'",
      );
      assert.deepEqual(row, { title: 'Broken \ufffd title', p: 'A backslash \\ud800 stays, a lone \ufffd does not.' });
      await sql.query("DELETE FROM steppe.articles WHERE id = 'lone-surrogate'");
    });

    it('a query waiting longer than the connect timeout for a busy pool is answered, not taken for a lost server', {
      skip: url === 'pglite:' ? 'a server’s connection pool' : false,
    }, async () => {
      // four long aggregations hold the pool's four connections for longer than a connection may take to open
      const busy = Array.from({ length: 4 }, () => sql.query('SELECT pg_sleep(5.5)'));
      const waited = await sql.query<{ n: number }>('SELECT 1 AS n');
      assert.deepEqual(waited, [{ n: 1 }]);
      await Promise.all(busy);
    });

    it('text with tabs, line ends and backslashes (what COPY escapes) reads back as it was written', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      const odd: Article = {
        ...corpus.articles[0]!,
        id: 'copy-escapes',
        title: 'Tab\there, a backslash \\N and \\t, CR\rLF\nend',
        publisher: 'Pub\\lisher\t"quoted"',
        url: 'https://example.org/a\\b',
        paragraphs: ['Line one\nline two\r\nline three\twith a tab and \\ a backslash.', '\\N alone'],
      };
      await loadArticles(sql, [odd]);
      const db = pgBackend(sql);
      const [back] = await db.articles(['copy-escapes']);
      assert.deepEqual(back, JSON.parse(JSON.stringify(odd)));
      const [row] = await sql.query<{ title: string; publisher: string; url: string }>(
        "SELECT title, publisher, url FROM steppe.articles WHERE id = 'copy-escapes'",
      );
      assert.deepEqual(row, { title: odd.title, publisher: odd.publisher, url: odd.url });
      const found = await db.search((parseQuery('"line three" backslash') as { query: Query }).query);
      assert.ok(
        found.some((h) => h.id === 'copy-escapes'),
        'its words and phrases are found',
      );
      await sql.query(`DELETE FROM steppe.articles WHERE id = 'copy-escapes'`);
    });

    it('a bulk load (its indexes built after) loaded again over itself: the same answers', async () => {
      const articles = [...generateCorpus(1200, 5, { vocabulary: 'realistic' })];
      await emptyCorpus(sql);
      await loadArticles(sql, articles);
      const q = queryOf('militants');
      const first = await pgBackend(sql).search(q);
      assert.ok(first.length > 0);
      assert.equal(await loadArticles(sql, articles), 1200, 'the same 1,200, each once');
      assert.deepEqual(await pgBackend(sql).search(q), first);
      const memory = memoryBackend(sessionOf({ version: 1, articles }));
      await expectSameComparison(memory, pgBackend(sql), [null, 'militants']);
    });

    it('an interrupted bulk load (its indexes dropped) leaves the database, indexes and all, as it was', async () => {
      const articles = [...generateCorpus(1100, 8, { vocabulary: 'realistic' })];
      await emptyCorpus(sql);
      const bad = { ...articles[700]!, id: 'bad-bulk', file: null as unknown as string };
      await assert.rejects(loadArticles(sql, [...articles.slice(0, 1000), bad, ...articles.slice(1000)]));
      const [{ n }] = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles')) as [{ n: number }];
      assert.equal(n, 0);
      const indexes = await sql.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'steppe' ORDER BY 1");
      for (const name of ['terms_pkey', 'terms_article', 'names_trgm', 'mentions_entity', 'figures_pkey'])
        assert.ok(
          indexes.some((i) => i.name === name),
          `${name} is still there`,
        );
    });

    it('an interrupted load leaves the database as it was', async () => {
      const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
      const broken = { ...corpus.articles[0]!, id: 'new-one', file: 'x.txt', paragraphs: ['fresh words'], mentions: [], title: 'x' };
      const bad = { ...broken, id: 'bad-one', published: null, file: null as unknown as string };
      await assert.rejects(loadArticles(sql, [broken, bad]));
      const [{ n }] = (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM steppe.articles WHERE id IN ('new-one', 'bad-one')")) as [{ n: number }];
      assert.equal(n, 0);
      assert.equal(await schemaVersion(sql), SCHEMA_VERSION);
    });

    it(`on ${quick ? '1,500' : '4,000'} generated articles (realistic vocabulary)`, async () => {
      const articles = [...generateCorpus(quick ? 1500 : 4000, 3, { vocabulary: 'realistic' })];
      const corpus: Corpus = { version: 1, articles };
      await emptyCorpus(sql);
      await loadArticles(sql, articles);
      const memory = memoryBackend(sessionOf(corpus));
      const db = pgBackend(sql);
      const { compared, found } = await expectSame(memory, db, [...QUERIES, ...randomQueries(corpus, quick ? 40 : 150, 11)]);
      assert.ok(found >= compared / 2, `${found} of ${compared} found articles`);
      await expectSameEntities(memory, db, [null, 'militants', 'country:kazakhstan']);
      await expectSameComparison(memory, db, [null, 'militants', 'country:kazakhstan', 'year:2005..2012 -attack']);
      await expectSameSideBySide(memory, db, [null, 'militants', 'year:2005..2012 -attack']);
      await expectSameFrequencies(memory, db, corpus);
    });
  });
}

describe('steppe load, then every plain command --db', () => {
  const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...process.env, STEPPE_STATE_DIR: mkdtempSync(path.join(tmpdir(), 'steppe-db-state-')), ...env },
    });

  it('load writes the corpus; search and entities read it as they read the files', async () => {
    const url = `pglite:${mkdtempSync(path.join(tmpdir(), 'steppe-pglite-'))}`;
    const loaded = run(['load', 'data/raw', '--db', url, '--migrate']);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stderr, /loaded 5 articles into pglite:.* it holds 5 articles/);
    for (const query of ['kazakhstan', 'country:tajikistan -isis', '"islamic state"', 'nazarbaev']) {
      const db = run(['search', query, '--json', '--db', url]);
      const files = run(['search', query, '--json', 'data/raw']);
      assert.equal(db.status, 0, db.stderr);
      assert.deepEqual(JSON.parse(db.stdout), JSON.parse(files.stdout), query);
    }
    const db = run(['entities', '--json', '--type', 'country', '--query', 'extremism'], { STEPPE_DB: url });
    assert.equal(db.status, 0, db.stderr);
    assert.deepEqual(JSON.parse(db.stdout), JSON.parse(run(['entities', '--json', '--type', 'country', '--query', 'extremism', 'data/raw']).stdout));
    for (const args of [
      ['compare', '--json'],
      ['compare', '--json', '--query', 'country:kazakhstan'],
    ]) {
      const db = run([...args, '--db', url]);
      assert.equal(db.status, 0, db.stderr);
      assert.deepEqual(JSON.parse(db.stdout), JSON.parse(run([...args, 'data/raw']).stdout), args.join(' '));
    }
    for (const args of [
      ['kwic', 'kazakhstan', '--json'],
      ['kwic', '"islamic state" country:kazakhstan', '--json', '--sort', '1R', '--window', '4'],
    ]) {
      const db = run([...args, '--db', url]);
      assert.equal(db.status, 0, db.stderr);
      const rows = JSON.parse(db.stdout) as unknown[];
      assert.ok(rows.length > 0, args.join(' '));
      assert.deepEqual(rows, JSON.parse(run([...args, 'data/raw']).stdout), args.join(' '));
    }
    assert.match(run(['kwic', 'country:kazakhstan', '--db', url]).stderr, /kwic: give a word or a "phrase"/);
    for (const args of [
      ['collocates', 'kazakhstan', '--json', '--min', '1'],
      ['collocates', 'extremism', '--window', '3', '--min', '1'],
    ]) {
      const db = run([...args, '--db', url]);
      assert.equal(db.status, 0, db.stderr);
      if (args.includes('--json')) assert.ok((JSON.parse(db.stdout) as unknown[]).length > 0, 'collocates found');
      assert.equal(db.stdout, run([...args, 'data/raw']).stdout, args.join(' '));
    }
    for (const what of ['articles', 'entities', 'compare', 'matrix', 'timeline', 'figures'])
      for (const args of [
        ['export', '--what', what, '--format', 'json'],
        ['export', '--what', what, '--format', 'csv', '--query', 'kazakhstan'],
      ]) {
        const db = run([...args, '--db', url]);
        assert.equal(db.status, 0, db.stderr);
        assert.ok(db.stdout.length > 20, args.join(' '));
        assert.equal(db.stdout, run([...args, 'data/raw']).stdout, args.join(' '));
      }
    // the brief: the articles given a note or a tag, from the same marks (the user's state file for each)
    const state = mkdtempSync(path.join(tmpdir(), 'steppe-db-notes-'));
    const ids = (JSON.parse(run(['search', 'kazakhstan', '--json', 'data/raw']).stdout) as { id: string }[]).map((h) => h.id);
    assert.ok(ids.length >= 3);
    for (const identity of [`db:${url}`, path.resolve('data/raw')]) {
      const store = new ReviewStore(stateFileFor(identity, state));
      await store.load();
      await store.setMany([
        [ids[2]!, { note: 'a note on the third' }],
        [ids[0]!, { tags: [['returnees', true]] }],
        [ids[1]!, { starred: true }],
      ]);
      assert.deepEqual(await store.close(), []);
    }
    for (const args of [
      ['export', '--what', 'notes', '--format', 'json'],
      ['export', '--what', 'notes', '--format', 'json', '--query', 'kazakhstan extremism'],
    ]) {
      const db = run([...args, '--db', url], { STEPPE_STATE_DIR: state });
      assert.equal(db.status, 0, db.stderr);
      const entries = JSON.parse(db.stdout) as { id: string; note: string | null; sentences: unknown[] }[];
      assert.deepEqual(entries, JSON.parse(run([...args, 'data/raw'], { STEPPE_STATE_DIR: state }).stdout), args.join(' '));
      assert.ok(entries.length > 0 && !entries.some((e) => e.id === ids[1]), 'noted or tagged articles only');
    }
    const brief = run(['export', '--what', 'notes', '--format', 'md', '--db', url], { STEPPE_STATE_DIR: state });
    assert.match(brief.stdout, /a note on the third/);
    assert.match(brief.stdout, /returnees/);
    const table = run(['compare', '--db', url]);
    assert.equal(table.stdout, run(['compare', 'data/raw']).stdout, 'the same table on a terminal');
    // loading again: the same five
    assert.match(run(['load', 'data/raw', '--db', url]).stderr, /it holds 5 articles/);
  });

  it('a server that takes the connection and never answers: one line after 5 s, exit 1', async () => {
    // the kernel completes the handshake of a listening socket: the client then waits for an answer that never comes
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const { port } = silent.address() as AddressInfo;
      const r = run(['search', 'x', '--db', `postgres://me@127.0.0.1:${port}/news`]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, `steppe: database postgres://me@127.0.0.1:${port}/news: no answer in 5 s (is the server up, the host right?)\n`);
    } finally {
      silent.close();
    }
  });

  it('a wrong URL, a refused connection, a missing schema: one line each, no stack trace', () => {
    const cases: [string[], number, RegExp][] = [
      [['search', 'x', '--db', 'mysql://h/db'], 2, /^steppe: --db mysql:\/\/h\/db: not a database URL/],
      [
        ['search', 'x', '--db', 'postgres://me:secret@127.0.0.1:1/news'],
        1,
        /^steppe: database postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/news: connection refused \(is the server running\?\)\n$/,
      ],
      [
        ['search', 'x', '--db', `pglite:${mkdtempSync(path.join(tmpdir(), 'steppe-empty-'))}`],
        1,
        /no steppe schema \(steppe load --db URL --migrate creates it\)/,
      ],
      [['load', 'data/raw'], 2, /load: give --db URL/],
      [['--db', 'pglite:'], 2, /not a terminal, so no dashboard/],
      [['data/raw', '--db', 'pglite:'], 2, /--db: the corpus is the database; give no PATH/],
      [['export', '--format', 'csv', '--what', 'notes', '--db', 'pglite:'], 2, /--what notes is a brief: --format md/],
      [['search', 'x', 'data/raw', '--db', 'pglite:'], 2, /give no PATH/],
    ];
    for (const [args, status, message] of cases) {
      const r = run(args);
      assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /secret|\n\s+at /, 'no password, no stack');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
