/** Reading the paths a user names: folders of text files, single files, corpus JSON. */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { SourceFile, Warning } from '../corpus/types.js';
import { UserError } from './errors.js';
import { firstLine } from '../text/firstLine.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/** A scraped page is kilobytes; a raw file past this is a mistake (a log, a dump, /dev/zero). */
export const MAX_RAW_BYTES = 64 << 20;

export interface Collected {
  files: SourceFile[];
  warnings: Warning[];
}

/** A file name as bytes (names need not be UTF-8), shown with each bad byte as �. */
const shown = (name: Buffer | string) => (typeof name === 'string' ? name : new TextDecoder('utf-8').decode(name));
const joinBytes = (dir: Buffer, name: Buffer) => Buffer.concat([dir, Buffer.from(path.sep), name]);

/** What kind of thing a path is when it is not a file or folder, for the warning. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The raw text files under the given paths, in a stable order. A folder contributes its
 * regular .txt/.md files and links to them (recursively); a file named explicitly is taken
 * whatever its extension. FIFOs, devices and sockets are never opened (reading one blocks or
 * never ends): they are skipped with a warning, as are files over MAX_RAW_BYTES.
 * File names are relative to the folder they were found in.
 */
export async function collectFiles(paths: string[], options: { mustExist?: boolean } = {}): Promise<Collected> {
  const files: SourceFile[] = [];
  const warnings: Warning[] = [];
  for (const p of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (e) {
      if (options.mustExist) throw new UserError(`${p}: ${describeError(e)}`);
      warnings.push({ file: p, message: `skipped: ${describeError(e)}` });
      continue;
    }
    if (info.isDirectory()) {
      const seen = new Set<string>();
      await walk(Buffer.from(p), '', files, warnings, seen);
    } else if (info.isFile()) await readInto(Buffer.from(p), path.basename(p), info, files, warnings);
    else warnings.push({ file: p, message: `skipped: ${kindOf(info)}` });
  }
  return { files, warnings };
}

async function walk(dir: Buffer, rel: string, files: SourceFile[], warnings: Warning[], seen: Set<string>): Promise<void> {
  // a linked folder is walked once, so a link cycle ends
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
  } catch {
    // walked as named
  }
  let entries: Awaited<ReturnType<typeof readdir>>;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    warnings.push({ file: shown(dir), message: `skipped: ${describeError(e)}` });
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    if (e.name[0] === 0x2e) continue; // dot files: hidden, and steppe's own temporary files
    const full = joinBytes(dir, e.name);
    const child = rel ? path.join(rel, shown(e.name)) : shown(e.name);
    const isText = TEXT_EXTENSIONS.has(path.extname(shown(e.name)).toLowerCase());
    if (!e.isDirectory() && !e.isSymbolicLink() && !isText) continue;
    let info: Stats;
    try {
      info = await stat(full); // follows links: a link counts as what it points to
    } catch (err) {
      if (isText) warnings.push({ file: shown(full), message: `skipped: ${describeError(err)}` });
      continue;
    }
    if (info.isDirectory()) await walk(full, child, files, warnings, seen);
    else if (!isText) continue;
    else if (info.isFile()) await readInto(full, child, info, files, warnings);
    else warnings.push({ file: shown(full), message: `skipped: ${kindOf(info)}` });
  }
}

async function readInto(full: Buffer, name: string, info: Stats, files: SourceFile[], warnings: Warning[]): Promise<void> {
  if (info.size > MAX_RAW_BYTES) {
    warnings.push({ file: shown(full), message: `skipped: larger than ${MAX_RAW_BYTES >> 20} MB (${Math.round(info.size / 2 ** 20)} MB)` });
    return;
  }
  try {
    const bytes = await readBounded(full, MAX_RAW_BYTES);
    if (bytes === null) warnings.push({ file: shown(full), message: `skipped: larger than ${MAX_RAW_BYTES >> 20} MB` });
    else files.push({ name, path: shown(full), bytes });
  } catch (e) {
    warnings.push({ file: shown(full), message: `skipped: ${describeError(e)}` });
  }
}

/** The file's bytes, or null when it holds more than `limit` (it may have grown since stat). */
export async function readBounded(file: Buffer | string, limit: number): Promise<Buffer | null> {
  const fh = await open(file, 'r');
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ESPECIAL' });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, Math.max(info.size - total, 0) + 65536));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** A one-line reason for a file-system error, without a stack. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'not a folder';
    case 'EEXIST':
      // a folder to be made where a file already is
      return 'a file is in the way';
    case 'ENOSPC':
      return 'disk full';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only';
    case 'EFBIG':
      return 'file too large for this file system';
    case 'EIO':
      return 'input/output error';
    case 'ELOOP':
      return 'too many levels of links';
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'ESPECIAL':
      return 'not a regular file';
    default:
      return firstLine(e);
  }
}
