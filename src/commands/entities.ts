/** `steppe entities [--type T] [--query Q] [--json] [PATH…]`: the entity table. */
import { entityCountsIn, type EntityCount } from '../analysis/entityCounts.js';
import { MENTION_TYPES, type MentionType } from '../corpus/types.js';
import { UsageError } from '../io/errors.js';
import type { Session } from '../session/session.js';
import { plainTable } from '../text/plainTable.js';
import { plural } from '../text/plural.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import type { CommandIo } from './io.js';
import { selection } from './matching.js';

export function parseType(value: string | undefined): MentionType | undefined {
  if (value === undefined) return undefined;
  const t = value.toLowerCase().replace(/s$/, '').replace(/^org$/, 'organization') as MentionType;
  if (!MENTION_TYPES.includes(t)) throw new UsageError(`--type must be one of ${MENTION_TYPES.join(', ')} (got "${value}")`);
  return t;
}

export function entitiesTable(rows: EntityCount[], articles: number, columns?: number): string {
  const header = ['entity', 'type', 'articles', 'mentions', 'as written'];
  const cells = rows.map((r) => [
    sanitizeLine(r.name),
    r.type,
    String(r.articles),
    String(r.mentions),
    r.spellings.map((s) => `${sanitizeLine(s.text)} ${s.count}`).join(', '),
  ]);
  return (
    [
      ...plainTable(header, cells, [false, false, true, true, false], true, columns),
      '',
      `${plural(rows.length, 'entity', 'entities')} in ${plural(articles, 'article')} (republished copies counted once)`,
    ].join('\n') + '\n'
  );
}

export function runEntities(session: Session, flags: { type?: string; query?: string; json?: boolean }, io: CommandIo): number {
  const type = parseType(flags.type);
  const ids = selection(session, flags.query, '--query');
  const rows = entityCountsIn(session.table(), ids, type);
  if (flags.json) io.data(toJson(rows) + '\n');
  else io.stdout(entitiesTable(rows, ids.filter((i) => !session.articles[i]!.duplicateOf).length, io.columns));
  return 0;
}
