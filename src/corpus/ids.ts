/** Article ids are unique within a corpus: review marks, the index and the reader key on them. */
import type { Article } from './types.js';

/**
 * Renames every repeat of an id to `ID-2`, `ID-3` … (the first keeps it), in place. Returns a
 * one-line account of what was renamed, or null when the ids were already unique.
 */
export function uniqueIds(articles: Article[]): string | null {
  const seen = new Map<string, number>();
  const taken = new Set(articles.map((a) => a.id));
  let renamed = 0;
  for (const a of articles) {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n === 0) continue;
    let k = n + 1;
    while (taken.has(`${a.id}-${k}`)) k++;
    seen.set(a.id, k);
    a.id = `${a.id}-${k}`;
    taken.add(a.id);
    renamed++;
  }
  return renamed ? `${renamed} article${renamed === 1 ? '' : 's'} with a repeated id renamed (id-2, id-3 …)` : null;
}
