/**
 * `npm run bench:dashboard`: dashboard speed, printed, never asserted in tests — start to first
 * frame, and key press to frame written over a script of 62 keys (moves, a filter typed and
 * erased, a misspelled one, pane and entity-type switches, the concordance, every Compare
 * view, sorts, and exports from three panes), on the bundled corpus and on 10,000 generated
 * articles with a realistic vocabulary.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Corpus } from '../corpus/types.js';
import { bundledCorpus } from '../paths.js';
import { sessionOf } from '../session/session.js';
import { FakeStdout } from '../ui/fakeTerminal.js';
import { prepareModel } from '../ui/model.js';
import { renderOffscreen } from '../ui/offscreen.js';
import { exportInSlices } from '../commands/dashboard.js';
import { formatTable } from '../text/tableFormats.js';
import type { Outside } from '../ui/effects.js';
import { generateCorpus } from './generate.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? 0;

async function measure(corpus: Corpus, label: string) {
  const t0 = performance.now();
  const session = sessionOf(corpus, { label });
  const model = prepareModel(session);
  // exports do their whole work as the dashboard's do (the rows in slices, the CSV) and write nowhere
  const outside: Outside = {
    async exportView(what, query) {
      formatTable(await exportInSlices(session, what, query), 'csv');
      return '/dev/null';
    },
    copy: () => undefined,
  };
  const stdout = new FakeStdout(120, 40);
  let firstFrame = 0;
  stdout.onWrite = () => {
    firstFrame ||= performance.now() - t0;
  };
  const { stdin, instance } = renderOffscreen(model, { stdout, outside });
  await new Promise((r) => setTimeout(r, 10));
  const keys = [
    'j',
    'j',
    'j',
    'k',
    'G',
    'g',
    '/',
    ...'kazakh',
    '\x7f',
    '\x7f',
    ...' isis',
    '\r',
    '\r',
    'j',
    'j',
    ' ',
    'b',
    '3',
    '\x1b[C',
    '\x1b[D',
    'c',
    '\x1b',
    'x',
    '4',
    's',
    's',
    'v',
    'v',
    'v',
    'v',
    'v',
    'x',
    '1',
    's',
    's',
    'x',
    '\t',
    '\t',
    '2',
    '/',
    ...'militnts',
    '\x7f',
    '\x7f',
    '\x7f',
    '\r',
    '\x1b',
  ];
  const times: number[] = [];
  for (const k of keys) {
    const written = new Promise<number>((resolve) => {
      const start = performance.now();
      stdout.onWrite = () => resolve(performance.now() - start);
      setTimeout(() => resolve(performance.now() - start), 500);
    });
    stdin.write(k);
    times.push(await written);
  }
  instance.unmount();
  return {
    label,
    articles: corpus.articles.length,
    firstFrameMs: firstFrame,
    keyP50Ms: pct(times, 0.5),
    keyP95Ms: pct(times, 0.95),
    keyMaxMs: Math.max(...times),
    // where the time goes: the five slowest keys, as typed
    slowest: keys
      .map((k, i) => ({ key: JSON.stringify(k).slice(1, -1), ms: Math.round(times[i]! * 10) / 10 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

const bundled = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
const rows = [await measure(bundled, 'bundled corpus'), await measure({ version: 1, articles: [...generateCorpus(10_000)] }, '10,000 articles')];
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('corpus             articles  first frame  key p50  key p95  key max   (ms)');
  for (const r of rows)
    console.log(
      `${r.label.padEnd(18)} ${String(r.articles).padStart(8)}  ${r.firstFrameMs.toFixed(1).padStart(11)}  ${r.keyP50Ms.toFixed(1).padStart(7)}  ${r.keyP95Ms.toFixed(1).padStart(7)}  ${r.keyMaxMs.toFixed(1).padStart(7)}   slowest: ${r.slowest.map((k) => `${k.key} ${k.ms}`).join(', ')}`,
    );
}
