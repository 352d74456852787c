/**
 * One pass over a text for the whole gazetteer: at each token, walk the trie as far as the
 * tokens go and keep the longest alias whose case agrees. Time grows linearly with the text
 * (times the longest alias, a handful of tokens).
 */
import type { AliasTarget, Gazetteer, TrieNode } from './gazetteer.js';
import { adjacent, type Token } from './tokens.js';

export interface GazetteerMatch {
  entry: number;
  /** token range [first, last] */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Russian case endings on a one-word Cyrillic name: Казахстана, Казахстане, России, Россию. */
const CYRILLIC_ENDINGS = /^(?:а|у|е|ом|ой|ы|и|ей|ю|ия|ии|ию|ией)$/;

function caseAgrees(target: AliasTarget, tokens: Token[], first: number): boolean {
  if (target.caseRule === 'any') return true;
  if (target.caseRule === 'exact') return target.tokens.every((t, k) => tokens[first + k]!.text === t);
  // a one-word name must be written as a name: "Turkey", not "turkey"
  return tokens[first]!.capitalised;
}

export function matchGazetteer(g: Gazetteer, text: string, tokens: Token[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = g.root;
    let best: GazetteerMatch | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      if (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!)) break;
      node = node.next.get(tokens[j]!.key);
      if (!node) break;
      const target = node.targets.find((t) => caseAgrees(t, tokens, i));
      if (target) best = { entry: target.entry, first: i, last: j, start: tokens[i]!.start, end: tokens[j]!.end };
    }
    if (!best) best = cyrillicMatch(g, tokens, i);
    if (best) {
      out.push(best);
      i = best.last + 1;
    } else i++;
  }
  return out;
}

function cyrillicMatch(g: Gazetteer, tokens: Token[], i: number): GazetteerMatch | null {
  const t = tokens[i]!;
  if (!t.capitalised || !/[\u0400-\u04FF]/.test(t.key)) return null;
  for (let cut = 1; cut <= 3 && cut < t.key.length - 3; cut++) {
    const stem = t.key.slice(0, -cut);
    const entry = g.cyrillicStems.get(stem);
    if (entry !== undefined && CYRILLIC_ENDINGS.test(t.key.slice(-cut))) return { entry, first: i, last: i, start: t.start, end: t.end };
  }
  return null;
}
