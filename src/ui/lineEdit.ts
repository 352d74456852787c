/**
 * A line being edited at a prompt (the filter, a note), with the keys of readline: a cursor
 * moved by character, word or to either end, and text killed before or after it or by the
 * word. Pure; the cursor is a string offset that always sits between graphemes.
 */
import { width } from './textWidth.js';

export interface LineEdit {
  text: string;
  cursor: number;
}

export type EditOp = 'left' | 'right' | 'home' | 'end' | 'wordLeft' | 'wordRight' | 'erase' | 'delete' | 'killLeft' | 'killRight' | 'killWord';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WORDY = /[\p{L}\p{N}\p{M}]/u;

/** Grapheme boundaries of `text`, 0 and its length included. */
function boundaries(text: string): number[] {
  const out = [0];
  for (const { index, segment } of graphemes.segment(text)) out.push(index + segment.length);
  return out;
}

const before = (text: string, at: number) => boundaries(text).findLast((b) => b < at) ?? 0;
const after = (text: string, at: number) => boundaries(text).find((b) => b > at) ?? text.length;

/** Where the word before the cursor starts (readline's Alt-B and Ctrl-W: spaces and marks skipped first). */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !WORDY.test(text[i - 1]!)) i--;
  while (i > 0 && WORDY.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !WORDY.test(text[i]!)) i++;
  while (i < text.length && WORDY.test(text[i]!)) i++;
  return i;
}

export function lineOf(text: string): LineEdit {
  return { text, cursor: text.length };
}

export function insert(e: LineEdit, typed: string): LineEdit {
  return { text: e.text.slice(0, e.cursor) + typed + e.text.slice(e.cursor), cursor: e.cursor + typed.length };
}

export function edit(e: LineEdit, op: EditOp): LineEdit {
  const { text, cursor } = e;
  const cut = (from: number, to: number, at: number): LineEdit => ({ text: text.slice(0, from) + text.slice(to), cursor: at });
  switch (op) {
    case 'left':
      return { text, cursor: before(text, cursor) };
    case 'right':
      return { text, cursor: after(text, cursor) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'wordLeft':
      return { text, cursor: wordStart(text, cursor) };
    case 'wordRight':
      return { text, cursor: wordEnd(text, cursor) };
    case 'erase':
      return cursor === 0 ? e : cut(before(text, cursor), cursor, before(text, cursor));
    case 'delete':
      return cursor === text.length ? e : cut(cursor, after(text, cursor), cursor);
    case 'killLeft':
      return cut(0, cursor, 0);
    case 'killRight':
      return cut(cursor, text.length, cursor);
    case 'killWord': {
      const start = wordStart(text, cursor);
      return cut(start, cursor, start);
    }
  }
}

/**
 * What of the line fits `columns` with the cursor (a one-column bar) in view: the part before
 * the cursor and after it, scrolled so that the cursor stays on screen, "…" where cut.
 */
export function visibleLine(e: LineEdit, columns: number): { before: string; after: string } {
  const head = e.text.slice(0, e.cursor);
  const tail = e.text.slice(e.cursor);
  const room = Math.max(2, columns - 1);
  if (width(head) + width(tail) <= room) return { before: head, after: tail };
  // keep the cursor about two thirds along, the rest of the room after it
  let b = head;
  const keepBefore = Math.max(1, Math.min(width(head), Math.floor((room * 2) / 3)));
  if (width(b) > keepBefore) {
    const cuts = boundaries(b);
    let k = 0;
    while (k < cuts.length && width('…' + b.slice(cuts[k]!)) > keepBefore) k++;
    b = '…' + b.slice(cuts[Math.min(k, cuts.length - 1)]!);
  }
  let a = tail;
  const keepAfter = Math.max(0, room - width(b));
  if (width(a) > keepAfter) {
    const cuts = boundaries(a);
    let k = cuts.length - 1;
    while (k > 0 && width(a.slice(0, cuts[k]!) + '…') > keepAfter) k--;
    a = keepAfter === 0 ? '' : a.slice(0, cuts[k]!) + '…';
  }
  return { before: b, after: a };
}
