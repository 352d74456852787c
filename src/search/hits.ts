/** Where a query's words and phrases occur in a text: what the reader highlights and the concordance shows. */
import { termsOf } from './searchIndex.js';

/** A word as the index reads one (apostrophes inside, trimmed by termsOf). */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

/** `terms`: index terms the query matched (its fuzzy and prefix expansions); `phrases` lowercase. */
export function hitRanges(text: string, terms: ReadonlySet<string>, phrases: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (terms.size) {
    for (const m of text.matchAll(WORD)) {
      const [t] = termsOf(m[0]);
      if (t && terms.has(t)) out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const lower = text.toLowerCase();
  for (const p of phrases) {
    for (let i = lower.indexOf(p); i >= 0 && p; i = lower.indexOf(p, i + p.length)) out.push({ start: i, end: i + p.length });
  }
  return out;
}
