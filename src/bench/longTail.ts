/**
 * The long tail of a news vocabulary, for the generated corpus: real text keeps meeting words
 * it has not seen (names, places, transliterations, typos, other scripts), so its vocabulary
 * grows with its size by Heaps' law, V = K·n^β for n tokens. Anchored on the dev set's true
 * article bodies (test/fixtures/devset-body: 11,909 distinct terms in 58,957 tokens), with
 * β = 0.55, the exponent large news collections show (the 61 pages alone fit β ≈ 0.80, K ≈ 1.9:
 * a few dozen unrelated pages in many languages grow faster than one corpus does): K ≈ 28.4,
 * so 1,000 generated articles hold ~57,000 terms, 10,000 ~200,000 and 100,000 ~700,000.
 */

export const HEAPS_BETA = 0.55;
export const HEAPS_K = 11_909 / 58_957 ** HEAPS_BETA;
/** what the generator's templates say with their own words (its vocabulary without a long tail) */
const TEMPLATE_TERMS = 2500;

const SYLLABLES =
  'ba be bek bo da dil do er fa far ga gul ha ib il is ja jan ka kan kar khan ki ko kul la lo ma mir mu mur na naz ni nur o ra ro rus sa san sha sher so ta tash te tol tur u ul us va yo yu za zar zha zi zo'.split(
    ' ',
  );
const ENDINGS = ['', '', '', 'ov', 'ev', 'bek', 'abad', 'ova', 'zoda', 'iyev', 'kent', 'uly', 'ski', 'ani'];
/** spellings that vary between transliterations: Nazarbayev / Nazarbaev, Khujand / Hujand, Zhanibek / Janibek */
const VARIANTS: [RegExp, string][] = [
  [/ye/, 'e'],
  [/ay/, 'a'],
  [/kh/, 'h'],
  [/zh/, 'j'],
  [/dj|j/, 'dzh'],
  [/o/, 'u'],
  [/iy/, 'i'],
  [/u/, 'ou'],
  [/q/, 'k'],
  [/sh/, 'ch'],
];
/** Latin → Cyrillic, digraphs first */
const CYRILLIC = 'sh:ш zh:ж kh:х ch:ч yo:ё yu:ю ya:я a:а b:б d:д e:е f:ф g:г h:ҳ i:и j:дж k:к l:л m:м n:н o:о p:п q:қ r:р s:с t:т u:у v:в y:й z:з'
  .split(' ')
  .map((p) => p.split(':') as [string, string]);
const ARABIC: Record<string, string> = Object.fromEntries(
  'a:ا b:ب d:د e:ي f:ف g:گ h:ه i:ي j:ج k:ک l:ل m:م n:ن o:و r:ر s:س t:ت u:و v:و y:ی z:ز'.split(' ').map((p) => p.split(':')),
);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function toCyrillic(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const pair = CYRILLIC.find(([l]) => latin.startsWith(l, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else out += latin[i++];
  }
  return out;
}

const toArabic = (latin: string) => [...latin].map((c) => ARABIC[c] ?? '').join('');

export interface LongTail {
  /** the sentences to add to an article of `tokens` words: new words where Heaps' law wants them, and words met before */
  sentencesFor(tokens: number): string[];
  /** distinct long-tail words made so far */
  size(): number;
}

/** `common`: ordinary words of the templates, which typos are made of. */
export function longTail(rnd: () => number, common: string[]): LongTail {
  const made: string[] = [];
  const seen = new Set<string>();
  const names: string[] = [];
  let counter = 0;
  let tokens = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // a name no one has used: the counter's digits in syllables, so that names never run out
  const freshName = () => {
    let c = counter++;
    let s = '';
    do {
      s += SYLLABLES[c % SYLLABLES.length];
      c = Math.floor(c / SYLLABLES.length);
    } while (c > 0);
    return s + pick(SYLLABLES) + pick(ENDINGS);
  };
  const typo = (w: string) => {
    const at = 1 + Math.floor(rnd() * (w.length - 1));
    const kind = rnd();
    const ch = 'aeiourstnl'[Math.floor(rnd() * 10)]!;
    return kind < 0.33
      ? w.slice(0, at) + w.slice(at + 1)
      : kind < 0.66
        ? w.slice(0, at) + ch + w.slice(at)
        : w.slice(0, at - 1) + w[at] + w[at - 1] + w.slice(at + 1);
  };
  const next = (): string | null => {
    const r = rnd();
    if (r < 0.45 || names.length === 0) {
      const name = freshName();
      names.push(name);
      return capitalise(name);
    }
    if (r < 0.6) {
      const [re, to] = pick(VARIANTS);
      const variant = pick(names).replace(re, to);
      return capitalise(variant);
    }
    if (r < 0.75) return typo(pick(common));
    if (r < 0.9) return capitalise(toCyrillic(freshName()));
    return toArabic(freshName());
  };
  const add = (): string | null => {
    for (let tries = 0; tries < 4; tries++) {
      const w = next();
      if (!w || w.length < 3) continue;
      const key = w.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      made.push(w);
      return w;
    }
    return null;
  };
  const sentence = (words: string[]): string => {
    const script = /[\u0600-\u06FF]/.test(words[0]!) ? 'arabic' : /[\u0400-\u04FF]/.test(words[0]!) ? 'cyrillic' : 'latin';
    const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
    if (script === 'arabic') return `وذكرت التقارير المحلية ${words.join(' و')}.`;
    if (script === 'cyrillic') return `В местных сообщениях упоминались ${words.join(', ')}.`;
    return `Local reports also named ${list}.`;
  };
  return {
    size: () => made.length,
    sentencesFor(articleTokens) {
      tokens += articleTokens;
      const target = Math.max(0, Math.round(HEAPS_K * tokens ** HEAPS_BETA) - TEMPLATE_TERMS);
      const words: string[] = [];
      while (made.length < target) {
        const w = add();
        if (!w) break;
        words.push(w);
      }
      // words met before come back, the early ones most (a long tail has its regulars too)
      const repeats = made.length ? 3 + Math.floor(words.length * 0.6) : 0;
      for (let r = 0; r < repeats; r++) words.push(made[Math.floor(made.length * rnd() ** 2)]!);
      tokens += words.length;
      // grouped by script, four or five to a sentence
      const byScript = new Map<string, string[]>();
      for (const w of words) {
        const key = /[\u0600-\u06FF]/.test(w) ? 'a' : /[\u0400-\u04FF]/.test(w) ? 'c' : 'l';
        let group = byScript.get(key);
        if (!group) byScript.set(key, (group = []));
        group.push(w);
      }
      const out: string[] = [];
      for (const group of byScript.values()) for (let i = 0; i < group.length; i += 5) out.push(sentence(group.slice(i, i + 5)));
      return out;
    },
  };
}
