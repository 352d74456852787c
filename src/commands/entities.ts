/** `steppe entities [--type T] [--json] [PATH…]`: the entity table. */
import { countEntities, type EntityCount } from '../analysis/entityCounts.js';
import { plainTable } from '../text/plainTable.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import type { Article, MentionType } from '../corpus/types.js';
import { UsageError } from '../io/errors.js';

export const MENTION_TYPES: MentionType[] = ['country', 'person', 'organization', 'place'];

export function parseType(value: string | undefined): MentionType | undefined {
  if (value === undefined) return undefined;
  const t = value.toLowerCase().replace(/s$/, '').replace(/^org$/, 'organization') as MentionType;
  if (!MENTION_TYPES.includes(t)) throw new UsageError(`--type must be one of ${MENTION_TYPES.join(', ')} (got "${value}")`);
  return t;
}

export function entitiesJson(articles: Article[], type?: MentionType): string {
  return toJson(countEntities(articles, type)) + '\n';
}

export function entitiesTable(articles: Article[], type?: MentionType): string {
  const rows = countEntities(articles, type);
  const header = ['entity', 'type', 'articles', 'mentions', 'as written'];
  const cells = rows.map((r: EntityCount) => [
    sanitizeLine(r.name),
    r.type,
    String(r.articles),
    String(r.mentions),
    r.spellings.map((s) => `${sanitizeLine(s.text)} ${s.count}`).join(', '),
  ]);
  const total = articles.filter((a) => !a.duplicateOf).length;
  return [...plainTable(header, cells, [false, false, true, true, false], true), '', `${rows.length} entities in ${total} articles (republished copies counted once)`].join('\n') + '\n';
}
