/**
 * Drives the session's background work (a first open's entities and index, a large corpus's mention table and figures) a
 * slice at a time between key presses, and re-renders when it has moved on by a percent or
 * finished a part. Right after a key the work waits a little: the next keys of a burst (a
 * word typed, j held down) are answered before it, and the garbage it makes is not collected
 * in the middle of their frames.
 */
import { useEffect, useState } from 'react';
import type { Session } from '../../session/session.js';

/** A key pressed during a slice waits at most this long. */
const SLICE_MS = 8;
/** How long the work keeps still after a key. */
const AFTER_KEY_MS = 60;
/** … but never longer than this without a slice. */
const STARVED_MS = 250;
/** How often it looks whether other threads have finished. */
const WAITING_MS = 100;

/** `lastKeyAt()`: when the last key was read (performance.now()), 0 before any. */
export function useBackgroundWork(session: Session | null, lastKeyAt: () => number = () => 0): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    // a database's corpus (--db) has no work here: its answers are the server's
    if (!session) return;
    // an immediate for the next slice, a timeout while keeping still: cleared each by its own
    // function (clearImmediate on a timeout unlinks it from Node's timer lists)
    let immediate: NodeJS.Immediate | undefined;
    let timeout: NodeJS.Timeout | undefined;
    let shown = session.progress();
    let lastSlice = performance.now();
    const step = () => {
      const now = performance.now();
      const quiet = lastKeyAt() + AFTER_KEY_MS - now;
      // keys held down or typed without a pause still let a slice through now and then
      if (quiet > 0 && now - lastSlice < STARVED_MS) {
        timeout = setTimeout(step, quiet);
        return;
      }
      lastSlice = now;
      const finished = session.work(SLICE_MS);
      const progress = session.progress();
      const moved = (a: number | null, b: number | null) => (a === null) !== (b === null) || (a !== null && b !== null && b - a >= 0.01);
      if (
        moved(shown.entities, progress.entities) ||
        moved(shown.index, progress.index) ||
        moved(shown.table, progress.table) ||
        moved(shown.figures, progress.figures)
      ) {
        shown = progress;
        setTick((t) => t + 1);
      }
      // while other threads find the entities there is nothing to do here but look now and then
      if (!finished) progress.entities === null ? (immediate = setImmediate(step)) : (timeout = setTimeout(step, WAITING_MS));
    };
    immediate = setImmediate(step);
    return () => {
      clearImmediate(immediate);
      clearTimeout(timeout);
    };
  }, [session, lastKeyAt]);
}
