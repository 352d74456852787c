/**
 * Soak: random keys, with filters typed in between, into the dashboard rendered in memory.
 * `npm run soak [-- --keys 100000]` runs the bundled corpus and 10,000 generated articles and
 * prints keys, frames, time and heap growth (heap after the run against heap after warm-up,
 * both after a full garbage collection). The test suite runs a shorter soak with the same code.
 */
import { fullGc } from './fullGc.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/types.js';
import { bundledCorpus } from '../paths.js';
import { sessionOf } from '../session/session.js';
import { FakeStdout } from '../ui/fakeTerminal.js';
import { prepareModel, type Model } from '../ui/model.js';
import { renderOffscreen } from '../ui/offscreen.js';
import { generateCorpus, random } from './generate.js';

// every key the dashboard knows but those that leave it (q, Ctrl-C); the soak renders without
// a review store or an outside, so star, note and export keys only say they are off
const KEYS = [
  'j',
  'k',
  'g',
  'G',
  'h',
  'l',
  '\x1b[A',
  '\x1b[B',
  '\x1b[C',
  '\x1b[D',
  '\x1b[5~',
  '\x1b[6~',
  '\t',
  '\x1b[Z',
  '\r',
  '\x1b',
  ' ',
  'b',
  'n',
  'N',
  ']',
  '[',
  '1',
  '2',
  '3',
  '4',
  's',
  'e',
  'c',
  'v',
  '?',
  '*',
  'r',
  'u',
  'z',
  'x',
  '\x7f',
];
const WORDS = [
  'kazakh',
  'nazarbaev',
  '"islamic state"',
  'isis -taliban',
  'country:tajikistan',
  'org:isis',
  'year:2011..2017',
  'border',
  'is:starred',
  'tashkent',
  'zzzz',
  '"unclosed',
  'year:abc',
  'almaty',
];

export interface SoakResult {
  keys: number;
  frames: number;
  seconds: number;
  heapWarmMB: number;
  heapEndMB: number;
  heapGrowth: number;
  errors: string[];
}

const tick = () => new Promise((r) => setImmediate(r));

export async function soak(
  model: Model,
  options: {
    keys: number;
    seed: number;
    columns?: number;
    rows?: number;
    every?: number;
    progress?: (keys: number, frames: number) => void;
    trace?: (key: string, ms: number) => void;
  },
): Promise<SoakResult> {
  const next = random(options.seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const stdout = new FakeStdout(options.columns ?? 120, options.rows ?? 40);
  stdout.keepFrames = 2;
  let frames = 0;
  stdout.onWrite = () => frames++;
  const errors: string[] = [];
  const { stdin, instance } = renderOffscreen(model, { stdout });
  instance.waitUntilExit().then(
    () => errors.length || errors.push('the dashboard exited'),
    (e: unknown) => errors.push(e instanceof Error ? e.message : String(e)),
  );
  const started = Date.now();
  const warmup = Math.min(2000, Math.floor(options.keys / 10));
  let heapWarm = 0;
  let sent = 0;
  const send = async (key: string) => {
    const at = performance.now();
    stdin.write(key);
    sent++;
    if (options.progress && sent % (options.every ?? 1000) === 0) options.progress(sent, frames);
    if (sent === warmup) {
      await tick();
      fullGc();
      heapWarm = process.memoryUsage().heapUsed;
    }
    await tick();
    options.trace?.(key, performance.now() - at);
  };
  while (sent < options.keys && !errors.length) {
    if (next() < 0.03) {
      // a filter: open it, type a query (sometimes a broken one), keep it or drop it
      await send('/');
      for (const ch of pick(WORDS)) if (sent < options.keys) await send(ch);
      if (sent < options.keys) await send(next() < 0.7 ? '\r' : '\x1b');
    } else await send(pick(KEYS));
  }
  await tick();
  fullGc();
  const heapEnd = process.memoryUsage().heapUsed;
  instance.unmount();
  return {
    keys: sent,
    frames,
    seconds: (Date.now() - started) / 1000,
    heapWarmMB: heapWarm / 1e6,
    heapEndMB: heapEnd / 1e6,
    heapGrowth: heapWarm ? (heapEnd - heapWarm) / heapWarm : 0,
    errors,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const keys = Number(arg('keys') ?? 100_000);
  const only = arg('only');
  const corpora: [string, string, () => Corpus][] = [
    ['bundled', 'bundled corpus', () => JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus],
    ['generated', '10,000 generated articles', () => ({ version: 1, articles: [...generateCorpus(10_000)] })],
  ];
  const rows = [];
  for (const [key, label, load] of corpora) {
    if (only && only !== key) continue;
    const started = Date.now();
    // a long run says how far it is, on stderr (stdout stays the table or the JSON)
    const progress = (k: number, f: number) =>
      process.stderr.write(
        `${label}: ${k} keys, ${f} frames, ${((Date.now() - started) / 1000).toFixed(0)} s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`,
      );
    const r = await soak(prepareModel(sessionOf(load(), { label })), { keys, seed: Number(arg('seed') ?? 1), every: 10_000, progress });
    rows.push({ corpus: label, ...r });
    if (!process.argv.includes('--json')) {
      console.log(
        `${label}: ${r.keys} keys, ${r.frames} frames in ${r.seconds.toFixed(0)} s; heap ${r.heapWarmMB.toFixed(1)} MB after warm-up, ${r.heapEndMB.toFixed(1)} MB after the run (${(r.heapGrowth * 100).toFixed(1)} %)${r.errors.length ? `; errors: ${r.errors.join('; ')}` : ''}`,
      );
    }
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  process.exitCode = rows.some((r) => r.errors.length > 0 || r.heapGrowth > 0.1) ? 1 : 0;
}
