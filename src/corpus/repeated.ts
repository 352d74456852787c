/**
 * Cross-document line frequency (trafilatura's repetition test, adapted to plain text):
 * a line that recurs in several unrelated documents is page template, not reporting.
 * Copies of the same story (documents that share most of their running text) count as one
 * document, so that a republished article's own sentences are never taken for template.
 */
import { isProse, lineKey, toLines } from './text.js';
import type { SourceText } from './types.js';
import { unionFind } from './unionFind.js';

export interface LineStats {
  /** line keys found in two or more unrelated documents */
  repeated: Set<string>;
  /** line keys found in at least max(3, 1 % of) unrelated documents */
  frequent: Set<string>;
}

export const NO_LINE_STATS: LineStats = { repeated: new Set(), frequent: new Set() };

/** Two documents are copies when the running text they share is most of the shorter one's. */
const COPY_SHARE = 0.6;
/** A line in this many documents is template whatever the pairs say; don't pair them up. */
const PAIRING_LIMIT = 50;

export function lineStats(docs: SourceText[]): LineStats {
  const seenIn = new Map<string, Set<number>>();
  const proseChars = new Map<string, number>();
  const docProse = new Array<number>(docs.length).fill(0);
  docs.forEach((doc, i) => {
    for (const line of toLines(doc.text)) {
      if (!/\p{L}.*\p{L}.*\p{L}/su.test(line.text)) continue;
      const key = lineKey(line.text);
      let set = seenIn.get(key);
      if (!set) seenIn.set(key, (set = new Set()));
      if (set.has(i)) continue;
      set.add(i);
      if (isProse(line.text)) {
        proseChars.set(key, line.text.length);
        docProse[i]! += line.text.length;
      }
    }
  });

  // running text shared by each pair of documents
  const shared = new Map<string, number>();
  for (const [key, length] of proseChars) {
    const set = seenIn.get(key)!;
    if (set.size < 2 || set.size > PAIRING_LIMIT) continue;
    const ids = [...set];
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const pair = `${ids[a]},${ids[b]}`;
        shared.set(pair, (shared.get(pair) ?? 0) + length);
      }
  }
  const { find, union } = unionFind(docs.length);
  for (const [pair, chars] of shared) {
    const [a, b] = pair.split(',').map(Number) as [number, number];
    if (chars >= COPY_SHARE * Math.min(docProse[a]!, docProse[b]!)) union(a, b);
  }

  const distinct = new Set(docs.map((_, i) => find(i))).size;
  const frequentAt = Math.max(3, Math.ceil(distinct * 0.01));
  const repeated = new Set<string>();
  const frequent = new Set<string>();
  for (const [key, set] of seenIn) {
    const groups = set.size < 2 ? set.size : new Set([...set].map(find)).size;
    if (groups >= 2) repeated.add(key);
    if (groups >= frequentAt) frequent.add(key);
  }
  return { repeated, frequent };
}
