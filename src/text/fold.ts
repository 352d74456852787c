/** Lowercase with accents and other combining marks removed: the base of ids and match keys. */
export function foldMarks(s: string): string {
  // normalising is the slow part: only text with accented Latin, combining marks or Cyrillic needs it
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a range of combining marks, each one a character here
  return /[\u00C0-\u024F\u0300-\u036F\u0400-\u04FF\u1E00-\u1EFF]/.test(s) ? s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : s.toLowerCase();
}
