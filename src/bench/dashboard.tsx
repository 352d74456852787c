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
import { capabilitiesOf } from '../ui/screen/capabilities.js';
import { COLOR } from '../ui/theme.js';

/** ansi-escapes' eraseLines(n), which Ink's standard renderer sends before each whole frame: erase a line and go up, n times */
const eraseLines = (n: number) => `${'\x1b[2K\x1b[1A'.repeat(Math.max(0, n - 1))}\x1b[2K\x1b[G`;

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
  // frames go through the frame writer as in the terminal (its differences computed and sent),
  // unthrottled so that a key's time is its own
  const { stdin, instance, frames } = renderOffscreen(model, {
    stdout,
    outside,
    theme: COLOR,
    diff: capabilitiesOf({ TERM: WHOLE ? 'dumb' : 'xterm-256color' }),
    maxFps: 1000,
  });
  let sent: (() => void) | null = null;
  frames!.onFrame = () => {
    firstFrame ||= performance.now() - t0;
    sent?.();
  };
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
      sent = () => resolve(performance.now() - start);
      setTimeout(() => resolve(performance.now() - start), 500);
    });
    stdin.write(k);
    times.push(await written);
  }
  instance.unmount();
  frames!.close();
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

/** What one kind of key costs on the wire, mean bytes a key: as the frame writer sends it, and as whole frames (Ink's standard renderer). */
interface Wire {
  what: string;
  keys: number;
  bytes: number;
  wholeFrames: number;
}

/** `--whole`: latency with every frame sent whole (a dumb terminal), to compare with the differences */
const WHOLE = process.argv.includes('--whole');

const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Bytes a key at a terminal size: the dashboard rendered through the frame writer into a
 * counting terminal, each kind of key pressed several times, the bytes after each counted
 * (and what the same frames cost sent whole: the erase of the old frame and the new one).
 */
async function wire(corpus: Corpus, columns: number, rows: number): Promise<Wire[]> {
  const model = prepareModel(sessionOf(corpus, { label: 'wire' }));
  const stdout = new FakeStdout(columns, rows);
  const outside: Outside = { exportView: async () => '/dev/null', copy: () => undefined };
  const { stdin, instance, frames } = renderOffscreen(model, { stdout, outside, theme: COLOR, diff: capabilitiesOf({ TERM: 'xterm-256color' }) });
  let whole = 0;
  frames!.onFrame = (frame) => {
    whole += Buffer.byteLength(eraseLines(rows)) + Buffer.byteLength(frame) + 1;
  };
  await idle(300);
  const script: { what: string; before: string[]; keys: string[]; after: string[] }[] = [
    { what: 'list move (j/k)', before: [], keys: [...'jjjjjkkkkk'], after: [] },
    // the list's own bytes, without the preview beside it (zoomed to the full width, z)
    { what: 'list move, zoomed (z)', before: ['z'], keys: [...'jjjjjkkkkk'], after: ['z'] },
    { what: 'reader line scroll (j/k)', before: ['\r'], keys: [...'jjjjjjjjkk'], after: ['\x1b'] },
    { what: 'filter typing', before: ['/'], keys: [...'kazakh'], after: ['\x1b', '\x1b'] },
    { what: 'pane switch (Tab)', before: [], keys: ['\t', '\t', '\t', '\t'], after: [] },
  ];
  const out: Wire[] = [];
  for (const step of script) {
    for (const k of step.before) {
      stdin.write(k);
      await idle(60);
    }
    const sent0 = frames!.written;
    const whole0 = whole;
    for (const k of step.keys) {
      stdin.write(k);
      // the frame a key makes, with the reader's preview settled
      await idle(260);
    }
    out.push({
      what: step.what,
      keys: step.keys.length,
      bytes: (frames!.written - sent0) / step.keys.length,
      wholeFrames: (whole - whole0) / step.keys.length,
    });
    for (const k of step.after) {
      stdin.write(k);
      await idle(60);
    }
  }
  instance.unmount();
  frames!.close();
  return out;
}

const bundled = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
const generated: Corpus = { version: 1, articles: [...generateCorpus(10_000)] };
const rows = [await measure(bundled, 'bundled corpus'), await measure(generated, '10,000 articles')];
const wires: { corpus: string; size: string; keys: Wire[] }[] = [];
for (const [label, corpus] of [
  ['bundled corpus', bundled],
  ['10,000 articles', generated],
] as const) {
  for (const [c, r] of [
    [120, 40],
    [80, 24],
  ] as const)
    wires.push({ corpus: label, size: `${c}×${r}`, keys: await wire(corpus, c, r) });
}
if (process.argv.includes('--json')) console.log(JSON.stringify({ latency: rows, bytes: wires }, null, 2));
else {
  console.log('corpus             articles  first frame  key p50  key p95  key max   (ms)');
  for (const r of rows)
    console.log(
      `${r.label.padEnd(18)} ${String(r.articles).padStart(8)}  ${r.firstFrameMs.toFixed(1).padStart(11)}  ${r.keyP50Ms.toFixed(1).padStart(7)}  ${r.keyP95Ms.toFixed(1).padStart(7)}  ${r.keyMaxMs.toFixed(1).padStart(7)}   slowest: ${r.slowest.map((k) => `${k.key} ${k.ms}`).join(', ')}`,
    );
  console.log('\nbytes a key (mean), sent by the frame writer / as whole frames');
  console.log('corpus             size     key                        sent   whole frames');
  for (const w of wires)
    for (const k of w.keys)
      console.log(
        `${w.corpus.padEnd(18)} ${w.size.padEnd(8)} ${k.what.padEnd(25)} ${Math.round(k.bytes).toString().padStart(6)}   ${Math.round(k.wholeFrames).toString().padStart(12)}`,
      );
}
