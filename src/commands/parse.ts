/** `steppe parse PATH… [--out FILE]`: raw files or folders → corpus JSON. */
import { parseFiles, removedByReason } from '../corpus/corpus.js';
import type { SourceFile, Warning } from '../corpus/types.js';
import { corpusKindOf, serializeCorpus, writeCorpusFile } from '../io/corpusFile.js';
import { UserError } from '../io/errors.js';
import { collectFiles } from '../io/files.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runParse(paths: string[], out: string | undefined, io: Io): Promise<number> {
  if (paths.length === 0) throw new UserError('parse: name at least one file or folder (e.g. steppe parse data/raw --out data/corpus.json)');
  const collected = await collectFiles(paths);
  const pages: SourceFile[] = [];
  const skipped: Warning[] = [];
  for (const f of collected.files) {
    const kind = corpusKindOf(new TextDecoder('utf-8').decode(f.bytes.subarray(0, 1 << 16)));
    if (kind) skipped.push({ file: f.path ?? f.name, message: `already a corpus (${kind}); open it directly: steppe ${f.path ?? f.name}` });
    else pages.push(f);
  }
  const { corpus, warnings } = parseFiles(pages);
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
