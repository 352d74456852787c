/** Untrusted text on its way to a terminal: no control characters, escapes or bidi overrides. */

// invisible format characters (word joiner, invisible operators, deprecated format controls,
// interlinear annotation) are measured as one column by some width tables and as none by
// terminals: either way a row would come out a column short, so they are treated as unsafe.
/** Every character steppe never sends to a terminal as it is (tests check against this same set). */
export const UNSAFE_CHARS =
  '\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'g');

/** One line of display text: controls become spaces, runs of space collapse. */
export function sanitizeLine(s: string): string {
  return s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

const UNSAFE_ONE = new RegExp(`[${UNSAFE_CHARS.replace('\\u0000-\\u001F', '\\u0000-\\u0008\\u000B-\\u001F')}]`, 'g');

/**
 * Display text that keeps its length: every unsafe code unit becomes one visible U+FFFD and a
 * tab or newline a space, so entity and hit offsets still point at the same characters.
 */
export function neutralize(s: string): string {
  return s.replace(/[\t\n\r]/g, ' ').replace(UNSAFE_ONE, '\uFFFD');
}

/**
 * Whole output of a plain command (tables, warnings, errors, CSV shown on a terminal): every
 * unsafe character, a carriage return included, becomes a visible U+FFFD; line breaks and tabs
 * stay. Names put into one line (a file, an entity) go through sanitizeLine or neutralize
 * first, so that a newline of theirs cannot forge a line of output.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_ONE, '\uFFFD');
}

const JSON_UNSAFE = new RegExp(`[${UNSAFE_CHARS.replace('\\u0000-\\u001F', '')}\\u2028\\u2029]`, 'g');

/**
 * JSON.stringify, with every character a terminal could act on written as a \\u escape
 * (JSON.stringify escapes C0 controls only): the same data for any JSON reader, and safe to
 * print. Used for every JSON steppe writes.
 */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
