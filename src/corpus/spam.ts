/**
 * SEO spam: strings of keywords with no sentence structure, off the article's topic
 * ("astropay bozdurma paysafe bozdurma …"). Language-agnostic: it looks at punctuation,
 * repetition and whether the words occur anywhere else in the document, not at English
 * stopwords, so a Russian or Kazakh paragraph is never mistaken for spam.
 */
import { hasSentencePunctuation, isTableRow, words } from './text.js';

export function isSpam(line: string, documentVocabulary: Map<string, number>): boolean {
  const tokens = words(line).map((w) => w.toLowerCase());
  // a table's rows repeat their zeros, and they are the text's figures
  if (tokens.length < 4 || hasSentencePunctuation(line) || isTableRow(line)) return false;
  const types = new Set(tokens);
  const separators = (line.match(/[,|•·#;]/g) ?? []).length;
  const lowercase = !/\p{Lu}/u.test(line) && /\p{Ll}/u.test(line);
  const repetitive = types.size / tokens.length <= 0.7;
  const keywordList = separators >= 5 && separators >= tokens.length / 3;
  if (!(repetitive || keywordList || lowercase)) return false;
  // Off topic: almost none of its content words occur elsewhere in the document.
  const inLine = new Map<string, number>();
  for (const t of tokens) inLine.set(t, (inLine.get(t) ?? 0) + 1);
  let shared = 0;
  let content = 0;
  for (const [t, n] of inLine) {
    if (t.length < 3) continue;
    content++;
    if ((documentVocabulary.get(t) ?? 0) > n) shared++;
  }
  return content > 0 && shared / content < 0.25;
}

/** Word counts over a whole document, for the off-topic test. */
export function vocabulary(lines: string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const l of lines)
    for (const w of words(l)) {
      const k = w.toLowerCase();
      v.set(k, (v.get(k) ?? 0) + 1);
    }
  return v;
}
