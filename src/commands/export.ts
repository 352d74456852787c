/** `steppe export`: a filtered view of the corpus as CSV, JSON or a Markdown table, to stdout or a file. */
import { exportTable, WHATS, type What } from '../analysis/exportTable.js';
import { UsageError } from '../io/errors.js';
import { writeTextFile } from '../io/corpusFile.js';
import type { Session } from '../session/session.js';
import { sanitizeLine } from '../text/sanitize.js';
import { FORMATS, formatTable, type Format } from '../text/tableFormats.js';
import type { CommandIo } from './io.js';
import { selection } from './matching.js';

export function parseWhat(v: string | undefined): What {
  const w = (v ?? 'articles').toLowerCase() as What;
  if (!WHATS.includes(w)) throw new UsageError(`--what must be one of ${WHATS.join(', ')} (got "${v}")`);
  return w;
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
  const text = formatTable(exportTable(session, what, selection(session, flags.query, '--query')), format);
  if (flags.out) {
    writeTextFile(flags.out, text);
    io.stderr(`exported ${what} → ${sanitizeLine(flags.out)}\n`);
  } else io.data(text);
  return 0;
}
