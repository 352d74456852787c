/** A table as CSV (RFC 4180, safe for spreadsheets), JSON or a GitHub-flavoured Markdown table. */
import { toJson } from './sanitize.js';

export const FORMATS = ['csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | null;

/**
 * A cell a spreadsheet would run as a formula: a sign (ASCII or full-width) after any leading
 * white space, or a leading tab or carriage return (OWASP's list, and what Excel and LibreOffice
 * read past).
 */
const FORMULA = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
/** Bidi embeddings, overrides and isolates: in a cell they reorder what a reader sees. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** RFC 4180 quoting; formula-looking cells are prefixed with ' and bidi controls shown as �. */
function csvCell(v: Cell): string {
  if (v === null) return '';
  let s = String(v).replace(BIDI_CONTROLS, '\uFFFD');
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A GitHub-flavoured Markdown table cell: a pipe as its character reference (a backslash escape
 * can itself be escaped and then split the cell), every kind of line break as <br>.
 */
function mdCell(v: Cell): string {
  return v === null
    ? ''
    : String(v)
        .replace(/&/g, '&amp;')
        .replace(/\|/g, '&#124;')
        .replace(/</g, '&lt;')
        .replace(/\r\n|\r|\n/g, '<br>');
}

export function formatTable(t: { columns: string[]; rows: Record<string, Cell>[] }, format: Format): string {
  switch (format) {
    case 'json':
      return toJson(t.rows) + '\n';
    case 'csv':
      // a BOM, so that spreadsheets read UTF-8; CRLF line ends as RFC 4180 has them
      return '\uFEFF' + [t.columns.map(csvCell).join(','), ...t.rows.map((r) => t.columns.map((c) => csvCell(r[c] ?? null)).join(','))].join('\r\n') + '\r\n';
    case 'md':
      return (
        [
          `| ${t.columns.map(mdCell).join(' | ')} |`,
          `| ${t.columns.map(() => '---').join(' | ')} |`,
          ...t.rows.map((r) => `| ${t.columns.map((c) => mdCell(r[c] ?? null)).join(' | ')} |`),
        ].join('\n') + '\n'
      );
  }
}
