/**
 * A frame line as the cells a terminal shows: one per column, each a grapheme with its style,
 * placed as Ink placed it (its width measured by string-width, at least one column; the column
 * a wide character covers after its first is an empty continuation cell).
 */
import { reduceAnsiCodesIncremental, type StyledChar, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { oneColumnEach } from '../textWidth.js';

export type Cell = StyledChar;

export const BLANK: Cell = { type: 'char', value: ' ', fullWidth: false, styles: [] };
const continuation = (styles: Cell['styles']): Cell => ({ type: 'char', value: '', fullWidth: false, styles });

/** What must match for two cells to look the same: the grapheme and every style code. */
export function sameCell(a: Cell, b: Cell): boolean {
  if (a.value !== b.value) return false;
  if (a.styles === b.styles) return true;
  if (a.styles.length !== b.styles.length) return false;
  for (let i = 0; i < a.styles.length; i++) if (a.styles[i]?.code !== b.styles[i]?.code) return false;
  return true;
}

/** A grapheme whose width terminals disagree on (joined, combining, emoji): its row is written whole, as a full repaint would. */
const UNSURE = /\p{Extended_Pictographic}|\p{M}|\u200d|\ufe0f|[\u{1f1e6}-\u{1f1ff}]/u;

/** Whether a text holds a grapheme terminals may measure differently from string-width. */
export const mayMismeasure = (text: string): boolean => UNSURE.test(text);

/** Whether a line is no wider than the terminal (a frame drawn for the old size, just after a resize, is not). */
export function fits(line: string, columns: number): boolean {
  const text = line.includes('\x1b') ? line.replace(/\x1b\[[0-9;]*m/g, '') : line;
  if (text.length > columns * 2) return false;
  return (oneColumnEach(text) ? text.length : stringWidth(text)) <= columns;
}

export interface Row {
  cells: Cell[];
  /** holds a grapheme some terminal may draw wider or narrower than string-width says */
  unsure: boolean;
}

const SGR = /\x1b\[[0-9;]*m/y;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** A style sequence as ansi-tokenize's codes, made once per distinct sequence (a frame has few). */
const codesOf = new Map<string, ReturnType<typeof tokenize>>();

/**
 * The cells of a line. Frames are mostly Latin and Cyrillic text between style sequences, so
 * those are read a code unit at a time; anything else is split into graphemes as Ink did, and
 * a line with an escape that is not a style goes through ansi-tokenize whole.
 */
export function rowOf(line: string, columns: number): Row {
  if (/\x1b(?!\[[0-9;]*m)/.test(line)) return rowFromTokens(line, columns);
  const cells: Cell[] = [];
  let unsure = false;
  let styles: Cell['styles'] = [];
  let at = 0;
  const put = (value: string) => {
    const width = value.length === 1 && oneColumnEach(value) ? 1 : Math.max(1, stringWidth(value));
    if (cells.length + width > columns) return false;
    cells.push({ type: 'char', value, fullWidth: width > 1, styles });
    for (let i = 1; i < width; i++) cells.push(continuation(styles));
    return true;
  };
  while (at < line.length && cells.length < columns) {
    SGR.lastIndex = at;
    const sgr = SGR.exec(line);
    if (sgr) {
      let codes = codesOf.get(sgr[0]);
      if (!codes) {
        codes = tokenize(sgr[0]);
        codesOf.set(sgr[0], codes);
      }
      styles = reduceAnsiCodesIncremental(styles, codes as Cell['styles']);
      at += sgr[0].length;
      continue;
    }
    const next = line.indexOf('\x1b', at);
    const text = line.slice(at, next === -1 ? line.length : next);
    at += text.length;
    if (oneColumnEach(text)) {
      for (let i = 0; i < text.length && cells.length < columns; i++) cells.push({ type: 'char', value: text[i] as string, fullWidth: false, styles });
      continue;
    }
    for (const { segment } of segmenter.segment(text)) {
      unsure ||= UNSURE.test(segment);
      if (!put(segment)) break;
    }
  }
  while (cells.length < columns) cells.push(BLANK);
  return { cells, unsure };
}

/** The general path: ansi-tokenize's reading of every escape. */
function rowFromTokens(line: string, columns: number): Row {
  const cells: Cell[] = [];
  let unsure = false;
  for (const ch of styledCharsFromTokens(tokenize(line))) {
    if (cells.length >= columns) break;
    const width = Math.max(1, stringWidth(ch.value));
    unsure ||= UNSURE.test(ch.value);
    if (cells.length + width > columns) break;
    cells.push(ch);
    for (let i = 1; i < width; i++) cells.push(continuation(ch.styles));
  }
  while (cells.length < columns) cells.push(BLANK);
  return { cells, unsure };
}
