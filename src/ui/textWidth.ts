/** Terminal widths: truncation, padding and wrapping by display columns, not string length. */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Text that is one column a code unit: printable Latin, Greek and Cyrillic below the combining
 * marks, and the dashes, quotes and ellipsis of news text. Most of a corpus is such text, and
 * measuring it needs neither grapheme segmentation nor string-width's tables.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027]*$/;
export const oneColumnEach = (s: string): boolean => ONE_COLUMN_EACH.test(s);

export function width(s: string): number {
  return oneColumnEach(s) ? s.length : stringWidth(s);
}

/** Cuts `s` to at most `max` columns, ending with "…" when it had to cut. */
export function truncate(s: string, max: number): string {
  if (max <= 0) return '';
  if (width(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/** Cuts `s` to at most `max` columns from its start, keeping its end: "…" and the last columns (a left context). */
export function truncateStart(s: string, max: number): string {
  if (max <= 0) return '';
  if (width(s) <= max) return s;
  const parts = [...graphemes.segment(s)].map((g) => g.segment);
  let out = '';
  let used = 0;
  for (let k = parts.length - 1; k >= 0; k--) {
    const w = stringWidth(parts[k]!);
    if (used + w > max - 1) break;
    out = parts[k]! + out;
    used += w;
  }
  return '…' + out;
}

/** Truncates and pads to exactly `w` columns. */
export function fit(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const t = truncate(s, w);
  const pad = ' '.repeat(Math.max(0, w - width(t)));
  return align === 'right' ? pad + t : t + pad;
}

/** A text of one-column code units as its graphemes: each code unit one. */
function* codeUnits(text: string): Iterable<{ segment: string; index: number }> {
  for (let index = 0; index < text.length; index++) yield { segment: text[index] as string, index };
}

export interface Range {
  start: number;
  end: number;
}

/**
 * Greedy word wrap of one paragraph to `max` columns, as ranges into the string so that
 * styling by offset (entities, hits) survives wrapping. Words wider than a line are broken
 * between graphemes.
 */
export function wrapRanges(text: string, max: number): Range[] {
  const lines: Range[] = [];
  if (max <= 0) return lines;
  let lineStart = 0;
  let lineWidth = 0;
  let lastBreak = -1; // index after the last space on this line
  let widthAtBreak = 0;
  let i = 0;
  const each = oneColumnEach(text);
  for (const { segment, index } of each ? codeUnits(text) : graphemes.segment(text)) {
    i = index;
    const w = each || segment === ' ' ? 1 : stringWidth(segment);
    if (lineWidth + w > max && segment !== ' ') {
      if (lastBreak > lineStart) {
        lines.push({ start: lineStart, end: lastBreak - 1 });
        lineStart = lastBreak;
        lineWidth -= widthAtBreak;
      } else {
        lines.push({ start: lineStart, end: i });
        lineStart = i;
        lineWidth = 0;
      }
      lastBreak = -1;
    }
    if (segment === ' ' && index === lineStart) {
      lineStart = index + 1; // no leading space on a wrapped line
      continue;
    }
    lineWidth += w;
    if (segment === ' ') {
      lastBreak = index + 1;
      widthAtBreak = lineWidth;
    }
  }
  if (lineStart < text.length || lines.length === 0) lines.push({ start: lineStart, end: text.length });
  return lines.map((r) => ({ start: r.start, end: trimEnd(text, r) }));
}

function trimEnd(text: string, r: Range): number {
  let e = r.end;
  while (e > r.start && text[e - 1] === ' ') e--;
  return e;
}

/** Where a window of `height` rows starts so that `cursor` stays visible, near the middle. */
export function windowStart(cursor: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}
