/** `steppe entities [--type T] [--json] [PATH…]`: the entity table. */
import stringWidth from 'string-width';
import { countEntities, type EntityCount } from '../analysis/entityCounts.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Corpus, MentionType } from '../corpus/types.js';
import { UsageError } from '../io/errors.js';

export const MENTION_TYPES: MentionType[] = ['country', 'person', 'organization', 'place'];

export function parseType(value: string | undefined): MentionType | undefined {
  if (value === undefined) return undefined;
  const t = value.toLowerCase().replace(/s$/, '').replace(/^org$/, 'organization') as MentionType;
  if (!MENTION_TYPES.includes(t)) throw new UsageError(`--type must be one of ${MENTION_TYPES.join(', ')} (got "${value}")`);
  return t;
}

export function entitiesJson(corpus: Corpus, type?: MentionType): string {
  return JSON.stringify(countEntities(corpus.articles, type), null, 2) + '\n';
}

export function entitiesTable(corpus: Corpus, type?: MentionType): string {
  const rows = countEntities(corpus.articles, type);
  const header = ['entity', 'type', 'articles', 'mentions', 'as written'];
  const cells = rows.map((r: EntityCount) => [
    sanitizeLine(r.name),
    r.type,
    String(r.articles),
    String(r.mentions),
    r.spellings.map((s) => `${sanitizeLine(s.text)} ${s.count}`).join(', '),
  ]);
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...cells.map((row) => stringWidth(row[c]!))));
  const right = [false, false, true, true, false];
  const line = (row: string[]) =>
    row
      .map((cell, c) => {
        if (c === row.length - 1) return cell;
        const pad = ' '.repeat(widths[c]! - stringWidth(cell));
        return right[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const total = corpus.articles.filter((a) => !a.duplicateOf).length;
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line), '', `${rows.length} entities in ${total} articles (republished copies counted once)`].join('\n') + '\n';
}
