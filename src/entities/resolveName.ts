/**
 * A name typed in a query, resolved to the gazetteer's canonical name: `country:Казахстан`,
 * `country:"Kyrgyz Republic"`, `country:Tacikistan’da`, `org:ОДКБ` find what the canonical
 * name finds. Built on the gazetteer's matcher, so every spelling it reads in text resolves.
 */
import type { MentionType } from '../corpus/types.js';
import { defaultGazetteer, type Gazetteer } from './gazetteer.js';
import { matchGazetteer } from './matcher.js';
import { tokenize } from './tokens.js';

const remembered = new Map<string, string | null>();

/** The canonical name the whole of `value` spells, when it is one entity of that type; else null. */
export function canonicalName(type: MentionType, value: string, g: Gazetteer = defaultGazetteer()): string | null {
  const key = `${type}\u0000${value}`;
  if (remembered.has(key)) return remembered.get(key)!;
  const text = value.trim();
  const matches = matchGazetteer(g, text, tokenize(text));
  const m = matches.length === 1 && matches[0]!.start === 0 && matches[0]!.end >= text.replace(/[.\s]+$/, '').length ? matches[0]! : null;
  const entry = m ? g.entries[m.entry]! : null;
  const kind = entry?.kind === 'institution' ? 'organization' : entry?.kind;
  const name = entry && kind === type ? entry.name : null;
  if (remembered.size > 1000) remembered.clear();
  remembered.set(key, name);
  return name;
}
