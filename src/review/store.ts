/**
 * The review state file of one corpus: changes apply in memory at once and are saved in the
 * background, one write at a time — under a lock file, merged field by field with what is on
 * disk (so a second steppe on the same corpus keeps its changes too), written completely or
 * not at all (safeWrite), mode 0600. A save that fails keeps the change, says so, and is
 * retried; at quit, what could still not be saved is reported. A corrupt file, or one from a
 * newer steppe, is moved aside, never wiped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileSafely, writeReason } from '../io/safeWrite.js';
import { xdgDir } from '../paths.js';
import {
  FIELDS,
  covers,
  markOf,
  mergeMark,
  mergeMarks,
  mergeSearches,
  parseReviewFile,
  serializeReview,
  type Mark,
  type MarkChange,
  type Marks,
  type Searches,
  type StampedMark,
} from './marks.js';

/** The state file for a corpus named by its paths (resolved), or by its content for stdin. */
export function stateFileFor(identity: string, dir = process.env.STEPPE_STATE_DIR || xdgDir('state')): string {
  return path.join(dir, `review-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.json`);
}

const LOCK_STALE_MS = 5000;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ReviewStore {
  private marks: Marks = new Map();
  /** settings not yet known to be on disk */
  private pending: Marks = new Map();
  private searches: Searches = new Map();
  private pendingSearches: Searches = new Map();
  private chain: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private lastStamp = 0;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  /** why the last save failed, while changes wait to be saved */
  failure: string | null = null;
  /** bumped on every change, so views can memoise on it */
  version = 0;
  /** what the user should be told (a state file moved aside, a failed save) */
  message: string | null = null;
  /** set when an unreadable state file could not be moved aside: nothing is written then */
  private readOnly = false;

  constructor(readonly file: string) {}

  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return; // no state yet
    }
    const parsed = parseReviewFile(text);
    if (parsed.ok) {
      this.marks = parsed.marks;
      this.searches = parsed.searches;
      return;
    }
    const aside = this.moveAside(parsed.reason);
    if (aside === null) return;
    this.message = `review state was ${parsed.reason === 'newer' ? 'written by a newer steppe' : 'unreadable'}; kept it as ${path.basename(aside)} and started afresh`;
  }

  /** Moves an unreadable state file out of the way; null (and read-only) when it cannot be. */
  private moveAside(reason: 'corrupt' | 'newer'): string | null {
    const aside = `${this.file}.${reason}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.file, aside);
      return aside;
    } catch (e) {
      // it cannot be moved aside: then it must not be written over either
      this.readOnly = true;
      this.message = `review state is ${reason === 'newer' ? 'from a newer steppe' : 'unreadable'} and could not be moved aside (${writeReason(e)}); marks will not be saved`;
      return null;
    }
  }

  get(id: string): Mark | undefined {
    return markOf(this.marks.get(id));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Strictly increasing stamps, so two changes in one millisecond keep their order. */
  private stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Changes fields of an article's mark now; the returned promise settles once a save was tried. */
  set(id: string, change: MarkChange): Promise<void> {
    return this.setMany([[id, change]]);
  }

  /** Changes many articles' marks as one change (a batch on a selection): one save. */
  setMany(changes: readonly (readonly [id: string, change: MarkChange])[]): Promise<void> {
    const at = this.stamp();
    for (const [id, change] of changes) {
      const part: { -readonly [K in keyof StampedMark]: StampedMark[K] } = {};
      if ('read' in change) part.read = [change.read === true, at];
      if ('starred' in change) part.starred = [change.starred === true, at];
      if ('note' in change) part.note = [change.note ?? '', at];
      if (change.tags?.length) part.tags = change.tags.map(([tag, on]) => [tag, on, at] as const);
      this.marks.set(id, mergeMark(this.marks.get(id), part));
      this.pending.set(id, mergeMark(this.pending.get(id), part));
    }
    this.changed();
    return this.save();
  }

  /** The articles given a note or a tag: what the brief is made of. */
  annotated(): string[] {
    return [...this.marks.keys()].filter((id) => {
      const m = this.get(id);
      return !!m?.note || !!m?.tags?.length;
    });
  }

  /** Every tag in use, by how many articles carry it (most first), for completion and the list of tags. */
  tags(): [tag: string, articles: number][] {
    const count = new Map<string, number>();
    for (const m of this.marks.values()) for (const [tag, on] of m.tags ?? []) if (on) count.set(tag, (count.get(tag) ?? 0) + 1);
    return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** The saved searches, by name. */
  savedSearches(): [name: string, query: string][] {
    return [...this.searches]
      .filter(([, [query]]) => query)
      .map(([name, [query]]): [string, string] => [name, query])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  savedSearch(name: string): string | undefined {
    return this.searches.get(name)?.[0] || undefined;
  }

  /** Saves `query` under `name` (an empty query deletes it), merged with other steppes' by name. */
  saveSearch(name: string, query: string): Promise<void> {
    const entry = [query, this.stamp()] as const;
    this.searches.set(name, entry);
    this.pendingSearches.set(name, entry);
    this.changed();
    return this.save();
  }

  /** Ids and fields changed but not yet saved, each as its new value ("starred", "note: …"). */
  unsaved(): { id: string; fields: string[] }[] {
    const say = (m: StampedMark, f: (typeof FIELDS)[number]) =>
      f === 'note' ? `note: ${m.note![0] || '(removed)'}` : `${m[f]![0] ? '' : 'un'}${f === 'read' ? 'read' : 'starred'}`;
    const tags = (m: StampedMark) => (m.tags ?? []).map(([tag, on]) => `${on ? 'tagged' : 'untagged'} ${tag}`);
    return [
      ...[...this.pending].map(([id, m]) => ({ id, fields: [...FIELDS.filter((f) => m[f]).map((f) => say(m, f)), ...tags(m)] })),
      ...[...this.pendingSearches].map(([name, [query]]) => ({ id: `@${name}`, fields: [query ? `saved search: ${query}` : 'saved search deleted'] })),
    ];
  }

  /** Resolves when every save tried so far has finished (saved or failed). */
  flush(): Promise<void> {
    return this.chain;
  }

  /** At quit: no more retries; one last attempt if anything is unsaved. Returns what is still not saved. */
  async close(): Promise<{ id: string; fields: string[] }[]> {
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.chain;
    if (this.pending.size || this.pendingSearches.size) await this.save(false);
    return this.unsaved();
  }

  private save(retry = true): Promise<void> {
    this.chain = this.chain.then(() => this.writePending(retry));
    return this.chain;
  }

  private async writePending(retry: boolean): Promise<void> {
    if (this.pending.size === 0 && this.pendingSearches.size === 0) return;
    if (this.readOnly) {
      this.fail('the state file could not be moved aside', false);
      return;
    }
    let unlock: (() => Promise<void>) | undefined;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      unlock = await this.lock();
      // from here on nothing awaits: no change can slip in between reading, merging and writing
      let disk: Marks = new Map();
      let diskSearches: Searches = new Map();
      let text: string | null = null;
      try {
        text = readFileSync(this.file, 'utf8');
      } catch {
        // no file yet
      }
      if (text !== null) {
        const parsed = parseReviewFile(text);
        if (parsed.ok) {
          disk = parsed.marks;
          diskSearches = parsed.searches;
        } else if (this.moveAside(parsed.reason) === null) throw new Error('the state file is unreadable and could not be moved aside');
      }
      // everything this session knows, merged with what is on disk: a state file removed or
      // replaced meanwhile gets every mark back
      const merged = mergeMarks(disk, this.marks);
      const searches = mergeSearches(diskSearches, this.searches);
      writeFileSafely(this.file, serializeReview(merged, searches), { mode: 0o600 });
      for (const [id, part] of [...this.pending]) if (covers(merged.get(id), part)) this.pending.delete(id);
      this.pendingSearches.clear();
      // take in what another session saved meanwhile
      let took = false;
      for (const [name, entry] of searches) {
        const mine = this.searches.get(name);
        if (!mine || mine[0] !== entry[0] || mine[1] !== entry[1]) {
          this.searches.set(name, entry);
          took = true;
        }
      }
      for (const [id, m] of merged) {
        if (JSON.stringify(this.marks.get(id)) !== JSON.stringify(m)) {
          this.marks.set(id, m);
          took = true;
        }
      }
      if (this.failure) {
        this.failure = null;
        this.retryMs = RETRY_FIRST_MS;
        this.message = 'marks saved';
        took = true;
      }
      if (took) this.changed();
    } catch (e) {
      this.fail(e instanceof Error && 'reason' in e ? String((e as { reason: unknown }).reason) : writeReason(e), retry);
    } finally {
      await unlock?.();
    }
  }

  private fail(reason: string, retry: boolean): void {
    this.failure = reason;
    this.message = `marks not saved: ${reason}${retry && !this.readOnly ? '; retrying' : ''}`;
    this.changed();
    if (retry && !this.readOnly && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.save();
      }, this.retryMs);
      this.retry.unref();
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
  }

  /**
   * An exclusive lock file next to the state file, holding its owner's pid. A lock whose owner
   * is gone (killed mid-save) is taken over at once; one older than 5 s is taken as abandoned.
   */
  private async lock(): Promise<() => Promise<void>> {
    const lockFile = `${this.file}.lock`;
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(lockFile, 'wx', 0o600);
        try {
          await handle.writeFile(String(process.pid));
        } catch (e) {
          // a lock without its owner's pid would stall every other steppe: take it back
          await handle.close();
          await unlink(lockFile).catch(() => undefined);
          throw e;
        }
        await handle.close();
        return () => unlink(lockFile).catch(() => undefined);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        if (await this.abandoned(lockFile)) await unlink(lockFile).catch(() => undefined);
        if (attempt > 2000) throw new Error('review state is locked by another steppe');
        await sleep(5);
      }
    }
  }

  private async abandoned(lockFile: string): Promise<boolean> {
    const info = await stat(lockFile).catch(() => null);
    if (!info) return false;
    if (Date.now() - info.mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    if (!pid || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
}
