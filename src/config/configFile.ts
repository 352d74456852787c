/**
 * Where the config file is and what it says: `$STEPPE_CONFIG`, else
 * `$XDG_CONFIG_HOME/steppe/config.toml` (~/.config/steppe/config.toml). No file is the
 * defaults; a file that cannot be read or parsed is one line naming it (and the line) and the
 * defaults for what it got wrong.
 */
import { readBounded, describeError } from '../io/files.js';
import { xdgDir } from '../paths.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type Config } from './config.js';
import { sanitizeLine } from '../text/sanitize.js';

/** A config file is a few hundred bytes; one far larger is not one. */
const MAX_CONFIG_BYTES = 1 << 20;

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.STEPPE_CONFIG || path.join(xdgDir('config'), 'config.toml');
}

export interface LoadedConfig {
  file: string;
  /** the file exists (and could be read) */
  found: boolean;
  config: Config;
  /** one line each: "FILE:LINE: problem" */
  problems: string[];
}

export async function loadConfig(file = configPath()): Promise<LoadedConfig> {
  const where = (line: number | null) => `${sanitizeLine(file)}${line ? `:${line}` : ''}`;
  let bytes: Buffer | null;
  try {
    // a FIFO or device is refused before it is opened (opening a FIFO waits for a writer)
    if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ESPECIAL' });
    bytes = await readBounded(file, MAX_CONFIG_BYTES);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, found: false, config: DEFAULT_CONFIG, problems: [] };
    return { file, found: false, config: DEFAULT_CONFIG, problems: [`${where(null)}: not read (${describeError(e)}); the defaults are used`] };
  }
  if (bytes === null)
    return { file, found: false, config: DEFAULT_CONFIG, problems: [`${where(null)}: larger than a config file can be; the defaults are used`] };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') || text.includes('\u0000'))
    return { file, found: true, config: DEFAULT_CONFIG, problems: [`${where(null)}: not UTF-8 text; the defaults are used`] };
  const { config, problems } = parseConfig(text);
  return { file, found: true, config, problems: problems.map((p) => `${where(p.line)}: ${sanitizeLine(p.message)}`) };
}

/** A remap the keymap refused, said as the file's other problems are. */
export function keyProblemLine(file: string, line: number | null, problem: string): string {
  return `${sanitizeLine(file)}${line ? `:${line}` : ''}: [keys] ${sanitizeLine(problem)}`;
}
