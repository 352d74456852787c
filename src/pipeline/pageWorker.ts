/**
 * A worker thread's share of parsing a batch of pages (pipeline/pages.ts sends it a run of
 * them with the batch's line statistics): it parses each and sends back the articles, with a
 * few dozen progress messages on the way.
 */
import { parentPort } from 'node:worker_threads';
import { parseArticle } from '../corpus/article.js';
import type { FromPageWorker, ToPageWorker } from './pages.js';

const port = parentPort;
if (port) {
  port.on('message', ({ sources, stats, latest }: ToPageWorker) => {
    const every = Math.max(1, Math.ceil(sources.length / 50));
    const options = { stats, ...(latest === undefined ? {} : { latest: new Date(latest) }) };
    const articles = sources.map((s, i) => {
      if (i % every === 0 && i > 0) port.postMessage({ kind: 'parsing', done: i } satisfies FromPageWorker);
      return parseArticle(s, options);
    });
    port.postMessage({ kind: 'parsed', articles } satisfies FromPageWorker);
    port.close();
  });
}
