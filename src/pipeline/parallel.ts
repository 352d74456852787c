/**
 * The per-article work that follows parsing, on every core: each article's fingerprint (to
 * find republished copies) and its entities. The corpus is cut into runs of articles of about
 * equal text, each done by a worker thread (pipeline/finishWorker.ts); the full names they
 * found are gathered here in corpus order and sent back, so that each worker resolves lone
 * surnames against the whole corpus, as one pass does. The answer is the one a single thread
 * gives (test/parallel.test.ts), and the calling thread stays free meanwhile: the dashboard
 * shows a large JSON Lines file's list while its entities are found.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { simhash, type Simhash } from '../corpus/simhash.js';
import type { Article, Mention } from '../corpus/types.js';
import { extractMentions } from '../entities/extract.js';

type Input = Pick<Article, 'paragraphs' | 'dateline'> & Partial<Pick<Article, 'publisher'>>;

export type ToWorker =
  | { kind: 'scan'; articles: Input[]; first: number }
  /** every full name of the corpus, in order, with the article it is in */
  | { kind: 'people'; names: string[]; articles: Int32Array };
export type FromWorker =
  /** how far the scan is; at its end the names found per article and the fingerprints (two halves each) */
  { kind: 'scanned'; done: number; names?: string[][]; simhashes?: Uint32Array } | { kind: 'mentions'; mentions: Mention[][] };

/** Each article's mentions and fingerprint, in the corpus's order. */
export interface Finished {
  mentions: Mention[][];
  simhashes: Simhash[];
}

/** Below this much text one thread is quicker than starting workers (each builds its own gazetteer, ~0.5–1 s). */
export const PARALLEL_MIN_CHARS = 4 << 20;

/** Runs of consecutive articles with about the same amount of text, one per worker. */
export function runsOf(articles: Input[], count: number): [number, number][] {
  return runsOfSizes(
    articles.map((a) => a.paragraphs.reduce((n, p) => n + p.length, 0)),
    count,
  );
}

/** Runs of consecutive items of about the same total size, at most `count`, none empty. */
export function runsOfSizes(sizes: number[], count: number): [number, number][] {
  const total = sizes.reduce((n, s) => n + s, 0);
  const runs: [number, number][] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < sizes.length && runs.length < count - 1; i++) {
    sum += sizes[i]!;
    if (sum >= (total * (runs.length + 1)) / count) {
      runs.push([start, i + 1]);
      start = i + 1;
    }
  }
  runs.push([start, sizes.length]);
  return runs.filter(([a, b]) => b > a);
}

export interface ParallelOptions {
  /** hears how many articles have been scanned, all workers together */
  onScanned?: (done: number) => void;
  /** how many workers (default: the cores, at least one so the caller's thread stays free) */
  threads?: number;
  /** run here, on this thread, below this much text (default PARALLEL_MIN_CHARS) */
  minChars?: number;
  /** the workers do not keep the process alive (a dashboard quit before they finish) */
  unref?: boolean;
  /** hears why the work was done on this thread after all (a worker could not start or died) */
  onFallback?: (why: string) => void;
}

/** On this thread: what the workers give. */
export function finishHere(articles: Input[], onScanned?: (done: number) => void): Finished {
  return {
    simhashes: articles.map((a) => simhash(a.paragraphs.join('\n'))),
    mentions: extractMentions(articles, undefined, undefined, onScanned),
  };
}

/** `finishHere` on worker threads; on this thread for small corpora or where a worker cannot start. */
export async function finishInParallel(articles: Input[], options: ParallelOptions = {}): Promise<Finished> {
  const chars = articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.length, 0), 0);
  if (chars < (options.minChars ?? PARALLEL_MIN_CHARS)) return finishHere(articles, options.onScanned);
  const runs = runsOf(articles, Math.max(1, options.threads ?? availableParallelism()));
  try {
    return await onWorkers(articles, runs, options.onScanned, options.unref ?? false);
  } catch (e) {
    // a worker that could not start or died (its file missing, a thread limit): the same answer here
    options.onFallback?.(e instanceof Error ? e.message : String(e));
    return finishHere(articles, options.onScanned);
  }
}

/** Articles being finished on other threads while this one goes on: how far, and each given its mentions once done. */
export interface EntitiesJob {
  readonly total: number;
  /** articles scanned so far */
  scanned(): number;
  /** once done: gives each article its mentions and marks republished copies (`mark`); true from then on */
  take(): boolean;
}

/** Starts finishing the articles on worker threads (one at least, so this thread stays free). */
export function finishInBackground<A extends Input & Pick<Article, 'mentions'>>(
  articles: A[],
  mark: (articles: A[], simhashes: Simhash[]) => void,
): EntitiesJob {
  let scanned = 0;
  let done: Finished | null = null;
  let taken = false;
  void finishInParallel(articles, { minChars: 0, unref: true, onScanned: (n) => (scanned = n) }).then((f) => (done = f));
  return {
    total: articles.length,
    scanned: () => scanned,
    take() {
      if (taken || !done) return taken;
      const { mentions, simhashes } = done;
      articles.forEach((a, i) => {
        a.mentions = mentions[i]!;
      });
      mark(articles, simhashes);
      done = null;
      return (taken = true);
    },
  };
}

function onWorkers(articles: Input[], runs: [number, number][], onScanned: ((done: number) => void) | undefined, unref: boolean): Promise<Finished> {
  const workerFile = new URL('./finishWorker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const workers = runs.map(() => new Worker(workerFile));
    const scanned = runs.map(() => 0);
    const names: (string[][] | null)[] = runs.map(() => null);
    const simhashes: Simhash[] = new Array(articles.length);
    const mentions: (Mention[][] | null)[] = runs.map(() => null);
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const sendPeople = () => {
      const all: string[] = [];
      const at: number[] = [];
      names.forEach((perArticle, r) => {
        perArticle!.forEach((list, k) => {
          for (const name of list) {
            all.push(name);
            at.push(runs[r]![0] + k);
          }
        });
      });
      const message: ToWorker = { kind: 'people', names: all, articles: Int32Array.from(at) };
      for (const w of workers) w.postMessage(message);
    };
    workers.forEach((worker, r) => {
      const [start, end] = runs[r]!;
      worker.on('error', fail);
      // its last message is handled before its exit is; a worker that ends without one failed
      worker.on('exit', (code) => setImmediate(() => mentions[r] === null && fail(new Error(`a worker exited with ${code}`))));
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'scanned') {
          scanned[r] = message.done;
          onScanned?.(scanned.reduce((n, d) => n + d, 0));
          if (!message.names || !message.simhashes) return;
          names[r] = message.names;
          for (let i = start; i < end; i++) simhashes[i] = [message.simhashes[2 * (i - start)]!, message.simhashes[2 * (i - start) + 1]!];
          if (names.every((n) => n !== null)) sendPeople();
        } else {
          mentions[r] = message.mentions;
          if (mentions.every((m) => m !== null)) resolve({ mentions: mentions.flatMap((m) => m!), simhashes });
        }
      });
      const input: Input[] = articles.slice(start, end).map((a) => ({ paragraphs: a.paragraphs, dateline: a.dateline, publisher: a.publisher ?? null }));
      worker.postMessage({ kind: 'scan', articles: input, first: start } satisfies ToWorker);
      // after its listeners: a message listener refs the worker's port again
      if (unref) worker.unref();
    });
  });
}
