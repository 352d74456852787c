/**
 * Dates written in the languages steppe's users read: month and weekday names taken from
 * Intl.DateTimeFormat (ICU's CLDR data) for each language rather than a hand list, digits of
 * other scripts read as digits, and the date orders those languages use ("18 шілде 2021",
 * "2021 ж. 18 шілде", "9 دسامبر 2020", "2019年3月16日", "15 Nisan 2022").
 */

/** Languages whose month names are recognised: the corpus's languages and their neighbours. */
const LOCALES = [
  'en',
  'ru',
  'uk',
  'be',
  'kk',
  'ky',
  'uz',
  'uz-Cyrl',
  'tg',
  'tk',
  'tr',
  'az',
  'mn',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'fa',
  'ar',
  'ps',
  'ur',
  'bn',
  'hi',
  'ka',
  'hy',
];

/** Code points of the zero of each decimal-digit block steppe reads (Arabic-Indic, Persian, Devanagari, Bengali, fullwidth …). */
const ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
];
const OTHER_DIGITS = new RegExp(`[${ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`, 'gu');

/** The same text with every decimal digit of another script as an ASCII digit; indices unchanged (each is one UTF-16 unit). */
export function asciiDigits(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(OTHER_DIGITS, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}

interface Names {
  /** lowercased month name or abbreviation → month number 1–12 */
  months: Map<string, number>;
  weekdays: Set<string>;
  monthPattern: string;
  /** every month name, all occurrences */
  monthsGlobal: RegExp;
  weekdayPattern: RegExp;
}

let names: Names | undefined;

function calendarNames(): Names {
  if (names) return names;
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  const fmt = (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, { ...o, timeZone: 'UTC' });
  const add = (name: string, month: number) => {
    const key = name.toLowerCase().replace(/\.$/, '');
    // one- and two-letter abbreviations are words in other languages
    if ([...key].length >= 3 && !months.has(key)) months.set(key, month);
  };
  for (const locale of LOCALES) {
    for (const month of ['long', 'short'] as const) {
      const standalone = fmt(locale, { month });
      const inDate = fmt(locale, { day: 'numeric', month });
      for (let m = 0; m < 12; m++) {
        const d = new Date(Date.UTC(2021, m, 15));
        add(standalone.format(d), m + 1);
        const part = inDate.formatToParts(d).find((p) => p.type === 'month')?.value;
        if (part) add(part, m + 1);
      }
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = fmt(locale, { weekday });
      for (let i = 0; i < 7; i++)
        weekdays.add(
          f
            .format(new Date(Date.UTC(2021, 0, 3 + i)))
            .toLowerCase()
            .replace(/\.$/, ''),
        );
    }
  }
  const alternation = (keys: Iterable<string>) =>
    [...keys]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
  names = {
    months,
    weekdays,
    monthPattern: `(?<![\\p{L}\\p{M}])(${alternation(months.keys())})\\.?(?![\\p{L}\\p{M}])`,
    monthsGlobal: new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation(months.keys())})\\.?(?![\\p{L}\\p{M}])`, 'giu'),
    weekdayPattern: new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation(weekdays)})\\.?(?![\\p{L}\\p{M}])`, 'giu'),
  };
  return names;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number | null;
  index: number;
  end: number;
}

let patterns: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number, number | null] }[] | undefined;

function datePatterns() {
  if (patterns) return patterns;
  const { monthPattern } = calendarNames();
  // a day may carry a suffix ("22-юми", "18-iyul" reads day-hyphen-month, "1st", "10.")
  const day = '(\\d{1,2})(?:-?(?:th|st|nd|rd|юми|уми|ум|ого|го|е|ші|шы|inchi|\\.))?';
  const year = '((?:1[89]|20)\\d\\d)(?!\\d)';
  const gap = '[\\s,./-]*(?:de\\s+|del\\s+|di\\s+)?';
  patterns = [
    // 18 шілде 2021 · 15 Nisan 2022 · 18 de julio de 2021 · 9 دسامبر 2020
    { pattern: new RegExp(`(?<!\\d)${day}${gap}${monthPattern}${gap}${year}`, 'iu'), read: (m) => [Number(m[3]), month(m[2]!), Number(m[1])] },
    // Temmuz 18, 2021
    { pattern: new RegExp(`${monthPattern}\\s+${day},?\\s+${year}`, 'iu'), read: (m) => [Number(m[3]), month(m[1]!), Number(m[2])] },
    // 2021 ж. 18 шілде · 2021-ж., 18-июль
    {
      pattern: new RegExp(`(?<!\\d)${year}\\s*(?:-?ж\\.?|жыл\\S*|y\\.|yil\\S*|г\\.|года)?,?\\s+(\\d{1,2})(?:-\\p{L}+)?\\s*${monthPattern}`, 'iu'),
      read: (m) => [Number(m[1]), month(m[3]!), Number(m[2])],
    },
    // 2019年3月16日 · 2019年3月
    { pattern: /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/u, read: (m) => [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null] },
    // 2017-11, 2017-11-02 (ISO)
    { pattern: /(?<![\d.-])((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?(?![\d-])/u, read: (m) => [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null] },
    // Ноябрь 2019 · Nisan 2022: a month and year only
    { pattern: new RegExp(`${monthPattern}[\\s,]+${year}`, 'iu'), read: (m) => [Number(m[2]), month(m[1]!), null] },
  ];
  return patterns;
}

function month(name: string): number {
  return calendarNames().months.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/** The earliest date in `text` written with a month name of a known language, a CJK date or an ISO date. */
export function calendarDate(text: string): CalendarDate | null {
  const s = asciiDigits(text);
  if (!/\d{4}/.test(s)) return null;
  let best: CalendarDate | null = null;
  for (const { pattern, read } of datePatterns()) {
    const m = pattern.exec(s);
    if (!m || (best && m.index >= best.index)) continue;
    const [year, mon, day] = read(m);
    if (mon < 1 || mon > 12 || (day !== null && (day < 1 || day > 31))) continue;
    best = { year, month: mon, day, index: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * A line made only of calendar words, numbers, times and separators: a clock or a date line
 * ("Сенбі, 23 Қараша 2024", "Friday, 14, June, 2024", "10:29, 28 Октябрь 2025 | GMT +5").
 */
export function isCalendarLine(line: string): boolean {
  const digits = asciiDigits(line);
  if (!/\d/.test(digits)) return false;
  const { weekdayPattern, monthsGlobal } = calendarNames();
  const rest = digits
    .replace(weekdayPattern, ' ')
    .replace(monthsGlobal, ' ')
    .replace(/\b(?:gmt|utc|msk|am|pm)\b|ж\.|г\.|года|сағат|ساعت|年|月|日|时|分/giu, ' ')
    .replace(/[\d\s,./:|+()\-–—℃°]+/g, '');
  return rest.length === 0;
}
