/**
 * A copy of a string that holds its own characters. V8 keeps a slice of a string (a regexp
 * match, `slice`, `trim`) as a view on the whole: a few words of a figure kept for the session
 * would keep their whole paragraph alive, and over a large corpus whose text is otherwise read
 * and dropped (a snapshot's), most of the corpus.
 */
export function detach(s: string): string {
  // joined from its units: a fresh string, exact even for a lone surrogate
  return s.split('').join('');
}
