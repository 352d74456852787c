/**
 * A worker thread's share of finishing a corpus (pipeline/parallel.ts sends it a run of
 * articles): it fingerprints and scans them, sends back the fingerprints and the full names
 * it found, and once the corpus's names come back (a lone surname resolves against every
 * article's) sends their mentions.
 */
import { parentPort } from 'node:worker_threads';
import { simhash } from '../corpus/simhash.js';
import { fullNamesOf, mentionsOf, scanArticles, type Scans } from '../entities/extract.js';
import { defaultGazetteer } from '../entities/gazetteer.js';
import { PersonIndex } from '../entities/resolve.js';
import type { FromWorker, ToWorker } from './parallel.js';

const port = parentPort;
if (port) {
  let scans: Scans = [];
  let articles: Extract<ToWorker, { kind: 'scan' }>['articles'] = [];
  let first = 0;
  const send = (message: FromWorker) => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'scan') {
      ({ articles, first } = message);
      const simhashes = new Uint32Array(2 * articles.length);
      articles.forEach((a, i) => {
        simhashes.set(simhash(a.paragraphs.join('\n')), 2 * i);
      });
      // a few dozen progress messages in all, not one an article
      const every = Math.max(1, Math.ceil(articles.length / 50));
      scans = scanArticles(articles, defaultGazetteer(), undefined, (done) => {
        if (done % every === 0 && done > 0) send({ kind: 'scanned', done });
      });
      send({ kind: 'scanned', done: articles.length, names: fullNamesOf(scans), simhashes });
    } else {
      const people = new PersonIndex();
      for (let k = 0; k < message.names.length; k++) people.add(message.names[k]!, message.articles[k]!);
      const mentions = mentionsOf(scans, articles, defaultGazetteer(), people, first);
      scans = [];
      send({ kind: 'mentions', mentions });
      port.close();
    }
  });
}
