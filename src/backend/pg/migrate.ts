/**
 * Creating steppe's schema, or upgrading an older one: the tables a newer version added are
 * made from the articles already held, so that a corpus is never loaded again to be read.
 */
import { UserError } from '../../io/errors.js';
import type { Sql } from './connect.js';
import { countTotals, countVocabulary, type DerivedTable, refill } from './load.js';
import { DDL, rekey, SCHEMA_VERSION, schemaVersion } from './schema.js';

/** Tables each version added or widened (3: each term's count of words, for collocates), filled from the articles already held (their \`article\` column) when a schema is upgraded. */
const ADDED_IN: Record<number, DerivedTable[]> = { 2: ['companions', 'figures'], 3: ['terms'] };
/** Keys each version widened (4: the terms' key holds in_title), made again when a schema is upgraded. */
const REKEYED_IN: Record<number, 'terms'[]> = { 4: ['terms'] };

/** Creates the schema, or upgrades it; a newer one than this steppe knows is refused. */
export async function migrate(sql: Sql): Promise<void> {
  const found = await schemaVersion(sql);
  if (found !== null && found > SCHEMA_VERSION)
    throw new UserError(`database ${sql.label}: its schema is version ${found}, newer than this steppe's ${SCHEMA_VERSION}`);
  await sql.transaction(async (tx) => {
    for (const statement of DDL.split(';\n')
      .map((s) => s.trim())
      .filter(Boolean))
      await tx.query(statement);
    // an older schema's articles get the rows of the tables added since, made from each article
    if (found !== null && found < SCHEMA_VERSION) {
      const tables = Object.entries(ADDED_IN).flatMap(([v, t]) => (Number(v) > found ? t : []));
      // (nothing to read when only keys changed: each article's rows would be made for nothing)
      if (tables.length) await refill(tx, tables);
      if (tables.includes('terms')) await countVocabulary(tx);
      // 4: the whole corpus's entity counts kept (rollups), counted from the mentions held
      if (found < 4) await countTotals(tx);
      for (const table of new Set(Object.entries(REKEYED_IN).flatMap(([v, t]) => (Number(v) > found ? t : [])))) await rekey(tx, table);
    }
    await tx.query(`INSERT INTO steppe.meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
      String(SCHEMA_VERSION),
    ]);
  });
}
