/**
 * Cross-document line frequency (trafilatura's repetition test, adapted to plain text):
 * a line that recurs in several unrelated documents is page template, not reporting.
 * Near-duplicate documents (the same story twice) count once, so that a republished
 * article's own sentences are never taken for template.
 */
import { clusterBySimhash, simhash } from './simhash.js';
import { lineKey, toLines } from './text.js';
import type { SourceText } from './types.js';

export interface LineStats {
  /** line keys found in two or more unrelated documents */
  repeated: Set<string>;
  /** line keys found in at least max(3, 1 % of) unrelated documents */
  frequent: Set<string>;
}

export const NO_LINE_STATS: LineStats = { repeated: new Set(), frequent: new Set() };

export function lineStats(docs: SourceText[]): LineStats {
  const clusters = clusterBySimhash(docs.map((d) => simhash(d.text)));
  const seenIn = new Map<string, Set<number>>();
  docs.forEach((doc, i) => {
    for (const line of toLines(doc.text)) {
      if (!/\p{L}[^]*\p{L}[^]*\p{L}/u.test(line.text)) continue;
      const key = lineKey(line.text);
      let set = seenIn.get(key);
      if (!set) seenIn.set(key, (set = new Set()));
      set.add(clusters[i]!);
    }
  });
  const distinct = new Set(clusters).size;
  const frequentAt = Math.max(3, Math.ceil(distinct * 0.01));
  const repeated = new Set<string>();
  const frequent = new Set<string>();
  for (const [key, set] of seenIn) {
    if (set.size >= 2) repeated.add(key);
    if (set.size >= frequentAt) frequent.add(key);
  }
  return { repeated, frequent };
}
