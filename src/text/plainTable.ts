/** Plain-text tables for the non-interactive commands: columns padded by display width. */
import stringWidth from 'string-width';

/** A column is not cut below this when a table is fitted to the terminal. */
const NARROWEST = 8;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function cut(s: string, max: number): string {
  if (stringWidth(s) <= max) return s;
  let out = '';
  for (const { segment } of graphemes.segment(s)) {
    if (stringWidth(out + segment) > max - 1) break;
    out += segment;
  }
  return out + '…';
}

/**
 * Header and rows as aligned lines; `right[c]` right-aligns column c. With `rule`, a line of
 * ─ under the header. The last column is not padded, so lines carry no trailing spaces.
 * `columns` (a terminal's width) fits the lines to it: the widest text columns are cut, with
 * "…", never a number or below 8 columns, and where that is not enough the last columns are
 * left out; piped output passes none and stays whole.
 */
export function plainTable(header: string[], rows: string[][], right: boolean[] = [], rule = false, columns?: number): string[] {
  let widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ''))));
  if (columns !== undefined) {
    const total = () => widths.reduce((n, w) => n + w, 0) + 2 * (widths.length - 1);
    for (;;) {
      let widest = -1;
      widths.forEach((w, c) => {
        if (!right[c] && w > NARROWEST && (widest < 0 || w > widths[widest]!)) widest = c;
      });
      if (total() <= columns || widest < 0) break;
      widths[widest]!--;
    }
    // still too wide with every text column at its narrowest: the last columns go
    let keep = widths.length;
    while (keep > 1 && total() > columns) widths = widths.slice(0, --keep);
    if (keep < header.length) {
      header = header.slice(0, keep);
      rows = rows.map((r) => r.slice(0, keep));
    }
  }
  const line = (r: string[]) =>
    r
      .map((raw, c) => {
        const cell = right[c] ? raw : cut(raw, widths[c]!);
        const pad = ' '.repeat(Math.max(0, widths[c]! - stringWidth(cell)));
        return right[c] ? pad + cell : c === r.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...(rule ? [widths.map((w) => '─'.repeat(w)).join('  ')] : []), ...rows.map(line)];
}
