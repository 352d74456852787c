/**
 * Review marks (read, starred, note, tags), saved searches and the state file's format: pure, no I/O.
 *
 * Each field of a mark carries the time it was last set, and two copies of a state merge field
 * by field, the newer setting winning: one steppe's note and another's star on the same
 * article both survive. Unsetting a field is a setting too (false, or an empty note), so an
 * unstar is not undone by a merge with an older star. Tags merge one by one (a tag added here
 * and another there are both kept; a removal is a setting of its tag), and saved searches
 * name by name.
 */

/** A mark as the dashboard and the commands read it. */
export interface Mark {
  read?: boolean;
  starred?: boolean;
  note?: string;
  /** sorted */
  tags?: string[];
}

/** A change to a mark: fields set, and tags added (true) or removed (false). */
export interface MarkChange {
  read?: boolean;
  starred?: boolean;
  note?: string | undefined;
  tags?: readonly (readonly [tag: string, on: boolean])[];
}

export type Field = 'read' | 'starred' | 'note';
export const FIELDS: readonly Field[] = ['read', 'starred', 'note'];

/** A field's value and when it was set (ms since the epoch). */
export type Stamped<T> = readonly [value: T, at: number];

/** A tag's setting: on or off, and when (an array, so that no tag name is an object key). */
export type StampedTag = readonly [tag: string, on: boolean, at: number];

/** A mark as it is stored: every field set so far, with its time. */
export interface StampedMark {
  read?: Stamped<boolean>;
  starred?: Stamped<boolean>;
  note?: Stamped<string>;
  /** by tag name, sorted */
  tags?: readonly StampedTag[];
}

/** Marks by article id. A Map, so that no id ("__proto__", "constructor") is special. */
export type Marks = Map<string, StampedMark>;

/** Saved searches by name: the query and when it was saved (an empty query: deleted). */
export type Searches = Map<string, Stamped<string>>;

/** What a state file holds. */
export interface ReviewState {
  marks: Marks;
  searches: Searches;
}

/** 3: tags and saved searches */
export const REVIEW_VERSION = 3;

export type ParsedReview = ({ ok: true } & ReviewState) | { ok: false; reason: 'corrupt' | 'newer' };

/** The mark's values, without times; undefined when nothing is set. */
export function markOf(m: StampedMark | undefined): Mark | undefined {
  if (!m) return undefined;
  const out: Mark = {};
  if (m.read?.[0]) out.read = true;
  if (m.starred?.[0]) out.starred = true;
  if (m.note?.[0]) out.note = m.note[0];
  const tags = m.tags?.filter((t) => t[1]).map((t) => t[0]);
  if (tags?.length) out.tags = tags;
  return out.read || out.starred || out.note || out.tags ? out : undefined;
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function stamped<T>(x: unknown, isValue: (v: unknown) => v is T): Stamped<T> | undefined | null {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length !== 2 || !isValue(x[0]) || !isTime(x[1])) return null;
  return [x[0], x[1]];
}
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isString = (v: unknown): v is string => typeof v === 'string';

/** A mark's tags as stored: [name, on, at] each, names distinct and sorted; null when malformed. */
function stampedTags(x: unknown): readonly StampedTag[] | undefined | null {
  if (x === undefined) return undefined;
  if (!Array.isArray(x)) return null;
  const out: StampedTag[] = [];
  for (const t of x) {
    if (!Array.isArray(t) || t.length !== 3 || !isString(t[0]) || !isTag(t[0]) || !isBool(t[1]) || !isTime(t[2])) return null;
    out.push([t[0], t[1], t[2]]);
  }
  return mergeTags(out, undefined);
}

/** A tag name: one word of letters, digits and - _ . / (what `tag:NAME` can name), at most 64 characters. */
export function isTag(s: string): boolean {
  return /^[\p{L}\p{N}_./-]{1,64}$/u.test(s);
}

/** A saved search's name, as `@name` names it. */
export function isSearchName(s: string): boolean {
  return /^[\p{L}\p{N}_-]{1,40}$/u.test(s);
}

function parseSearches(x: unknown): Searches | null {
  const out: Searches = new Map();
  if (x === undefined) return out;
  if (!Array.isArray(x)) return null;
  for (const e of x) {
    if (!Array.isArray(e) || e.length !== 3 || !isString(e[0]) || !isSearchName(e[0]) || !isString(e[1]) || !isTime(e[2])) return null;
    out.set(e[0], newer(out.get(e[0]), [e[1], e[2]])!);
  }
  return out;
}

export function parseReviewFile(text: string): ParsedReview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (typeof json !== 'object' || json === null) return { ok: false, reason: 'corrupt' };
  const o = json as { version?: unknown; articles?: unknown; searches?: unknown };
  if (typeof o.version === 'number' && o.version > REVIEW_VERSION) return { ok: false, reason: 'newer' };
  if ((o.version !== 1 && o.version !== 2 && o.version !== 3) || typeof o.articles !== 'object' || o.articles === null || Array.isArray(o.articles))
    return { ok: false, reason: 'corrupt' };
  const searches = parseSearches(o.searches);
  if (!searches) return { ok: false, reason: 'corrupt' };
  const marks: Marks = new Map();
  // JSON.parse makes every key an own property, "__proto__" included
  for (const [id, m] of Object.entries(o.articles as Record<string, unknown>)) {
    if (typeof m !== 'object' || m === null) return { ok: false, reason: 'corrupt' };
    const r = m as Record<string, unknown>;
    if (o.version === 1) {
      // version 1 stamped the whole mark: every field was set then
      if (!isTime(r.updated)) return { ok: false, reason: 'corrupt' };
      marks.set(id, {
        read: [r.read === true, r.updated],
        starred: [r.starred === true, r.updated],
        note: [typeof r.note === 'string' ? r.note : '', r.updated],
      });
      continue;
    }
    const read = stamped(r.read, isBool);
    const starred = stamped(r.starred, isBool);
    const note = stamped(r.note, isString);
    const tags = stampedTags(r.tags);
    if (read === null || starred === null || note === null || tags === null) return { ok: false, reason: 'corrupt' };
    marks.set(id, { ...(read ? { read } : {}), ...(starred ? { starred } : {}), ...(note ? { note } : {}), ...(tags ? { tags } : {}) });
  }
  return { ok: true, marks, searches };
}

/** Two settings of a mark's tags merged tag by tag, the newer winning (on a tie, `b`); sorted by name. */
export function mergeTags(a: readonly StampedTag[] | undefined, b: readonly StampedTag[] | undefined): readonly StampedTag[] | undefined {
  if (!a?.length && !b?.length) return a ?? b;
  const by = new Map<string, StampedTag>();
  for (const t of a ?? []) if (!by.has(t[0]) || by.get(t[0])![2] < t[2]) by.set(t[0], t);
  for (const t of b ?? []) if (!by.has(t[0]) || by.get(t[0])![2] <= t[2]) by.set(t[0], t);
  return [...by.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

/** The newer of two settings of one field; on a tie, `b` (ours). */
function newer<T>(a: Stamped<T> | undefined, b: Stamped<T> | undefined): Stamped<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  return b[1] >= a[1] ? b : a;
}

export function mergeMark(a: StampedMark | undefined, b: StampedMark | undefined): StampedMark {
  const out: { -readonly [K in keyof StampedMark]?: StampedMark[K] } = {};
  const read = newer(a?.read, b?.read);
  const starred = newer(a?.starred, b?.starred);
  const note = newer(a?.note, b?.note);
  if (read) out.read = read;
  if (starred) out.starred = starred;
  if (note) out.note = note;
  const tags = mergeTags(a?.tags, b?.tags);
  if (tags) out.tags = tags;
  return out;
}

/** Field by field, the newer setting wins: two sessions on one corpus keep each other's changes. */
export function mergeMarks(disk: Marks, ours: Marks): Marks {
  const out: Marks = new Map(disk);
  for (const [id, m] of ours) out.set(id, mergeMark(out.get(id), m));
  return out;
}

/** Saved searches merged name by name, the newer winning. */
export function mergeSearches(disk: Searches, ours: Searches): Searches {
  const out: Searches = new Map(disk);
  for (const [name, s] of ours) out.set(name, newer(out.get(name), s)!);
  return out;
}

/** True when `m` holds every field setting of `part` (or a newer one). */
export function covers(m: StampedMark | undefined, part: StampedMark): boolean {
  const tagsCovered = (part.tags ?? []).every((t) => m?.tags?.some((u) => u[0] === t[0] && u[2] >= t[2]));
  return tagsCovered && FIELDS.every((f) => !part[f] || (m?.[f] !== undefined && m[f]![1] >= part[f]![1]));
}

export function serializeReview(marks: Marks, searches: Searches = new Map()): string {
  // a prototype-free object: an id "__proto__" is an ordinary key
  const articles: Record<string, StampedMark> = Object.create(null) as Record<string, StampedMark>;
  for (const id of [...marks.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) articles[id] = marks.get(id)!;
  const saved = [...searches].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, [query, at]]) => [name, query, at]);
  return JSON.stringify({ version: REVIEW_VERSION, articles, ...(saved.length ? { searches: saved } : {}) }, null, 1) + '\n';
}
