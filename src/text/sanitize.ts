/** Untrusted corpus text on its way to a terminal: no control characters, escapes or bidi overrides. */

// invisible format characters (word joiner, invisible operators, deprecated format controls,
// interlinear annotation) are measured as one column by some width tables and as none by
// terminals: either way a row would come out a column short, so they are treated as unsafe
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** One line of display text: controls become spaces, runs of space collapse. */
export function sanitizeLine(s: string): string {
  return s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

const UNSAFE_ONE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/**
 * Display text that keeps its length: every unsafe code unit becomes one visible U+FFFD and a
 * tab or newline a space, so entity and hit offsets still point at the same characters.
 */
export function neutralize(s: string): string {
  return s.replace(/[\t\n\r]/g, ' ').replace(UNSAFE_ONE, '\uFFFD');
}
