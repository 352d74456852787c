/**
 * Country names in the languages steppe's users read, from i18n-iso-countries (MIT; CLDR's
 * names), and the rules that find them where those languages inflect or run words together:
 * case endings (Казахстана, Қазақстанда, Tacikistan’da), clitics (وكازاخستان), adjectives
 * and peoples of the "-stan" countries (узбекский, tojik, ازبک, 哈萨克), CJK without spaces.
 */
import { createRequire } from 'node:module';

/** Languages whose country and place names are loaded: the corpus's, their neighbours', and the big ones (scripts/placeNames.mjs reads this list too). */
export const LANGS = [
  'ru',
  'uk',
  'be',
  'kk',
  'ky',
  'uz',
  'tg',
  'tk',
  'tr',
  'az',
  'mn',
  'fa',
  'ar',
  'ps',
  'ur',
  'zh',
  'bn',
  'hi',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'ka',
  'hy',
];

/** Uzbek in Cyrillic: i18n-iso-countries has the Latin names, the letters map one to one. */
const UZ_LATIN_TO_CYRILLIC: [RegExp, string][] = [
  [/o[ʻ'‘’`]/g, 'ў'],
  [/g[ʻ'‘’`]/g, 'ғ'],
  [/O[ʻ'‘’`]/g, 'Ў'],
  [/G[ʻ'‘’`]/g, 'Ғ'],
  [/sh/g, 'ш'],
  [/Sh/g, 'Ш'],
  [/ch/g, 'ч'],
  [/Ch/g, 'Ч'],
  [/yo/g, 'ё'],
  [/Yo/g, 'Ё'],
  [/yu/g, 'ю'],
  [/Yu/g, 'Ю'],
  [/ya/g, 'я'],
  [/Ya/g, 'Я'],
];
const UZ_LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'ҳ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
};

export function uzbekCyrillic(latin: string): string {
  let s = latin;
  for (const [re, c] of UZ_LATIN_TO_CYRILLIC) s = s.replace(re, c);
  return s.replace(/[A-Za-z]/g, (ch) => {
    const c = UZ_LETTERS[ch.toLowerCase()];
    if (!c) return ch;
    return ch === ch.toLowerCase() ? c : c.toUpperCase();
  });
}

/** Languages that put endings on names (Turkic, Slavic, Iranian, Indic …): their names are matched by stem. */
export const INFLECTING = new Set(['ru', 'uk', 'be', 'kk', 'ky', 'uz', 'tg', 'tk', 'tr', 'az', 'mn', 'fa', 'ar', 'ps', 'ur', 'bn', 'hi', 'ka', 'hy', 'de']);

export interface ForeignName {
  name: string;
  lang: string;
}

/** alpha-3 → the country's names in the loaded languages (commas and brackets dropped); yields after each language. */
export function* countryNamesByLanguage(): Generator<void, Map<string, ForeignName[]>> {
  const require = createRequire(import.meta.url);
  const iso = require('i18n-iso-countries') as { alpha2ToAlpha3: (a: string) => string | undefined };
  const out = new Map<string, ForeignName[]>();
  for (const lang of LANGS) {
    yield;
    const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
    for (const [alpha2, value] of Object.entries(countries)) {
      const alpha3 = iso.alpha2ToAlpha3(alpha2);
      if (!alpha3) continue;
      // trimmed: the data has stray spaces ("Özbegistan ")
      const names = (Array.isArray(value) ? value : [value]).map((n) => n.trim()).filter((n) => !/[,()]/.test(n));
      if (lang === 'uz') names.push(...names.map(uzbekCyrillic));
      const list = out.get(alpha3) ?? [];
      for (const name of names) if (!list.some((x) => x.name === name)) list.push({ name, lang });
      out.set(alpha3, list);
    }
  }
  return out;
}

/** The "-stan" suffix in the scripts the region writes; the name before it is the people's. */
const STAN = /(?:istan|iston|ystan|stan|ыстан|истан|истон|стан|ستان|斯坦)$/iu;

/** "Uzbekistan" → "Uzbek", "Таджикистан" → "Таджик", "ازبکستان" → "ازبک", "哈萨克斯坦" → "哈萨克". */
export function peopleStem(name: string): string | null {
  if (/\s/.test(name) || !STAN.test(name)) return null;
  const stem = name.replace(STAN, '');
  const han = /\p{Script=Han}/u.test(stem);
  return stem.length >= (han ? 3 : 5) ? stem : null;
}

export const isHan = (s: string) => /\p{Script=Han}/u.test(s);
export const isArabicScript = (s: string) => /\p{Script=Arabic}/u.test(s);

const SCRIPTS = ['Cyrillic', 'Arabic', 'Bengali', 'Devanagari', 'Georgian', 'Armenian', 'Latin'] as const;
const SCRIPT_OF = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u'), new RegExp(`^['’\u200c]?[\\p{Script=${s}}\\p{M}\u200c]+$`, 'u')] as const);

/**
 * The letters after a name's stem that make an inflected form: up to seven, of the stem's own
 * script (Cyrillic case endings, Turkish suffixes after an apostrophe or directly, Persian and
 * Bengali endings with their vowel signs).
 */
export function inflectionOf(stem: string, rest: string): boolean {
  if (rest.length === 0) return true;
  if (rest.length > 7) return false;
  const script = SCRIPT_OF.find(([, has]) => has.test(stem.slice(-1)));
  return script?.[2].test(rest) === true;
}

/** Arabic clitics before a name: "وكازاخستان", "بطاجيكستان", "لأوزبكستان"; the article "ال" after them. */
export function withoutClitics(token: string): string {
  return token.replace(/^(?:[وفبلك]|و[بل])(?=\p{Script=Arabic}{4})/u, '');
}
