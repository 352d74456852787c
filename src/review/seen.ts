/**
 * Which articles a corpus held the last time the dashboard opened it, so that `is:new` finds
 * those a growing scrape folder gained since (newsboat's "new"). Kept beside the corpus's
 * review state as `seen-….json`: a cache of ids, written whole or not at all; a missing or
 * damaged file means nothing is new (there is no last time to compare with).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileSafely, writeReason } from '../io/safeWrite.js';

const SEEN_VERSION = 1;

/** The seen file that goes with a review state file. */
export function seenFileFor(stateFile: string): string {
  return path.join(path.dirname(stateFile), path.basename(stateFile).replace(/^review-/, 'seen-'));
}

/** The ids in the file, or null when there is none (first open) or it cannot be read as one. */
export function readSeen(file: string): ReadonlySet<string> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as { version?: unknown; ids?: unknown };
    if (data?.version !== SEEN_VERSION || !Array.isArray(data.ids)) return null;
    return new Set(data.ids.filter((id): id is string => typeof id === 'string'));
  } catch {
    return null;
  }
}

/** The ids not seen last time, in the corpus's order; none without a last time. */
export function freshOf(ids: readonly string[], seen: ReadonlySet<string> | null): ReadonlySet<string> {
  if (!seen) return new Set();
  return new Set(ids.filter((id) => !seen.has(id)));
}

/** Records this open's ids; returns why it could not, or null. */
export function recordSeen(file: string, ids: readonly string[]): string | null {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSafely(file, `${JSON.stringify({ version: SEEN_VERSION, ids })}\n`, { mode: 0o600 });
    return null;
  } catch (e) {
    return writeReason(e);
  }
}
