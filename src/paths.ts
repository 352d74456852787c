import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import path from 'node:path';

/** The package root: the nearest folder above this file with package.json (works from dist/src/ and from the bundle in dist/). */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const packageRoot = findRoot();
export const dataDir = path.join(packageRoot, 'data');
export const bundledCorpus = path.join(dataDir, 'corpus.json');
export const bundledRaw = path.join(dataDir, 'raw');

/** XDG base directories, with the usual fallbacks ($XDG_STATE_HOME or ~/.local/state …). */
export function xdgDir(kind: 'state' | 'cache' | 'config'): string {
  const env = kind === 'state' ? process.env.XDG_STATE_HOME : kind === 'cache' ? process.env.XDG_CACHE_HOME : process.env.XDG_CONFIG_HOME;
  const base = env && path.isAbsolute(env) ? env : path.join(homedir(), kind === 'state' ? '.local/state' : kind === 'cache' ? '.cache' : '.config');
  return path.join(base, 'steppe');
}
