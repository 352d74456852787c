/**
 * The review state file of one corpus: changes apply in memory at once and are saved in the
 * background, one write at a time — under a lock file, merged with what is on disk (so a
 * second steppe on the same corpus keeps its changes too), written atomically with mode 0600.
 * A corrupt file, or one from a newer steppe, is moved aside, never wiped.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { mergeMarks, parseReviewFile, serializeReview, type Mark } from './marks.js';

/** XDG base directories, with the usual fallbacks ($XDG_STATE_HOME or ~/.local/state …). */
export function xdgDir(kind: 'state' | 'cache'): string {
  const env = kind === 'state' ? process.env.XDG_STATE_HOME : process.env.XDG_CACHE_HOME;
  const base = env && path.isAbsolute(env) ? env : path.join(homedir(), kind === 'state' ? '.local/state' : '.cache');
  return path.join(base, 'steppe');
}

/** The state file for a corpus named by its paths (resolved), or by its content for stdin. */
export function stateFileFor(identity: string, dir = process.env.STEPPE_STATE_DIR || xdgDir('state')): string {
  return path.join(dir, `review-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.json`);
}

const LOCK_STALE_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ReviewStore {
  private marks = new Map<string, Mark>();
  private dirty = new Map<string, Mark>();
  private chain: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private lastStamp = 0;
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
      for (const [id, m] of Object.entries(parsed.file.articles)) this.marks.set(id, m);
      return;
    }
    const aside = `${this.file}.${parsed.reason}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(this.file, aside);
    } catch (e) {
      // it cannot be moved aside: then it must not be written over either
      this.readOnly = true;
      this.message = `review state is ${parsed.reason === 'newer' ? 'from a newer steppe' : 'unreadable'} and could not be moved aside (${(e as Error).message.split('\n')[0]}); marks will not be saved`;
      return;
    }
    this.message = `review state was ${parsed.reason === 'newer' ? 'written by a newer steppe' : 'unreadable'}; kept it as ${path.basename(aside)} and started afresh`;
  }

  get(id: string): Mark | undefined {
    return this.marks.get(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes an article's mark now; the returned promise resolves once it is on disk. */
  set(id: string, change: Partial<Omit<Mark, 'updated'>>): Promise<void> {
    // strictly increasing stamps, so two changes in one millisecond keep their order
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    const next: Mark = { ...this.marks.get(id), ...change, updated: this.lastStamp };
    if (!next.note) delete next.note;
    if (!next.read) delete next.read;
    if (!next.starred) delete next.starred;
    this.marks.set(id, next);
    this.dirty.set(id, next);
    this.version++;
    for (const l of this.listeners) l();
    return this.save();
  }

  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.chain;
  }

  private save(): Promise<void> {
    this.chain = this.chain.then(() => this.writeDirty()).catch((e: unknown) => {
      this.message = `could not save review state: ${(e as Error).message.split('\n')[0]}`;
      for (const l of this.listeners) l();
    });
    return this.chain;
  }

  private async writeDirty(): Promise<void> {
    if (this.dirty.size === 0 || this.readOnly) return;
    const ours = Object.fromEntries(this.dirty);
    this.dirty.clear();
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const unlock = await this.lock();
    try {
      let disk: Record<string, Mark> = {};
      try {
        const parsed = parseReviewFile(await readFile(this.file, 'utf8'));
        if (parsed.ok) disk = parsed.file.articles;
      } catch {
        // no file yet
      }
      const merged = mergeMarks(disk, ours);
      await writeFileAtomic(this.file, serializeReview(merged), { mode: 0o600, fsync: true });
      // take in what another session saved meanwhile
      let changed = false;
      for (const [id, m] of Object.entries(merged)) {
        const mine = this.marks.get(id);
        if (!mine || mine.updated < m.updated) {
          this.marks.set(id, m);
          changed = true;
        }
      }
      if (changed) {
        this.version++;
        for (const l of this.listeners) l();
      }
    } finally {
      await unlock();
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
        await handle.writeFile(String(process.pid));
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
