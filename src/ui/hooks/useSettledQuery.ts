/**
 * The query once typing has paused: a large corpus's entity and compare tables follow it, so
 * that a keystroke redraws the list at once and never waits for a pass over every mention.
 */
import { useEffect, useState } from 'react';
import type { Query } from '../../search/query.js';

/** How long typing must pause before the tables follow the filter. */
export const SETTLE_MS = 250;

/** `query` itself when `settle` is false (a small corpus: the tables follow every keystroke). */
export function useSettledQuery(query: Query, settle: boolean): Query {
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    if (settled === query) return;
    const timer = setTimeout(() => setSettled(query), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [query, settled]);
  return settle ? settled : query;
}
