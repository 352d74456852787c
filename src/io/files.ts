/** Reading the paths a user names: folders of text files, single files, corpus JSON. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile, Warning } from '../corpus/types.js';
import { UserError } from './errors.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

export interface Collected {
  files: SourceFile[];
  warnings: Warning[];
}

/**
 * The raw text files under the given paths, in a stable order. A folder contributes its
 * .txt/.md files (recursively); a file named explicitly is taken whatever its extension.
 * File names are relative to the folder they were found in.
 */
export async function collectFiles(paths: string[], options: { mustExist?: boolean } = {}): Promise<Collected> {
  const files: SourceFile[] = [];
  const warnings: Warning[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      if (options.mustExist) throw new UserError(`${p}: ${describeError(e)}`);
      warnings.push({ file: p, message: describeError(e) });
      continue;
    }
    if (info.isDirectory()) {
      for (const rel of await listText(p, '', warnings)) await readInto(path.join(p, rel), rel, files, warnings);
    } else {
      await readInto(p, path.basename(p), files, warnings);
    }
  }
  return { files, warnings };
}

async function listText(root: string, rel: string, warnings: Warning[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (e) {
    warnings.push({ file: path.join(root, rel), message: describeError(e) });
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const child = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) out.push(...(await listText(root, child, warnings)));
    else if (TEXT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(child);
  }
  return out;
}

async function readInto(full: string, name: string, files: SourceFile[], warnings: Warning[]): Promise<void> {
  try {
    files.push({ name, path: full, bytes: await readFile(full) });
  } catch (e) {
    warnings.push({ file: full, message: describeError(e) });
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
    default:
      return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
}
