/**
 * A connection to the database a `--db URL` names: a PostgreSQL server (`postgres://…`,
 * through `pg`), or PGlite, PostgreSQL compiled to WebAssembly (`pglite:` in memory,
 * `pglite:DIR` on disk; a development dependency, what the tests run against). Both behind
 * one small interface, so the backend's SQL is the same for either.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError, UserError } from '../../io/errors.js';
import { sanitizeLine } from '../../text/sanitize.js';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** runs `work` in one transaction: all of it, or none of it */
  transaction<T>(work: (sql: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** what the URL names, for messages (no password) */
  readonly label: string;
}

/** A transaction's connection: its statements, and COPY for rows in bulk. */
export interface Tx extends Pick<Sql, 'query'> {
  /** `COPY table (columns) FROM STDIN` fed `data`, rows in COPY's text format (a load's rows: several times faster than INSERT) */
  copy(table: string, columns: readonly string[], data: string): Promise<void>;
}

/** The URL with its password hidden, for messages. */
export function shownUrl(url: string): string {
  return sanitizeLine(url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@'));
}

/** One line for a failure to reach or use the database (a refused connection, a wrong password, a missing database). */
export function dbError(url: string, e: unknown): UserError {
  const err = e as { code?: string; message?: string };
  const reason =
    err.code === 'ECONNREFUSED'
      ? 'connection refused (is the server running?)'
      : err.code === 'ENOENT'
        ? 'no server at that socket (is it running?)'
        : err.code === 'ENOTFOUND'
          ? 'no such host'
          : /timeout expired|connection timeout/i.test(err.message ?? '')
            ? `no answer in ${CONNECT_TIMEOUT_MS / 1000} s (is the server up, the host right?)`
            : err.code === '28P01'
              ? 'wrong password'
              : err.code === '3D000'
                ? 'no such database'
                : (err.message ?? String(e)).split('\n')[0]!;
  return new UserError(`database ${shownUrl(url)}: ${sanitizeLine(reason)}`);
}

/** How long a new connection may take before the server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5000;

export async function connect(url: string): Promise<Sql> {
  if (url === 'pglite:' || url.startsWith('pglite:')) return connectPglite(url);
  if (!/^postgres(?:ql)?:\/\//.test(url)) throw new UsageError(`--db ${shownUrl(url)}: not a database URL (postgres://user@host/db, or pglite:DIR)`);
  const [{ default: pg }, { from: copyFrom }] = await Promise.all([import('pg'), import('pg-copy-streams')]);
  // A connection that does not answer in 5 s is a failure, but a query waiting for one of the
  // pool's four connections is not: long aggregations ahead of it in a busy dashboard are no
  // lost server. pg-pool would time out that wait with the connection's own option, so the
  // option is given to each connection, not the pool.
  class TimedClient extends pg.Client {
    constructor(config?: string | import('pg').ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, Client: TimedClient });
  // an idle client that loses its server must not crash the process: the next query says so
  pool.on('error', () => undefined);
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw dbError(url, e);
  }
  const wrap = (e: unknown) => dbError(url, e);
  return {
    label: shownUrl(url),
    async query<T>(text: string, params: unknown[] = []) {
      try {
        return (await pool.query(text, params)).rows as T[];
      } catch (e) {
        throw wrap(e);
      }
    },
    async transaction<T>(work: (sql: Tx) => Promise<T>) {
      let client: import('pg').PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw wrap(e);
      }
      try {
        await client.query('BEGIN');
        const out = await work({
          async query<R>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as R[];
          },
          async copy(table, columns, data) {
            const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
            // finished once the server has taken every row (or said why not)
            await pipeline(Readable.from([Buffer.from(data)]), stream);
          },
        });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e instanceof UserError ? e : wrap(e);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function connectPglite(url: string): Promise<Sql> {
  let mod: typeof import('@electric-sql/pglite');
  let trgm: typeof import('@electric-sql/pglite/contrib/pg_trgm');
  let fuzzy: typeof import('@electric-sql/pglite/contrib/fuzzystrmatch');
  try {
    [mod, trgm, fuzzy] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/fuzzystrmatch'),
    ]);
  } catch {
    throw new UserError('pglite: URLs need the @electric-sql/pglite package (npm install @electric-sql/pglite); or give a postgres:// URL');
  }
  const dir = url.slice('pglite:'.length) || undefined;
  const db = await mod.PGlite.create(dir, { extensions: { pg_trgm: trgm.pg_trgm, fuzzystrmatch: fuzzy.fuzzystrmatch } });
  const wrap = (e: unknown) => dbError(url, e);
  return {
    label: shownUrl(url),
    async query<T>(text: string, params: unknown[] = []) {
      try {
        return (await db.query<T>(text, params)).rows;
      } catch (e) {
        throw wrap(e);
      }
    },
    async transaction<T>(work: (sql: Tx) => Promise<T>) {
      try {
        return await db.transaction(async (tx) =>
          work({
            async query<R>(text: string, params: unknown[] = []) {
              return (await tx.query<R>(text, params)).rows;
            },
            async copy(table, columns, data) {
              // PGlite reads COPY's input from the blob given with the statement
              await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([data]) });
            },
          }),
        );
      } catch (e) {
        throw e instanceof UserError ? e : wrap(e);
      }
    },
    close: () => db.close(),
  };
}
