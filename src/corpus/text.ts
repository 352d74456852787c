/** Small text predicates shared by the parser's rules. Script-agnostic where it can be. */

export interface Line {
  /** 1-based line number in the source file */
  no: number;
  /** the line with its horizontal whitespace tidied; wording untouched */
  text: string;
}

/**
 * Splits a document into lines: CRLF and CR become LF, a BOM is dropped, no-break and other
 * horizontal spaces become plain spaces, runs of spaces collapse and ends are trimmed.
 */
export function toLines(text: string): Line[] {
  const body = text.replace(/^\uFEFF/, '').normalize('NFC');
  return body.split(/\r\n|\r|\n|\u2028|\u2029/).map((raw, i) => ({ no: i + 1, text: tidySpaces(raw) }));
}

/**
 * Runs of horizontal space that are not already one plain space (a tab, a no-break space, two
 * spaces): what `[…]+` → " " changes, found without replacing every single space between words
 * (4× quicker on article text; test/properties.test.ts checks it against the plain rule).
 */
const UNTIDY_SPACE = / ?(?:[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2,})[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]*/g;

export function tidySpaces(s: string): string {
  return s.replace(UNTIDY_SPACE, ' ').trim();
}

/** Every run of white space (\s) as one space, where it is not one already: `s.replace(/\s+/g, ' ')`, quicker. */
const UNTIDY_WHITE = / ?(?:[^\S ]| {2,})\s*/g;

export function oneSpaced(s: string): string {
  return s.replace(UNTIDY_WHITE, ' ');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

export function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words as a reader counts them: scripts written without spaces count about two characters a word. */
export function wordCount(s: string): number {
  const cjk = s.match(CJK)?.length ?? 0;
  if (cjk === 0) return words(s).length;
  return words(s.replace(CJK, ' ')).length + Math.ceil(cjk / 2);
}

/** Ends like a sentence: . ! ? … or a closing quote/bracket after one, in any script. */
export function endsSentence(s: string): boolean {
  return /[.!?…。！？؟۔]["'”’»)\]]*$/u.test(s);
}

export function hasSentencePunctuation(s: string): boolean {
  // a CJK full stop needs no space after it
  return /[.!?؟۔](\s|["'”’»)\]]|$)|[。！？]/u.test(s);
}

/**
 * A line that reads as running text: long enough and with sentence punctuation
 * (jusText's 70-character "short" limit).
 */
export function isProse(s: string): boolean {
  if (s.length >= 70) return hasSentencePunctuation(s) && wordCount(s) >= 10;
  // CJK packs a sentence into fewer characters
  return s.length >= 25 && wordCount(s) >= 12 && /[。！？]/u.test(s);
}

/** A row of a table of figures: "4     Denny Hamlin           5027         6      3     19      24". */
export function isTableRow(s: string): boolean {
  const tokens = s.split(/\s+/);
  if (tokens.length < 4 || s.length > 200) return false;
  const numbers = tokens.filter((t) => /^[-+]?\d[\d.,:%]*$/.test(t)).length;
  return numbers >= 3 && numbers >= tokens.length * 0.4 && !/[.!?]\s+\p{Lu}/u.test(s);
}

/** First letter is uppercase, or the script has no case. */
export function startsCapitalised(s: string): boolean {
  const m = s.match(/\p{L}/u);
  if (!m) return false;
  const ch = m[0];
  return ch !== ch.toLowerCase() || ch === ch.toUpperCase();
}

/** Key under which a line is compared across documents: case, digits, quotes and spacing folded. */
export function lineKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\d/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
