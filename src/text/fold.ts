/** Lowercase with accents and other combining marks removed: the base of ids and match keys. */
export function foldMarks(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
