/**
 * Draws again every `everyMs` while `busy` holds: for work that advances when the view reads
 * it (a phrase checked a slice at a time), so that the list grows without a key press.
 */
import { useEffect, useState } from 'react';

export function useRefreshWhile(busy: boolean, everyMs: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setTick((t) => t + 1), everyMs);
    return () => clearInterval(timer);
  }, [busy, everyMs]);
}
