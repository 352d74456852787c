/** What the dashboard needs from outside itself: the corpus's review state, exports to files, the clipboard. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Corpus } from '../corpus/types.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { writeTextFile } from '../io/corpusFile.js';
import { ReviewStore, stateFileFor } from '../review/store.js';
import type { ExportWhat, Outside } from '../ui/effects.js';
import { exportTable, filtered, formatTable } from './export.js';

/** The review state of the corpus opened from these paths (standard input: by its articles). */
export async function reviewFor(paths: string[], corpus: Corpus): Promise<ReviewStore> {
  const identity = paths.includes('-')
    ? 'stdin:' + createHash('sha256').update(corpus.articles.map((a) => a.id).join('\n')).digest('hex')
    : paths.map((p) => path.resolve(p)).sort().join('\n');
  const store = new ReviewStore(stateFileFor(identity));
  await store.load();
  return store;
}

function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** `index`: the dashboard's, asked for only when an export has a query (it may still be building). */
export function outsideFor(corpus: Corpus, review: ReviewStore, index: () => SearchIndex): Outside {
  return {
    async exportView(what: ExportWhat, query: string) {
      const file = `steppe-${what}-${stamp()}.csv`;
      const marks = (id: string) => review.get(id);
      await writeTextFile(file, formatTable(exportTable(filtered(corpus, query, marks, query.trim() ? index() : undefined), what, marks), 'csv'));
      return path.join('.', file);
    },
    copy(text: string) {
      // OSC 52: the terminal sets its clipboard, even over SSH
      process.stdout.write(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`);
    },
  };
}
