/**
 * Word tokens with their offsets, folded for matching: case, curly apostrophes, possessives.
 * Hyphens and spaces both separate tokens, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" give the
 * same tokens; dotted acronyms ("U.S.") stay one token.
 */

import { foldMarks } from '../text/fold.js';

/** An entity's id part: "Hizb ut-Tahrir" → "hizb-ut-tahrir". */
export function slug(s: string): string {
  return foldMarks(s)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

export interface Token {
  /** as written, without a possessive ending */
  text: string;
  /** lowercased, apostrophes folded, possessive removed: the matching key */
  key: string;
  start: number;
  /** end of the word without a possessive 's */
  end: number;
  /** first letter is a capital */
  capitalised: boolean;
  /** every letter is a capital (acronyms, shouted headlines) */
  allCaps: boolean;
}

// a run of Chinese characters is a token of its own, apart from a Latin word glued to it ("KABAR通讯社")
const TOKEN = /(?:\p{Lu}\.){2,}|[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}](?:[^\P{L}\u3400-\u9fff\uf900-\ufaff]|[\p{N}\p{M}]|['’‘ʻ`](?=[\p{L}]))*/gu;
const POSSESSIVE = /['’]s$/i;

const CURLY = /[’‘ʻ`]/;
const ARABIC = /[\u0600-\u06FF]/;

export function foldKey(s: string): string {
  const lower = s.toLowerCase();
  const key = CURLY.test(lower) ? lower.replace(/[’‘ʻ`]/g, "'") : lower;
  // Arabic script: vowel signs and tatweel go, and the letters Arabic and Persian write
  // differently (ي/ی, ك/ک, أ/إ/آ/ا) become one, so "المتّحدة" and "ایران" meet their names
  return ARABIC.test(key)
    ? key
        .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
        .replace(/[يى]/g, 'ی')
        .replace(/ك/g, 'ک')
        .replace(/[أإآ]/g, 'ا')
        .replace(/ة/g, 'ه')
    : key;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // "Kazakhstan’s" → "Kazakhstan": the possessive is not part of the name
    const word = m[0].replace(POSSESSIVE, '') || m[0];
    const start = m.index;
    out.push({
      text: word,
      key: foldKey(word),
      start,
      end: start + word.length,
      // a cased letter differs from its own lowercase: cheaper than a Unicode class per token
      capitalised: word[0] !== word[0]!.toLowerCase(),
      allCaps: word !== word.toLowerCase() && word === word.toUpperCase(),
    });
  }
  return out;
}

/** Whether only spaces or hyphens stand between two tokens (they can belong to one name). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // "St. Petersburg", "Mt. Everest": an abbreviation's point does not part a name
  // and an initial's neither ("H. J. Mackinder")
  return (
    /^[ \u00a0\-‐‑–]{1,2}$/.test(gap) ||
    (a.end === b.start && /^\p{Lu}\./u.test(b.text)) ||
    (gap === '. ' && (/^(?:St|Ste|Mt|Ft|Pt)$/.test(a.text) || (a.text.length === 1 && a.capitalised)))
  );
}

/** Whether a possessive ending follows the token ("Nazarbayev’s"). */
export function possessiveAfter(text: string, t: Token): boolean {
  return /^['’]s?(?![\p{L}\p{N}])/u.test(text.slice(t.end, t.end + 3));
}
