/** `steppe parse PATH… [--out FILE]`: raw files or folders → corpus JSON. */
import { parseFiles, removedByReason } from '../corpus/corpus.js';
import { serializeCorpus, writeCorpusFile } from '../io/corpusFile.js';
import { UserError } from '../io/errors.js';
import { collectFiles } from '../io/files.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runParse(paths: string[], out: string | undefined, io: Io): Promise<number> {
  if (paths.length === 0) throw new UserError('parse: name at least one file or folder (e.g. steppe parse data/raw --out data/corpus.json)');
  const collected = await collectFiles(paths);
  const { corpus, warnings } = parseFiles(collected.files);
  for (const w of [...collected.warnings, ...warnings]) io.stderr(`steppe: ${w.file}: ${w.message === 'no article text found' ? w.message : `skipped: ${w.message}`}\n`);
  const n = corpus.articles.length;
  if (n === 0) {
    io.stderr('steppe: nothing could be parsed\n');
    return 1;
  }
  if (out) await writeCorpusFile(out, corpus);
  else io.stdout(serializeCorpus(corpus));
  const reasons = removedByReason(corpus.articles);
  const total = reasons.reduce((s, [, c]) => s + c, 0);
  io.stderr(`parsed ${n} article${n === 1 ? '' : 's'} from ${collected.files.length} file${collected.files.length === 1 ? '' : 's'}${out ? ` → ${out}` : ''}\n`);
  io.stderr(`removed ${total} line${total === 1 ? '' : 's'}${reasons.length ? ': ' + reasons.map(([r, c]) => `${r} ${c}`).join(', ') : ''}\n`);
  const warningCount = collected.warnings.length + warnings.length;
  io.stderr(`${warningCount} warning${warningCount === 1 ? '' : 's'}\n`);
  return 0;
}
