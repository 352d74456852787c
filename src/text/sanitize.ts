/** Untrusted corpus text on its way to a terminal: no control characters, escapes or bidi overrides. */

const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line of display text: controls become spaces, runs of space collapse. */
export function sanitizeLine(s: string): string {
  return s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}
