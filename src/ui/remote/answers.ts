/**
 * A database's answers as the dashboard reads them: asked once per key, kept for the last
 * few keys, and told to the screen when they arrive. A question that fails (the server
 * gone, the network down) is asked again, a little later each time, for as long as the
 * screen still wants it; meanwhile the screen keeps what it showed and says the database is
 * unreachable. Pure of the UI: a test drives it with its own clock.
 */
import { firstLine } from '../../text/firstLine.js';

interface Held {
  value?: unknown;
  ready: boolean;
  asking: boolean;
  fetch: () => Promise<unknown>;
  failures: number;
  retry?: ReturnType<typeof setTimeout>;
}

export interface AnswersOptions {
  /** answers kept (the least recently read go first) */
  keep?: number;
  /** the first retry's wait; doubled each failure up to `maxRetryMs` */
  retryMs?: number;
  maxRetryMs?: number;
}

export class Answers {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<() => void>();
  private readonly keep: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private closed = false;
  /** why the last question failed, while no later one has been answered */
  failure: string | null = null;
  /** changes with every answer: what memos of the answers key on */
  version = 0;

  constructor(options: AnswersOptions = {}) {
    this.keep = options.keep ?? 64;
    this.retryMs = options.retryMs ?? 500;
    this.maxRetryMs = options.maxRetryMs ?? 5000;
  }

  /** The answer to `key` if it has arrived; else undefined, and it is asked (once). */
  get<T>(key: string, fetch: () => Promise<T>): T | undefined {
    let h = this.held.get(key);
    if (h) {
      // read again: the most recent
      this.held.delete(key);
      this.held.set(key, h);
    } else {
      h = { ready: false, asking: false, fetch, failures: 0 };
      this.held.set(key, h);
      this.evict();
      this.ask(key, h);
    }
    return h.ready ? (h.value as T) : undefined;
  }

  /** The answer to `key` if it has arrived, without asking it. */
  peek<T>(key: string): T | undefined {
    const h = this.held.get(key);
    return h?.ready ? (h.value as T) : undefined;
  }

  /** Whether any question is out (or waiting to be asked again). */
  asking(): boolean {
    for (const h of this.held.values()) if (!h.ready) return true;
    return false;
  }

  /** Whether `key` is asked and not yet answered. */
  waiting(key: string): boolean {
    const h = this.held.get(key);
    return h !== undefined && !h.ready;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No more questions, no more retries (the dashboard is closing). */
  close(): void {
    this.closed = true;
    for (const h of this.held.values()) clearTimeout(h.retry);
    this.held.clear();
  }

  private ask(key: string, h: Held): void {
    if (this.closed || h.asking) return;
    h.asking = true;
    h.fetch().then(
      (value) => {
        h.asking = false;
        if (this.held.get(key) !== h) return;
        h.value = value;
        h.ready = true;
        h.failures = 0;
        this.failure = null;
        this.changed();
      },
      (e: unknown) => {
        h.asking = false;
        if (this.closed || this.held.get(key) !== h) return;
        h.failures++;
        const said = firstLine(e);
        const was = this.failure;
        this.failure = said;
        if (was !== said) this.changed();
        h.retry = setTimeout(() => this.ask(key, h), Math.min(this.maxRetryMs, this.retryMs * 2 ** (h.failures - 1)));
      },
    );
  }

  private evict(): void {
    while (this.held.size > this.keep) {
      const [key, h] = this.held.entries().next().value!;
      clearTimeout(h.retry);
      this.held.delete(key);
    }
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
