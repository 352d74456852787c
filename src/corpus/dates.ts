/**
 * Publication dates. chrono-node finds the date in a line; these rules decide whether that
 * line states when the article was published. Only dates whose year is written count: an
 * article dated "on Tuesday" has no knowable publication date.
 */
import * as chrono from 'chrono-node';
import { asciiDigits, calendarDate } from './calendar.js';

const EARLIEST_YEAR = 1900;

/** "Last updated …", "accessed …", "modified …": dates that are not publication dates. */
export const NOT_PUBLICATION = /\b(?:updated?|modified|edited|revised|accessed|retrieved|viewed|printed|downloaded)\b|обновлено|изменено/i;

export interface FoundDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  value: string;
  /** where the date text starts and ends in the searched string */
  index: number;
  end: number;
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** The first date with a stated year in `text`, or null. */
export function findDate(raw: string, latest: Date = new Date()): FoundDate | null {
  // a field that is an ISO 8601 date (JSON Lines, feeds): its date as written, without chrono
  const iso = isoDate(raw, latest);
  if (iso !== undefined) return iso;
  const text = asciiDigits(raw);
  // every date steppe reads has a year, written with digits
  if (!/\d\d/.test(text)) return null;
  // the header stages ask about the same lines more than once; chrono is the parser's slowest step
  const key = `${Math.floor(latest.getTime() / 86_400_000)}\u0000${text}`;
  const hit = remembered.get(key);
  if (hit !== undefined) return hit;
  const found = readDate(text, latest);
  if (remembered.size >= 4096) remembered.clear();
  remembered.set(key, found);
  return found;
}

const remembered = new Map<string, FoundDate | null>();

const ISO_FIELD = /^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\s*$/;

/** A string that is nothing but an ISO date (and time): its date, null if it is no real or past date; undefined for any other string. */
function isoDate(raw: string, latest: Date): FoundDate | null | undefined {
  const m = ISO_FIELD.exec(raw);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = Date.UTC(year, month - 1, day);
  const real = month >= 1 && month <= 12 && day >= 1 && new Date(at).getUTCDate() === day;
  if (!real || at > latest.getTime() + 86_400_000) return null;
  const start = raw.length - raw.trimStart().length;
  return { value: `${m[1]}-${m[2]}-${m[3]}`, index: start, end: start + raw.trim().length };
}

function readDate(text: string, latest: Date): FoundDate | null {
  let best: FoundDate | null = null;
  // the earliest date wins; at one place the more precise reading
  for (const found of [dottedDate(text, latest), namedDate(text, latest), chronoDate(text, latest)]) {
    if (found && (!best || found.index < best.index || (found.index === best.index && found.value.length > best.value.length))) best = found;
  }
  return best ?? bareYear(text, latest);
}

/** Month names of the corpus's languages (Intl), CJK and ISO dates: calendar.ts. */
function namedDate(text: string, latest: Date): FoundDate | null {
  const d = calendarDate(text);
  if (!d || d.year < EARLIEST_YEAR || Date.UTC(d.year, d.month - 1, d.day ?? 1) > latest.getTime() + 86_400_000) return null;
  const value = [String(d.year), pad(d.month), d.day === null ? null : pad(d.day)].filter(Boolean).join('-');
  return { value, index: d.index, end: d.end };
}

/**
 * "01.09.2017" is day first wherever dots separate a date (Europe, Russia, Central Asia);
 * chrono would read it month first.
 */
function dottedDate(text: string, latest: Date): FoundDate | null {
  const m = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || Date.UTC(year, month - 1, day) > latest.getTime() + 86_400_000) return null;
  return { value: `${year}-${pad(month)}-${pad(day)}`, index: m.index, end: m.index + m[0].length };
}

function chronoDate(text: string, latest: Date): FoundDate | null {
  let results: chrono.ParsedResult[];
  try {
    // A fixed reference keeps parsing deterministic; the year must be written anyway.
    // Russian month names first where the text is Cyrillic: English parsing would take "10:15" alone.
    results = /[\u0400-\u04FF]/.test(text) ? chrono.ru.parse(text, REFERENCE) : [];
    if (!results.some((r) => r.start.isCertain('year'))) results = chrono.parse(text, REFERENCE);
  } catch {
    results = [];
  }
  for (const r of results) {
    // "Two Years Later" reads to chrono as a year it is certain of; a written year has digits
    if (!r.start.isCertain('year') || !/\d/.test(r.text) || /\b(?:ago|later|earlier|before|after|next|last|this)\b|назад|спустя/iu.test(r.text)) continue;
    const year = r.start.get('year');
    if (year === null || year < EARLIEST_YEAR || r.start.date().getTime() > latest.getTime() + 86_400_000) continue;
    const month = r.start.isCertain('month') ? r.start.get('month') : null;
    const day = month !== null && r.start.isCertain('day') ? r.start.get('day') : null;
    const value = [String(year).padStart(4, '0'), month && pad(month), day && pad(day)].filter(Boolean).join('-');
    return { value, index: r.index, end: r.index + r.text.length };
  }
  return null;
}

/** chrono does not read a bare year ("Published 2011"); a labelled line may still give one. */
function bareYear(text: string, latest: Date): FoundDate | null {
  const y = /(?<!\d)(1[9]\d\d|20\d\d)(?!\d)/.exec(text);
  return y && Number(y[1]) <= latest.getUTCFullYear() ? { value: y[1]!, index: y.index, end: y.index + 4 } : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A line labelled as the publication date: "Publication Date 28 November 2011", "Posted on …".
 * Labels of other languages need their colon: "Sana" and "Datum" open sentences too.
 */
const LABELLED =
  /^(?:(?:publication date|date of publication|date published|published(?: on| at)?|posted(?: on| at)?|first published|issued(?: on)?|release date|date|created(?: on)?|опубликовано|дата публикации|дата)(?![\p{L}])\s*[:：]?|(?:жарияланды|sana|нашр шуд|datum|tarih|yayın tarihi|日期|发布时间|تاریخ|التاريخ)\s*[:：])\s*(.*)$/iu;

export function labelledPublicationDate(line: string, latest?: Date): string | null {
  return labelledDate(line, latest)?.value ?? null;
}

/** The labelled date and what follows it on the line ("date 2021-08-23 MOSCOW, …": the dateline and text). */
export function labelledDate(line: string, latest?: Date): { value: string; rest: string } | null {
  const part = beforeUpdate(line);
  const m = part === null ? null : LABELLED.exec(part);
  if (!m) return null;
  const d = findDate(m[1]!, latest);
  if (!d) return null;
  return { value: d.value, rest: line.slice(line.length - m[1]!.length + d.end).trim() };
}

/**
 * The part of a line before an "updated"/"accessed" stamp: "Published 12 March 2019 | Last
 * updated 14 March 2019" gives "Published 12 March 2019 | "; a line that starts with the stamp
 * gives null.
 */
export function beforeUpdate(line: string): string | null {
  const m = NOT_PUBLICATION.exec(line);
  if (!m) return line;
  const before = line.slice(0, m.index).replace(/\b(?:last|date|was)\s*$/i, '');
  return /[\p{L}\p{N}]/u.test(before) ? before : null;
}

/**
 * A line that is a date and little else: "05/28/2009", "Tuesday, August 24, 1999 Published at
 * 05:34 GMT", "September 1, 2017 12:01". At most a weekday, a time and the word
 * "published" may stand beside the date.
 */
export function standaloneDate(whole: string, latest?: Date): string | null {
  const line = beforeUpdate(whole);
  if (line === null || whole.length > 100) return null;
  const found = findDate(line, latest);
  if (!found) return null;
  const rest = (line.slice(0, found.index) + ' ' + line.slice(found.end))
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi, ' ')
    .replace(/\b(?:published|posted|on|at|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|est|edt|et|ct|pt|mt|pst|pdt|cst|ist|msk|almt|local time|time|uk)\b/gi, ' ')
    .replace(/(?:^|\s)(?:года|г\.|в)(?=\s|$|,)/giu, ' ')
    .replace(/\d{1,2}[:.]\d{2}(?::\d{2})?/g, ' ')
    .replace(/[\s,|/()\-–—:.]+/g, '');
  // a number alone that reads as a year ("1984") is a view counter, not a date line
  return rest.length === 0 && found.value.length > 4 ? found.value : null;
}
