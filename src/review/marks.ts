/**
 * Review marks (read, starred, note) and the state file's format: pure, no I/O.
 *
 * Each field of a mark carries the time it was last set, and two copies of a state merge field
 * by field, the newer setting winning: one steppe's note and another's star on the same
 * article both survive. Unsetting a field is a setting too (false, or an empty note), so an
 * unstar is not undone by a merge with an older star.
 */

/** A mark as the dashboard and the commands read it. */
export interface Mark {
  read?: boolean;
  starred?: boolean;
  note?: string;
}

export type Field = 'read' | 'starred' | 'note';
export const FIELDS: readonly Field[] = ['read', 'starred', 'note'];

/** A field's value and when it was set (ms since the epoch). */
export type Stamped<T> = readonly [value: T, at: number];

/** A mark as it is stored: every field set so far, with its time. */
export interface StampedMark {
  read?: Stamped<boolean>;
  starred?: Stamped<boolean>;
  note?: Stamped<string>;
}

/** Marks by article id. A Map, so that no id ("__proto__", "constructor") is special. */
export type Marks = Map<string, StampedMark>;

export const REVIEW_VERSION = 2;

export type ParsedReview = { ok: true; marks: Marks } | { ok: false; reason: 'corrupt' | 'newer' };

/** The mark's values, without times; undefined when nothing is set. */
export function markOf(m: StampedMark | undefined): Mark | undefined {
  if (!m) return undefined;
  const out: Mark = {};
  if (m.read?.[0]) out.read = true;
  if (m.starred?.[0]) out.starred = true;
  if (m.note?.[0]) out.note = m.note[0];
  return out.read || out.starred || out.note ? out : undefined;
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function stamped<T>(x: unknown, isValue: (v: unknown) => v is T): Stamped<T> | undefined | null {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length !== 2 || !isValue(x[0]) || !isTime(x[1])) return null;
  return [x[0], x[1]];
}
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isString = (v: unknown): v is string => typeof v === 'string';

export function parseReviewFile(text: string): ParsedReview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (typeof json !== 'object' || json === null) return { ok: false, reason: 'corrupt' };
  const o = json as { version?: unknown; articles?: unknown };
  if (typeof o.version === 'number' && o.version > REVIEW_VERSION) return { ok: false, reason: 'newer' };
  if ((o.version !== 1 && o.version !== 2) || typeof o.articles !== 'object' || o.articles === null || Array.isArray(o.articles))
    return { ok: false, reason: 'corrupt' };
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
    if (read === null || starred === null || note === null) return { ok: false, reason: 'corrupt' };
    marks.set(id, { ...(read ? { read } : {}), ...(starred ? { starred } : {}), ...(note ? { note } : {}) });
  }
  return { ok: true, marks };
}

/** The newer of two settings of one field; on a tie, `b` (ours). */
function newer<T>(a: Stamped<T> | undefined, b: Stamped<T> | undefined): Stamped<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  return b[1] >= a[1] ? b : a;
}

export function mergeMark(a: StampedMark | undefined, b: StampedMark | undefined): StampedMark {
  const out: { -readonly [K in Field]?: StampedMark[K] } = {};
  const read = newer(a?.read, b?.read);
  const starred = newer(a?.starred, b?.starred);
  const note = newer(a?.note, b?.note);
  if (read) out.read = read;
  if (starred) out.starred = starred;
  if (note) out.note = note;
  return out;
}

/** Field by field, the newer setting wins: two sessions on one corpus keep each other's changes. */
export function mergeMarks(disk: Marks, ours: Marks): Marks {
  const out: Marks = new Map(disk);
  for (const [id, m] of ours) out.set(id, mergeMark(out.get(id), m));
  return out;
}

/** True when `m` holds every field setting of `part` (or a newer one). */
export function covers(m: StampedMark | undefined, part: StampedMark): boolean {
  return FIELDS.every((f) => !part[f] || (m?.[f] !== undefined && m[f]![1] >= part[f]![1]));
}

export function serializeReview(marks: Marks): string {
  // a prototype-free object: an id "__proto__" is an ordinary key
  const articles: Record<string, StampedMark> = Object.create(null) as Record<string, StampedMark>;
  for (const id of [...marks.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) articles[id] = marks.get(id)!;
  return JSON.stringify({ version: REVIEW_VERSION, articles }, null, 1) + '\n';
}
