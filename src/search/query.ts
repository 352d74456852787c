/**
 * The filter language: free words (fuzzy), "exact phrases", -exclusions and fields
 * (country: person: org: place: source: year:2011 or year:2011..2017), review marks (is: has:
 * tag:) and saved searches (@name), combined with AND.
 */

export type Field = 'country' | 'person' | 'org' | 'place' | 'source';
export const FIELDS: Field[] = ['country', 'person', 'org', 'place', 'source'];
/** Every prefix the language reads, with its colon: what completion offers. */
export const FIELD_PREFIXES = [...FIELDS, 'year', 'is', 'has', 'tag'].map((f) => `${f}:`);

export interface Query {
  words: string[];
  phrases: string[];
  excluded: string[];
  fields: { field: Field; value: string }[];
  years: { from: number; to: number } | null;
  /** review marks: is:starred, is:unread, is:read, has:note, tag:NAME (every one named); is:new (not there at the last open) */
  marks: { starred?: boolean; unread?: boolean; read?: boolean; note?: boolean; tags?: string[]; new?: boolean };
}

/** A saved search's query by its name (`@name`), or undefined when there is none. */
export type SavedSearches = (name: string) => string | undefined;

/** How deep `@a` may name `@b` that names `@c`…: past this, a loop. */
const SAVED_DEPTH = 8;

export type Parsed = { ok: true; query: Query } | { ok: false; error: string };

export const EMPTY_QUERY: Query = { words: [], phrases: [], excluded: [], fields: [], years: null, marks: {} };

export function isEmptyQuery(q: Query): boolean {
  return !q.words.length && !q.phrases.length && !q.excluded.length && !q.fields.length && !q.years && !hasMarkFilter(q);
}

export function hasMarkFilter(q: Query): boolean {
  return Object.keys(q.marks).length > 0;
}

/** Splits on spaces outside quotes; `field:"two words"` keeps its quotes. */
function tokens(input: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of input) {
    if (ch === '"' || ch === '“' || ch === '”') {
      quoted = !quoted;
      current += '"';
    } else if (/\s/.test(ch) && !quoted) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) return null;
  if (current) out.push(current);
  return out;
}

/** `@name` replaced by the saved search's query, as if typed there (it may name others). */
function expandSaved(parts: string[], saved: SavedSearches | undefined, depth = 0): string[] | { error: string } {
  const out: string[] = [];
  for (const part of parts) {
    if (!/^@./.test(part)) {
      out.push(part);
      continue;
    }
    const name = part.slice(1);
    const query = saved?.(name);
    if (query === undefined) return { error: saved ? `no saved search "@${name}" (' lists them)` : `@${name}: saved searches are not available here` };
    if (depth >= SAVED_DEPTH) return { error: `@${name} names itself (saved searches in a loop)` };
    const inner = tokens(query.trim());
    if (!inner) return { error: `@${name}: unclosed quote` };
    const expanded = expandSaved(inner, saved, depth + 1);
    if (!Array.isArray(expanded)) return expanded;
    out.push(...expanded);
  }
  return out;
}

export function parseQuery(input: string, saved?: SavedSearches): Parsed {
  const typed = tokens(input.trim());
  if (!typed) return { ok: false, error: 'unclosed quote' };
  const parts = expandSaved(typed, saved);
  if (!Array.isArray(parts)) return { ok: false, error: parts.error };
  const q: Query = { words: [], phrases: [], excluded: [], fields: [], years: null, marks: {} };
  for (const part of parts) {
    const field = /^([a-z]+):(.*)$/i.exec(part);
    if (field) {
      const name = field[1]!.toLowerCase();
      const value = field[2]!.replace(/"/g, '').trim();
      if (name === 'year') {
        const y = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(value);
        if (!y) return { ok: false, error: `year: wants 2011 or 2011..2017, not "${value}"` };
        const from = Number(y[1]);
        const to = Number(y[2] ?? y[1]);
        if (to < from) return { ok: false, error: `year range ${from}..${to} runs backwards` };
        q.years = { from, to };
        continue;
      }
      if (name === 'tag') {
        if (!value) return { ok: false, error: 'tag: needs a tag name' };
        q.marks.tags = [...(q.marks.tags ?? []), value.toLowerCase()];
        continue;
      }
      if (name === 'is' || name === 'has') {
        const v = value.toLowerCase();
        if (name === 'is' && (v === 'starred' || v === 'unread' || v === 'read' || v === 'new')) q.marks[v] = true;
        else if (name === 'has' && (v === 'note' || v === 'notes')) q.marks.note = true;
        else return { ok: false, error: `${name}:${value} is not a filter (is:starred, is:unread, is:read, is:new, has:note)` };
        continue;
      }
      const f = (name === 'organization' || name === 'organisation' ? 'org' : name) as Field;
      if (!FIELDS.includes(f)) return { ok: false, error: `unknown field "${name}:" (use ${FIELDS.join(': ')}: year: is: has: tag:)` };
      if (!value) return { ok: false, error: `${name}: needs a value` };
      q.fields.push({ field: f, value });
      continue;
    }
    if (part.startsWith('-') && part.length > 1) {
      const word = part.slice(1).replace(/"/g, '').toLowerCase();
      if (word) q.excluded.push(word);
      continue;
    }
    if (part.startsWith('"')) {
      const phrase = part.replace(/"/g, '').trim().toLowerCase();
      if (phrase) q.phrases.push(phrase);
      continue;
    }
    const word = part.replace(/"/g, '').toLowerCase();
    if (word) q.words.push(word);
  }
  return { ok: true, query: q };
}
