/**
 * A value once it has stopped changing: a large corpus's entity and compare tables follow the
 * filter once typing pauses, so that a keystroke redraws the list at once and never waits for a
 * pass over every mention; the reader beside the list previews the article a held key stops on.
 */
import { useEffect, useState } from 'react';

/** How long typing must pause before the tables follow the filter. */
export const SETTLE_MS = 250;
/** How long the list's cursor must rest before the reader beside it shows its article (a held key repeats every ~30 ms). */
export const PREVIEW_SETTLE_MS = 80;

/** `value` itself when `settle` is false (a small corpus: it follows every keystroke). */
export function useSettled<T>(value: T, settle: boolean, ms = SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (!settle || Object.is(settled, value)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, settle, ms]);
  return settle ? settled : value;
}
