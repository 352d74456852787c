/** `steppe load [PATH…] --db URL [--migrate]`: a corpus into PostgreSQL, with a progress line (or, with --migrate alone, the schema only). */
import { UsageError } from '../io/errors.js';
import type { Session } from '../session/session.js';
import { plural } from '../text/plural.js';
import type { CommandIo } from './io.js';
import { progressLine } from './progressLine.js';

/** `session` null: --migrate alone, the schema made or upgraded and nothing loaded. */
export async function runLoad(session: Session | null, url: string, flags: { migrate?: boolean }, io: CommandIo): Promise<number> {
  const { connect } = await import('../backend/pg/connect.js');
  const { checkSchema } = await import('../backend/pg/schema.js');
  const { migrate } = await import('../backend/pg/migrate.js');
  const { loadArticles } = await import('../backend/pg/load.js');
  const sql = await connect(url);
  try {
    if (flags.migrate) await migrate(sql);
    else await checkSchema(sql);
    if (!session) {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles');
      io.stderr(`the schema of ${sql.label} is up to date; it holds ${plural(row?.n ?? 0, 'article')}\n`);
      return 0;
    }
    const line = progressLine();
    const t0 = performance.now();
    let total: number;
    try {
      total = await loadArticles(sql, session.articles, (done, all) => line.progress?.(`loading into ${sql.label}`, done, all));
    } finally {
      line.done();
    }
    const seconds = (performance.now() - t0) / 1000;
    io.stderr(
      `loaded ${plural(session.articles.length, 'article')} into ${sql.label} in ${seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`} (${Math.round(session.articles.length / Math.max(seconds, 0.001)).toLocaleString('en')}/s); it holds ${plural(total, 'article')}\n`,
    );
    return 0;
  } finally {
    await sql.close().catch(() => undefined);
  }
}

/** The database a command reads: --db, else STEPPE_DB; none: the corpus in memory. */
export function dbUrlOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (flag !== undefined && !flag.trim()) throw new UsageError('--db needs a URL (postgres://user@host/database)');
  return flag ?? (env.STEPPE_DB?.trim() || null);
}
