/**
 * Opening what a command names, as every command does it: warnings on standard error, one
 * line each, and a progress line on a terminal while a large input is read (cleared before
 * a warning and when done).
 */
import type { OpenOptions } from '../session/open.js';
import type { Session } from '../session/session.js';
import type { CommandIo } from './io.js';
import { progressLine } from './progressLine.js';

export async function openForCommand(paths: string[], io: CommandIo, options: Omit<OpenOptions, 'warn' | 'progress'> = {}): Promise<Session> {
  const { openSession } = await import('../session/open.js');
  const line = progressLine();
  return openSession(paths, {
    ...options,
    warn: (text) => {
      line.done();
      io.stderr(`steppe: ${text}\n`);
    },
    progress: line.progress,
  }).finally(line.done);
}
