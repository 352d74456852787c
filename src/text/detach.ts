/**
 * A copy of a string that holds its own characters. V8 keeps a slice of a string (a regexp
 * match, `slice`, `trim`) as a view on the whole: a short figure snippet kept for the session
 * would keep its whole paragraph alive, and over a large corpus whose text is otherwise read
 * and dropped (a snapshot's), most of the corpus.
 */
export function detach(s: string): string;
export function detach(s: string | null): string | null;
export function detach(s: string | null): string | null {
  return s === null ? null : Buffer.from(s, 'utf8').toString('utf8');
}
