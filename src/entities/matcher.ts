/**
 * One pass over a text for the whole gazetteer: at each token, walk the trie as far as the
 * tokens go and keep the longest alias whose case agrees. Time grows linearly with the text
 * (times the longest alias, a handful of tokens).
 */
import type { AliasTarget, Gazetteer, GazetteerMatch, TrieNode } from './gazetteer.js';

export type { GazetteerMatch } from './gazetteer.js';
import { inflectionOf, isArabicScript, withoutClitics } from './countryNames.js';
import { cyrillicPlace, latinVariantPlace } from './placeSpellings.js';
import { contextPlace } from './placeContext.js';
import { adjacent, type Token } from './tokens.js';

const isCyrillic = (c: number) => c >= 0x400 && c <= 0x4ff;
const isArabicLetter = (c: number) => (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff);

/** "МИДе", "КНБшники": a Russian acronym takes its ending in lowercase; the capitals are the name. */
function acronymOf(t: Token): string {
  const m = /^(\p{Lu}{2,})\p{Ll}{1,4}$/u.exec(t.text);
  return m && /[\u0400-\u04FF]/.test(t.text) ? m[1]!.toLowerCase() : '';
}

function caseAgrees(target: AliasTarget, tokens: Token[], first: number): boolean {
  if (target.caseRule === 'any') return true;
  // an organization's name keeps its capitals: "an Islamic state" is not the Islamic State
  if (target.caseRule === 'title') return target.tokens.every((t, k) => !/^\p{Lu}/u.test(t) || /^\p{Lu}/u.test(tokens[first + k]!.text));
  if (target.caseRule === 'exact')
    return target.tokens.every(
      (t, k) => tokens[first + k]!.text === t || (tokens[first + k]!.text.startsWith(t) && acronymOf(tokens[first + k]!) === t.toLowerCase()),
    );
  // a one-word name must be written as a name: "Turkey", not "turkey"
  return tokens[first]!.capitalised;
}

export function matchGazetteer(g: Gazetteer, text: string, tokens: Token[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    // a run of Chinese characters is a token of its own (see tokens.ts)
    const c = tokens[i]!.text.charCodeAt(0);
    if (((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) && g.cjkLengths.size) {
      out.push(...cjkMatches(g, tokens[i]!, i));
      i++;
      continue;
    }
    let node: TrieNode | undefined = g.root;
    let best: GazetteerMatch | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      // "RFE/RL", "People's Liberation Army": a slash or a possessive joins the parts of a name the gazetteer holds
      if (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!) && !/^(?:\/|['’]s )$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      const here: TrieNode = node;
      node = here.next.get(tokens[j]!.key);
      if (!node && j === i && tokens[j]!.capitalised && !tokens[j]!.allCaps && isCyrillic(c)) node = here.next.get(acronymOf(tokens[j]!));
      // "لتنظيم القاعدة", "وكتيبة …": a clitic on the first word of an Arabic name
      if (!node && j === i && isArabicLetter(c)) node = here.next.get(withoutClitics(tokens[j]!.key));
      // the last word of a Russian name takes the case ending: "Хизб ут-Тахрира", "Братьев-мусульман"
      let inflected = false;
      if (!node && j > i && isCyrillic(tokens[j]!.key.charCodeAt(tokens[j]!.key.length - 1))) {
        for (let cut = 1; cut <= 3 && !node && tokens[j]!.key.length - cut >= 3; cut++) node = here.next.get(tokens[j]!.key.slice(0, -cut));
        inflected = node !== undefined;
      }
      if (!node) break;
      const target = node.targets.find((t) => caseAgrees(t, tokens, i));
      if (target) best = { entry: target.entry, first: i, last: j, start: tokens[i]!.start, end: tokens[j]!.end };
      if (inflected) break;
    }
    if (!best) best = inflectedMatch(g, tokens, i);
    if (!best) best = cyrillicPlace(g, text, tokens, i) ?? latinVariantPlace(g, tokens, i) ?? contextPlace(g, text, tokens, i);
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
  // most words begin no stem: a four-letter look-up turns them away at once (Arabic after its clitics)
  const arabic = isArabicLetter(t.key.charCodeAt(0));
  const key = arabic ? withoutClitics(t.key) : t.key;
  const lengths = key.length < 4 ? undefined : g.stemHeads.get(key.slice(0, 4));
  if (!lengths && !t.key.includes("'")) return null;
  // "Tacikistan'da": a Turkish suffix after an apostrophe
  const apostrophe = t.key.indexOf("'");
  if (apostrophe > 0) {
    const base = g.root.next.get(t.key.slice(0, apostrophe));
    const target = base?.targets.find((x) => x.caseRule !== 'exact' && t.capitalised);
    if (target) return { entry: target.entry, first: i, last: i, start: t.start, end: t.end };
  }
  for (const cut of lengths ?? []) {
    if (cut > key.length) continue;
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

/**
 * Names inside a run of Chinese characters, which has no spaces to part them: at each place
 * the longest name that starts there, then on after it (what a leftmost-longest pattern finds).
 */
function cjkMatches(g: Gazetteer, t: Token, i: number): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  const run = t.text;
  for (let p = 0; p < run.length; ) {
    let found = 0;
    for (const len of g.cjkLengths.get(run[p]!) ?? []) {
      if (p + len > run.length) continue;
      const entry = g.cjkEntries.get(run.slice(p, p + len));
      if (entry === undefined) continue;
      out.push({ entry, first: i, last: i, start: t.start + p, end: t.start + p + len });
      found = len;
      break;
    }
    p += found || 1;
  }
  return out;
}
