/** `steppe export`: a filtered view of the corpus as CSV, JSON or a Markdown table, to stdout or a file. */
import { EXPORT_WHATS, exportTable, type What } from '../analysis/exportTable.js';
import { UsageError } from '../io/errors.js';
import { writeTextFile } from '../io/corpusFile.js';
import type { Session } from '../session/session.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import { FORMATS, formatTable, type Format } from '../text/tableFormats.js';
import type { CommandIo } from './io.js';
import { matching, selection } from './matching.js';
import { briefEntries, briefMarkdown, type BriefEntry } from '../analysis/notesBrief.js';

export function parseWhat(v: string | undefined): What | 'notes' {
  const w = (v ?? 'articles').toLowerCase() as What | 'notes';
  if (!EXPORT_WHATS.includes(w)) throw new UsageError(`--what must be one of ${EXPORT_WHATS.join(', ')} (got "${v}")`);
  return w;
}

/** A brief is Markdown or JSON, never a table. */
export function expectBriefFormat(format: Format): void {
  if (format === 'csv') throw new UsageError('--what notes is a brief: --format md (or json)');
}

/** The brief of `entries`: Markdown for a report, or the entries as JSON. */
export function briefText(entries: BriefEntry[], label: string, query: string | undefined, format: Format): string {
  if (format === 'json') return toJson(entries) + '\n';
  return briefMarkdown(entries, { label, query: query ?? '', date: new Date().toISOString().slice(0, 10) });
}

function notesText(session: Session, query: string | undefined, format: Format): string {
  expectBriefFormat(format);
  const r = query?.trim() ? matching(session, query, '--query') : null;
  const ids = r ? r.ids : session.articles.map((_, i) => i);
  return briefText(
    briefEntries(session.articles, ids, (id) => session.mark(id), r),
    session.label,
    query,
    format,
  );
}

export function parseFormat(v: string | undefined): Format {
  if (v === undefined) throw new UsageError(`export: give --format ${FORMATS.join('|')}`);
  const f = v.toLowerCase().replace(/^markdown$/, 'md') as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${v}")`);
  return f;
}

export function runExport(session: Session, flags: { what?: string; format?: string; query?: string; out?: string }, io: CommandIo): number {
  const what = parseWhat(flags.what);
  const format = parseFormat(flags.format);
  const text =
    what === 'notes' ? notesText(session, flags.query, format) : formatTable(exportTable(session, what, selection(session, flags.query, '--query')), format);
  return writeExport(text, what, flags.out, io);
}

/** The export to its file (whole or not at all, and said), or to standard output. */
export function writeExport(text: string, what: string, out: string | undefined, io: CommandIo): number {
  if (out) {
    writeTextFile(out, text);
    io.stderr(`exported ${what} → ${sanitizeLine(out)}\n`);
  } else io.data(text);
  return 0;
}
