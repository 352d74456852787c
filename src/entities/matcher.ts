/**
 * One pass over a text for the whole gazetteer: at each token, walk the trie as far as the
 * tokens go and keep the longest alias whose case agrees. Time grows linearly with the text
 * (times the longest alias, a handful of tokens).
 */
import type { AliasTarget, Gazetteer, TrieNode } from './gazetteer.js';
import { inflectionOf, isArabicScript, isHan, withoutClitics } from './countryNames.js';
import { cyrillicPlace } from './cyrillicPlaces.js';
import { contextPlace } from './placeContext.js';
import { adjacent, type Token } from './tokens.js';

export interface GazetteerMatch {
  entry: number;
  /** token range [first, last] */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** "МИДе", "КНБшники": a Russian acronym takes its ending in lowercase; the capitals are the name. */
function acronymOf(t: Token): string {
  const m = /^(\p{Lu}{2,})\p{Ll}{1,4}$/u.exec(t.text);
  return m && /[\u0400-\u04FF]/.test(t.text) ? m[1]!.toLowerCase() : '';
}

function caseAgrees(target: AliasTarget, tokens: Token[], first: number): boolean {
  if (target.caseRule === 'any') return true;
  // an organization's name keeps its capitals: "an Islamic state" is not the Islamic State
  if (target.caseRule === 'title') return target.tokens.every((t, k) => !/^\p{Lu}/u.test(t) || /^\p{Lu}/u.test(tokens[first + k]!.text));
  if (target.caseRule === 'exact') return target.tokens.every((t, k) => tokens[first + k]!.text === t || tokens[first + k]!.text.startsWith(t) && acronymOf(tokens[first + k]!) === t.toLowerCase());
  // a one-word name must be written as a name: "Turkey", not "turkey"
  return tokens[first]!.capitalised;
}

export function matchGazetteer(g: Gazetteer, text: string, tokens: Token[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (g.cjkPattern && isHan(tokens[i]!.text)) {
      out.push(...cjkMatches(g, tokens[i]!, i));
      i++;
      continue;
    }
    let node: TrieNode | undefined = g.root;
    let best: GazetteerMatch | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      // "RFE/RL": a slash joins the parts of a name the gazetteer holds
      if (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!) && text.slice(tokens[j - 1]!.end, tokens[j]!.start) !== '/') break;
      const here: TrieNode = node;
      node = here.next.get(tokens[j]!.key) ?? (j === i ? here.next.get(acronymOf(tokens[j]!)) : undefined);
      // the last word of a Russian name takes the case ending: "Хизб ут-Тахрира", "Братьев-мусульман"
      let inflected = false;
      if (!node && j > i && /[\u0400-\u04FF]$/.test(tokens[j]!.key)) {
        for (let cut = 1; cut <= 3 && !node && tokens[j]!.key.length - cut >= 3; cut++) node = here.next.get(tokens[j]!.key.slice(0, -cut));
        inflected = node !== undefined;
      }
      if (!node) break;
      const target = node.targets.find((t) => caseAgrees(t, tokens, i));
      if (target) best = { entry: target.entry, first: i, last: j, start: tokens[i]!.start, end: tokens[j]!.end };
      if (inflected) break;
    }
    if (!best) best = inflectedMatch(g, tokens, i);
    if (!best) best = cyrillicPlace(g, text, tokens, i) ?? contextPlace(g, text, tokens, i);
    if (best) {
      out.push(best);
      i = best.last + 1;
    } else i++;
  }
  return out;
}

/**
 * A one-word name with an ending: Казахстана, Қазақстанда, Tacikistan’da, وكازاخستان, and the
 * "-stan" peoples' words (узбекский, тоҷикон). Tried from the token's longest prefix down;
 * a lowercase token (an adjective) needs a stem of six letters or more.
 */
function inflectedMatch(g: Gazetteer, tokens: Token[], i: number): GazetteerMatch | null {
  const t = tokens[i]!;
  // most words begin no stem: a four-letter look-up turns them away at once
  if (t.key.length < 4 || !g.stemHeads.has((isArabicScript(t.key) ? withoutClitics(t.key) : t.key).slice(0, 4))) {
    if (!t.key.includes("'")) return null;
  }
  // "Tacikistan'da": a Turkish suffix after an apostrophe
  const apostrophe = t.key.indexOf("'");
  if (apostrophe > 0) {
    const base = g.root.next.get(t.key.slice(0, apostrophe));
    const target = base?.targets.find((x) => x.caseRule !== 'exact' && t.capitalised);
    if (target) return { entry: target.entry, first: i, last: i, start: t.start, end: t.end };
  }
  const key = isArabicScript(t.key) ? withoutClitics(t.key) : t.key;
  for (let cut = Math.min(key.length, g.longestStem); cut >= 4; cut--) {
    const stem = key.slice(0, cut);
    const entry = g.stems.get(stem);
    if (entry === undefined || !inflectionOf(stem, key.slice(cut))) continue;
    // a lowercase word is an adjective ("иранский", "катарского", "қазақстандық") or nothing
    const caseless = isArabicScript(stem) || /\p{Script=Bengali}|\p{Script=Devanagari}/u.test(stem);
    // only a country has adjectives written in lowercase ("колонии" is not Colonia)
    if (!t.capitalised && !caseless && (g.entries[entry]!.kind !== 'country' || (stem.length < 6 && !/^с?к/u.test(key.slice(cut))))) continue;
    return { entry, first: i, last: i, start: t.start, end: t.end };
  }
  return null;
}

/** Names inside a run of Chinese characters, which has no spaces to part them. */
function cjkMatches(g: Gazetteer, t: Token, i: number): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  for (const m of t.text.matchAll(g.cjkPattern!)) {
    const entry = g.cjkEntries.get(m[0]);
    if (entry !== undefined) out.push({ entry, first: i, last: i, start: t.start + m.index, end: t.start + m.index + m[0].length });
  }
  return out;
}
