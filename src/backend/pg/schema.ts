/**
 * steppe's tables in PostgreSQL (schema `steppe`), made from the same derived data as the
 * in-memory index so that a query finds the same articles: each article's folded terms (with
 * whether the title has them), its lines as folded terms (phrases), the names its fields are
 * filtered by, and its mentions. `SCHEMA_VERSION` is checked on connect; `migrate` creates or
 * upgrades.
 */
import { UserError } from '../../io/errors.js';
import type { Sql } from './connect.js';

export const SCHEMA_VERSION = 4;

/**
 * The primary keys of the tables made from each article (their constraints are \`<table>_pkey\`).
 * A term's postings carry whether the title has it (version 4), so that a query reads them from
 * the key alone: an index-only scan, not a heap page for each matched article (441 → 17 ms for
 * a word in 99,949 of 100,000 articles).
 */
const KEYS = {
  terms: '(term, article) INCLUDE (in_title)',
  lines: '(article, n)',
  names: '(field, name, article)',
  mentions: '(article, entity, spelling)',
  companions: '(article, country, other)',
  figures: '(article, n)',
} as const;

/** Their other indexes: the article's rows found to replace them, names by trigram, mentions by entity. */
const INDEXES: Record<string, [table: keyof typeof KEYS, how: string]> = {
  terms_article: ['terms', '(article)'],
  names_trgm: ['names', 'USING gin (name gin_trgm_ops)'],
  names_article: ['names', '(article)'],
  mentions_entity: ['mentions', '(entity)'],
};

/** A table's key made again as this version defines it (a schema upgraded to one with a wider key). */
export async function rekey(tx: Pick<Sql, 'query'>, table: keyof typeof KEYS): Promise<void> {
  await tx.query(`ALTER TABLE steppe.${table} DROP CONSTRAINT ${table}_pkey`);
  await tx.query(`ALTER TABLE steppe.${table} ADD PRIMARY KEY ${KEYS[table]}`);
}

/**
 * A bulk load drops these keys and indexes and builds them again after its rows are in: a
 * sorted build was measured 1.8× faster than keeping them row by row (terms, 3,000 articles).
 */
export async function withoutIndexes<T>(tx: Pick<Sql, 'query'>, load: () => Promise<T>): Promise<T> {
  for (const name of Object.keys(INDEXES)) await tx.query(`DROP INDEX steppe.${name}`);
  for (const table of Object.keys(KEYS)) await tx.query(`ALTER TABLE steppe.${table} DROP CONSTRAINT ${table}_pkey`);
  const done = await load();
  for (const [table, key] of Object.entries(KEYS)) await tx.query(`ALTER TABLE steppe.${table} ADD PRIMARY KEY ${key}`);
  for (const [name, [table, how]] of Object.entries(INDEXES)) await tx.query(`CREATE INDEX ${name} ON steppe.${table} ${how}`);
  // the planner's statistics for what was loaded, before the first query plans on none
  for (const table of ['articles', ...Object.keys(KEYS), 'vocab', 'entities']) await tx.query(`ANALYZE steppe.${table}`);
  return done;
}

/** Text compared byte by byte (COLLATE "C"), as the in-memory vocabulary is sorted and prefixes are ranges. */
export const DDL = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE SCHEMA IF NOT EXISTS steppe;
CREATE TABLE IF NOT EXISTS steppe.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS steppe.articles (
  id text COLLATE "C" PRIMARY KEY,
  pos integer NOT NULL,
  file text NOT NULL,
  title text,
  shown text NOT NULL,
  publisher text,
  published text,
  year integer,
  url text,
  duplicate_of text,
  article jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_pos ON steppe.articles (pos, id);
CREATE INDEX IF NOT EXISTS articles_year ON steppe.articles (year);
CREATE TABLE IF NOT EXISTS steppe.terms (
  term text COLLATE "C" NOT NULL,
  article text COLLATE "C" NOT NULL,
  in_title boolean NOT NULL,
  tokens integer NOT NULL DEFAULT 0,
  PRIMARY KEY ${KEYS.terms}
);
ALTER TABLE steppe.terms ADD COLUMN IF NOT EXISTS tokens integer NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS steppe.vocab (term text COLLATE "C" PRIMARY KEY, df integer NOT NULL, len integer NOT NULL, tf bigint NOT NULL DEFAULT 0);
ALTER TABLE steppe.vocab ADD COLUMN IF NOT EXISTS tf bigint NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS vocab_len ON steppe.vocab (len);
CREATE INDEX IF NOT EXISTS vocab_trgm ON steppe.vocab USING gin (term gin_trgm_ops);
CREATE TABLE IF NOT EXISTS steppe.lines (
  article text COLLATE "C" NOT NULL,
  n integer NOT NULL,
  folded text NOT NULL,
  PRIMARY KEY ${KEYS.lines}
);
CREATE TABLE IF NOT EXISTS steppe.names (
  field text NOT NULL,
  name text COLLATE "C" NOT NULL,
  article text COLLATE "C" NOT NULL,
  PRIMARY KEY ${KEYS.names}
);
CREATE TABLE IF NOT EXISTS steppe.entities (id text COLLATE "C" PRIMARY KEY, type text NOT NULL, name text NOT NULL, first_pos integer NOT NULL);
CREATE TABLE IF NOT EXISTS steppe.mentions (
  article text COLLATE "C" NOT NULL,
  entity text COLLATE "C" NOT NULL,
  spelling text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY ${KEYS.mentions}
);
CREATE TABLE IF NOT EXISTS steppe.companions (
  article text COLLATE "C" NOT NULL,
  country text COLLATE "C" NOT NULL,
  other text COLLATE "C" NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY ${KEYS.companions}
);
CREATE TABLE IF NOT EXISTS steppe.figures (
  article text COLLATE "C" NOT NULL,
  n integer NOT NULL,
  country text,
  low double precision NOT NULL,
  high double precision NOT NULL,
  qualifier text,
  what text NOT NULL,
  event text,
  speaker text,
  year integer,
  paragraph integer NOT NULL,
  start_at integer NOT NULL,
  end_at integer NOT NULL,
  snippet text NOT NULL,
  PRIMARY KEY ${KEYS.figures}
);
CREATE TABLE IF NOT EXISTS steppe.entity_totals (entity text COLLATE "C" PRIMARY KEY, articles integer NOT NULL, mentions integer NOT NULL);
CREATE TABLE IF NOT EXISTS steppe.spelling_totals (entity text COLLATE "C" NOT NULL, spelling text NOT NULL, count integer NOT NULL, PRIMARY KEY (entity, spelling));
${Object.entries(INDEXES)
  .map(([name, [table, how]]) => `CREATE INDEX IF NOT EXISTS ${name} ON steppe.${table} ${how};`)
  .join('\n')}
`;

/** The schema's version, or null where there is none. */
export async function schemaVersion(sql: Sql): Promise<number | null> {
  const has = await sql.query<{ t: string | null }>(`SELECT to_regclass('steppe.meta')::text AS t`);
  if (!has[0]?.t) return null;
  const rows = await sql.query<{ value: string }>(`SELECT value FROM steppe.meta WHERE key = 'schema_version'`);
  return rows[0] ? Number(rows[0].value) : null;
}

/** On connect: the schema must be there and this steppe's. */
export async function checkSchema(sql: Sql): Promise<void> {
  const v = await schemaVersion(sql);
  if (v === null) throw new UserError(`database ${sql.label}: no steppe schema (steppe load --db URL --migrate creates it)`);
  if (v !== SCHEMA_VERSION)
    throw new UserError(
      `database ${sql.label}: schema version ${v}, this steppe reads ${SCHEMA_VERSION} (${v < SCHEMA_VERSION ? 'steppe load --db URL --migrate upgrades it' : 'a newer steppe made it'})`,
    );
}

/** Every article gone, the schema kept (the bench, the tests). */
export async function emptyCorpus(sql: Pick<Sql, 'query'>): Promise<void> {
  await sql.query(
    'TRUNCATE steppe.articles, steppe.terms, steppe.vocab, steppe.lines, steppe.names, steppe.entities, steppe.mentions, steppe.companions, steppe.figures, steppe.entity_totals, steppe.spelling_totals',
  );
}
