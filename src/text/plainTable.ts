/** Plain-text tables for the non-interactive commands: columns padded by display width. */
import stringWidth from 'string-width';

/**
 * Header and rows as aligned lines; `right[c]` right-aligns column c. With `rule`, a line of
 * ─ under the header. The last column is not padded, so lines carry no trailing spaces.
 */
export function plainTable(header: string[], rows: string[][], right: boolean[] = [], rule = false): string[] {
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, widths[c]! - stringWidth(cell)));
        return right[c] ? pad + cell : c === r.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...(rule ? [widths.map((w) => '─'.repeat(w)).join('  ')] : []), ...rows.map(line)];
}
