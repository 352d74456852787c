/**
 * A progress line on standard error while a large input is opened ("steppe: finding entities
 * in 20,000 articles… 35%"), rewritten in place at most every 100 ms, and cleared when done.
 * Only on a terminal: piped or redirected, standard error gets no carriage returns.
 */
import type { Progress } from '../pipeline/parse.js';
import { sanitizeLine } from '../text/sanitize.js';
import { truncate } from '../ui/textWidth.js';

const EVERY_MS = 100;

export function progressLine(stream: NodeJS.WriteStream = process.stderr): { progress?: Progress; done(): void } {
  if (!stream.isTTY) return { done: () => undefined };
  let last = 0;
  let shown = false;
  let phase = '';
  const progress: Progress = (what, done, total) => {
    const now = performance.now();
    // a new phase shows at once; within one, at most every EVERY_MS
    if (what === phase && now - last < EVERY_MS) return;
    phase = what;
    last = now;
    const share = total > 1 ? ` ${Math.floor((100 * done) / total)}%` : '';
    const line = `steppe: ${sanitizeLine(what)}…${share}`;
    // cut by terminal columns (a file name may be wide characters), one short of the edge
    stream.write(`\r\x1b[K${truncate(line, Math.max(10, (stream.columns || 80) - 1))}`);
    shown = true;
  };
  return {
    progress,
    done: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
