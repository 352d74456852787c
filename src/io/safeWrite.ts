/**
 * Every file steppe writes goes through here: complete or untouched. The bytes go to a
 * temporary file beside the target, every write's count is checked (a full disk can accept
 * part of a write without an error), the file is synced, read back and compared, and only
 * then renamed over the target. On any failure the temporary file is removed, the target is
 * exactly as it was, and a WriteError names the file and the reason in a few words.
 *
 * Temporary names carry the writer's pid (`.NAME.steppe-PID-N.tmp`), so a run killed mid-write
 * leaves something the next run recognises and removes.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './files.js';
import { UserError } from './errors.js';

/** A write that did not happen; the old file, if any, is untouched. */
export class WriteError extends UserError {
  constructor(
    readonly file: string,
    readonly reason: string,
    existed = false,
  ) {
    super(`${file}: not written (${reason})${existed ? '; the previous file is unchanged' : ''}`);
  }
}

/** A failed write's reason in the words a user knows. */
export const writeReason = describeError;

const TEMP = /^\.(.+)\.steppe-(\d+)-\d+\.tmp$/;
let counter = 0;

/** A fresh temporary name beside `target` (also used for temporary folders). */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.steppe-${process.pid}-${++counter}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A writer that has not finished in a day is gone, whatever holds its pid now. */
const ABANDONED_MS = 24 * 3600 * 1000;
const swept = new Set<string>();

/**
 * Removes what killed writers left in `dir`: temporary files and folders whose pid is no
 * longer running. Once per folder per process (a cache folder holds thousands of files).
 */
export function sweepStaleTemps(dir: string): number {
  if (swept.has(dir)) return 0;
  swept.add(dir);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      if (alive(Number(m[2])) && Date.now() - statSync(full).mtimeMs < ABANDONED_MS) continue;
      rmSync(full, { recursive: true, force: true });
      removed++;
    } catch {
      // housekeeping: a leftover we cannot remove costs space, nothing else
    }
  }
  return removed;
}

/** Writes all of `bytes` at the file position, or throws: a write that makes no progress is a full disk. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) {
    const n = writeSync(fd, bytes, at, bytes.length - at);
    if (n <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    at += n;
  }
}

/** Compares the file's bytes with what was meant, a chunk at a time. */
function verify(fd: number, bytes: Uint8Array): boolean {
  if (fstatSync(fd).size !== bytes.length) return false;
  const chunk = Buffer.alloc(Math.min(bytes.length, 1 << 20));
  for (let at = 0; at < bytes.length; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, bytes.length - at), at);
    if (n <= 0) return false;
    if (Buffer.compare(chunk.subarray(0, n), bytes.subarray(at, at + n)) !== 0) return false;
    at += n;
  }
  return true;
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot sync a folder; the rename itself is still atomic
  }
}

export interface WriteOptions {
  /** permission bits of a new file (an existing file keeps its own) */
  mode?: number;
}

/** Writes `data` to `file` completely, or leaves `file` as it was and throws a WriteError. */
export function writeFileSafely(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let mode = options.mode ?? 0o666;
  let existed = false;
  try {
    const info = statSync(file);
    existed = true;
    if (info.isDirectory()) throw new WriteError(file, 'is a folder');
    if (!info.isFile()) throw new WriteError(file, 'not a regular file');
    if (options.mode === undefined) mode = info.mode & 0o7777;
  } catch (e) {
    if (e instanceof WriteError) throw e;
    // no such file yet: it will be made
  }
  const dir = path.dirname(path.resolve(file));
  sweepStaleTemps(dir);
  const tmp = tempNameFor(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx+', mode);
    writeAll(fd, bytes);
    fsyncSync(fd);
    if (!verify(fd, bytes)) throw Object.assign(new Error('the written file does not read back the same'), { code: 'EIO' });
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never made, or already gone
    }
    throw e instanceof WriteError ? e : new WriteError(file, writeReason(e), existed);
  }
  syncFolder(dir);
}
