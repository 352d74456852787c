/**
 * The dashboard over a database (--db), measured as a user meets it: for each of the bench's
 * queries, the time from the key until its list's first page is there to draw, then the best
 * match's article in the reader, the entity counts and the countries table of the filter;
 * and what the dashboard holds meanwhile (its slots, and the heap after a full collection),
 * which must not grow with the corpus.
 */
import { performance } from 'node:perf_hooks';
import type { CorpusBackend } from '../backend/backend.js';
import { parseQuery } from '../search/query.js';
import { Answers } from '../ui/remote/answers.js';
import { RemoteModel } from '../ui/remote/remoteModel.js';
import { remoteSelectors } from '../ui/remote/remoteSelectors.js';
import { QUERIES } from './queries.js';
import { fullGc } from './fullGc.js';

/** How long from `ask` (what a pane's first draw asks) until every answer asked is there to draw. */
async function untilAnswered(answers: Answers, ask: () => unknown): Promise<number> {
  const t = performance.now();
  ask();
  while (answers.asking()) {
    await new Promise<void>((resolve) => {
      const stop = answers.subscribe(() => {
        stop();
        resolve();
      });
    });
    if (answers.failure) throw new Error(answers.failure);
  }
  return performance.now() - t;
}

const heapMb = () => {
  fullGc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export async function dashboardOverDb(
  db: CorpusBackend,
): Promise<{ list: number[]; reader: number[]; entities: number[]; countries: number[]; slots: number; heap: [number, number] }> {
  const model = new RemoteModel(db.label);
  const answers = new Answers();
  const sel = remoteSelectors(db, model, answers);
  const before = heapMb();
  const out = { list: [] as number[], reader: [] as number[], entities: [] as number[], countries: [] as number[] };
  try {
    for (const text of QUERIES) {
      const parsed = parseQuery(text);
      if (!parsed.ok) continue;
      const q = parsed.query;
      out.list.push(await untilAnswered(answers, () => sel.list(q, 'relevance')));
      const top = sel.list(q, 'relevance')[0];
      if (top !== undefined) out.reader.push(await untilAnswered(answers, () => sel.reader(top, 76, true, q)));
      out.entities.push(await untilAnswered(answers, () => sel.entities(q, 'organization')));
      out.countries.push(await untilAnswered(answers, () => sel.compareRows(q, 'articles')));
    }
    return { ...out, slots: model.articles.length, heap: [before, heapMb()] };
  } finally {
    answers.close();
  }
}
