/**
 * Drives the session's background work (a first open's index, a large corpus's figures) a
 * slice at a time between key presses, and re-renders when it has moved on by a percent or
 * finished a part.
 */
import { useEffect, useState } from 'react';
import type { Session } from '../../session/session.js';

/** A key pressed during a slice waits at most this long. */
const SLICE_MS = 8;

export function useBackgroundWork(session: Session): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    let timer: NodeJS.Immediate | undefined;
    let shown = session.progress();
    const step = () => {
      const finished = session.work(SLICE_MS);
      const now = session.progress();
      const moved = (a: number | null, b: number | null) => (a === null) !== (b === null) || (a !== null && b !== null && b - a >= 0.01);
      if (moved(shown.index, now.index) || moved(shown.figures, now.figures)) {
        shown = now;
        setTick((t) => t + 1);
      }
      if (!finished) timer = setImmediate(step);
    };
    timer = setImmediate(step);
    return () => clearImmediate(timer);
  }, [session]);
}
