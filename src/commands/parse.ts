/** `steppe parse PATH… [--out FILE]`: raw files or folders → corpus JSON. */
import type { Reasons } from '../corpus/article.js';
import { parseFilesInParallel, removedByReason } from '../pipeline/parse.js';
import type { Article, SourceFile, Warning } from '../corpus/types.js';
import { corpusKindOf, serializeCorpus, writeCorpusFile } from '../io/corpusFile.js';
import { UserError } from '../io/errors.js';
import { collectFiles } from '../io/files.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { CommandIo } from './io.js';

export async function runParse(
  paths: string[],
  out: string | undefined,
  io: Pick<CommandIo, 'stdout' | 'stderr'>,
  options: { verbose?: boolean } = {},
): Promise<number> {
  if (paths.length === 0) throw new UserError('parse: name at least one file or folder (e.g. steppe parse data/raw --out data/corpus.json)');
  const collected = await collectFiles(paths);
  const pages: SourceFile[] = [];
  const skipped: Warning[] = [];
  for (const f of collected.files) {
    const kind = corpusKindOf(new TextDecoder('utf-8').decode(f.bytes.subarray(0, 1 << 16)));
    if (kind) skipped.push({ file: f.path ?? f.name, message: `already a corpus (${kind}); open it directly: steppe ${f.path ?? f.name}` });
    else pages.push(f);
  }
  const explained = new Map<string, Reasons>();
  // on every core; pages explained (--verbose) are parsed on this thread
  const { corpus, warnings } = await parseFilesInParallel(pages, options.verbose ? { explain: (file, reasons) => explained.set(file, reasons) } : {});
  if (options.verbose) for (const a of corpus.articles) io.stderr(explanation(a, explained.get(a.file) ?? {}));
  const all = [...collected.warnings, ...skipped, ...warnings];
  for (const w of all) io.stderr(`steppe: ${sanitizeLine(w.file)}: ${sanitizeLine(w.message)}\n`);
  const n = corpus.articles.length;
  if (n === 0) {
    io.stderr('steppe: nothing could be parsed\n');
    return 1;
  }
  if (out) writeCorpusFile(out, corpus);
  else io.stdout(serializeCorpus(corpus));
  const reasons = removedByReason(corpus.articles);
  const total = reasons.reduce((s, [, c]) => s + c, 0);
  io.stderr(`parsed ${n} article${n === 1 ? '' : 's'} from ${pages.length} file${pages.length === 1 ? '' : 's'}${out ? ` → ${sanitizeLine(out)}` : ''}\n`);
  io.stderr(`removed ${total} line${total === 1 ? '' : 's'}${reasons.length ? ': ' + reasons.map(([r, c]) => `${r} ${c}`).join(', ') : ''}\n`);
  io.stderr(`${all.length} warning${all.length === 1 ? '' : 's'}\n`);
  return 0;
}

const FIELDS = [
  ['title', 'title'],
  ['publisher', 'publisher'],
  ['author', 'author'],
  ['published', 'date'],
] as const;

/**
 * Why each field has its value: "  publisher  Interfax ← dateline agency, line 5: DUSHANBE. Sept 7 (Interfax) - …".
 * Every value and line is the page's text, so it is sanitised like all output.
 */
export function explanation(a: Article, reasons: Reasons): string {
  const lines = [`${sanitizeLine(a.file)}`];
  for (const [field, label] of FIELDS) {
    const value = a[field];
    const why = reasons[field];
    if (value === null || !why) {
      lines.push(`  ${label.padEnd(10)} none: ${NONE[field]}`);
      continue;
    }
    const quoted = why.text && why.text !== value ? `: ${clip(why.text)}` : '';
    const where = why.line ? `, line ${why.line}${quoted}` : quoted;
    lines.push(`  ${label.padEnd(10)} ${sanitizeLine(value)} ← ${why.rule}${where}`);
  }
  const removed = a.removed.length;
  lines.push(
    `  ${'removed'.padEnd(10)} ${removed} line${removed === 1 ? '' : 's'}, kept ${a.paragraphs.length} paragraph${a.paragraphs.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}

const NONE = {
  title: 'no headline-shaped line above the text',
  publisher: 'no masthead, dateline agency, credit, sign-off or label names an outlet',
  author: 'no byline, label or sign-off names a person',
  published: 'no labelled date, date line beside the headline, dateline date or sign-off date',
} as const;

function clip(text: string): string {
  const t = sanitizeLine(text);
  return t.length > 70 ? `${t.slice(0, 69)}…` : t;
}
