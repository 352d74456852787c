/**
 * Pages parsed on every core: a batch of pages is cut into runs of about equal text, each
 * parsed by a worker thread (pipeline/pageWorker.ts) with the batch's line statistics, which
 * are measured here first (a line repeated across pages is a template line wherever it is).
 * The answer is the one parsing here gives (test/parallel.test.ts); a worker that cannot
 * start or dies leaves the work to this thread, and says so.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseArticle } from '../corpus/article.js';
import type { LineStats } from '../corpus/repeated.js';
import type { Article, SourceText } from '../corpus/types.js';
import { firstLine } from '../text/firstLine.js';
import { runsOfSizes } from './parallel.js';

export interface ToPageWorker {
  sources: SourceText[];
  stats: LineStats;
  /** dates after this (ms since 1970) are implausible as publication dates */
  latest?: number;
}
export type FromPageWorker = { kind: 'parsing'; done: number } | { kind: 'parsed'; articles: Article[] };

/** Below this much text one thread is quicker than starting workers (each loads the parser, ~0.2 s). */
export const PARALLEL_PAGES_MIN_CHARS = 2 << 20;

export interface PagesOptions {
  stats: LineStats;
  latest?: Date;
  /** how many workers (default: the cores) */
  threads?: number;
  /** parse here, on this thread, below this much text (default PARALLEL_PAGES_MIN_CHARS) */
  minChars?: number;
  /** hears how many pages are parsed, all workers together */
  onParsed?: (done: number) => void;
  /** hears why the pages were parsed on this thread after all (a worker could not start or died) */
  onFallback?: (why: string) => void;
  /** the worker's module (default: pageWorker.js beside this one) */
  workerFile?: URL;
}

function parseHere(sources: SourceText[], options: PagesOptions): Article[] {
  return sources.map((s, i) => {
    options.onParsed?.(i);
    return parseArticle(s, { stats: options.stats, ...(options.latest ? { latest: options.latest } : {}) });
  });
}

/** Each page parsed, in the order given. */
export async function parsePagesInParallel(sources: SourceText[], options: PagesOptions): Promise<Article[]> {
  const sizes = sources.map((s) => s.text.length);
  const chars = sizes.reduce((n, s) => n + s, 0);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  if (chars < (options.minChars ?? PARALLEL_PAGES_MIN_CHARS) || threads < 2) return parseHere(sources, options);
  try {
    return await onWorkers(sources, runsOfSizes(sizes, threads), options);
  } catch (e) {
    options.onFallback?.(firstLine(e));
    return parseHere(sources, options);
  }
}

function onWorkers(sources: SourceText[], runs: [number, number][], options: PagesOptions): Promise<Article[]> {
  const workerFile = options.workerFile ?? new URL('./pageWorker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const workers = runs.map(() => new Worker(workerFile));
    const parsed: (Article[] | null)[] = runs.map(() => null);
    const done = runs.map(() => 0);
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    workers.forEach((worker, r) => {
      const [start, end] = runs[r]!;
      worker.on('error', fail);
      // its last message is handled before its exit is; a worker that ends without one failed
      worker.on('exit', (code) => setImmediate(() => parsed[r] === null && fail(new Error(`a page worker exited with ${code}`))));
      worker.on('message', (message: FromPageWorker) => {
        if (message.kind === 'parsing') {
          done[r] = message.done;
          options.onParsed?.(done.reduce((n, d) => n + d, 0));
          return;
        }
        parsed[r] = message.articles;
        done[r] = end - start;
        options.onParsed?.(done.reduce((n, d) => n + d, 0));
        if (parsed.every((p) => p !== null)) resolve(parsed.flatMap((p) => p!));
      });
      const message: ToPageWorker = {
        sources: sources.slice(start, end),
        stats: options.stats,
        ...(options.latest ? { latest: options.latest.getTime() } : {}),
      };
      worker.postMessage(message);
    });
  });
}
