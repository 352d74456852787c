/**
 * Reads a corpus.json a piece at a time: a byte scanner finds each element of "articles" and
 * only that element is decoded and parsed. The whole file is never one string, so a corpus
 * larger than V8's longest string (about 512 MB) loads, and peak memory is the articles plus
 * one chunk rather than the articles plus the file twice (bytes and text).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Article } from '../corpus/types.js';
import { articleProblem, noRepairs, repairArticle, shellProblem, type Repaired } from '../corpus/validate.js';
import { internArticle, makeInterner } from '../corpus/intern.js';
import { MentionColumns, mentionsFromColumns } from '../corpus/mentionColumns.js';
import { firstLine } from '../text/firstLine.js';

export type Streamed = { ok: true; articles: Article[]; repaired: Repaired } | { ok: false; reason: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class Bad extends Error {}

/**
 * Parses the corpus file at `file`. `chunkBytes` is how much is read at a time (tests make
 * it tiny so every element spans chunks).
 */
export function streamCorpusFile(file: string, chunkBytes = 8 << 20): Streamed {
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).size === 0) return { ok: false, reason: 'empty file' };
    return scan(fd, chunkBytes);
  } catch (e) {
    if (e instanceof Bad) return { ok: false, reason: e.message };
    throw e;
  } finally {
    closeSync(fd);
  }
}

function scan(fd: number, chunkBytes: number): Streamed {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (bytes: Uint8Array) => {
    try {
      return utf8.decode(bytes);
    } catch {
      throw new Bad('not valid UTF-8 (convert it to UTF-8 first)');
    }
  };
  const intern = makeInterner();
  let mentions = new MentionColumns();
  let articles: Article[] = [];
  let repaired = noRepairs();
  // bytes outside the articles array, with "[]" in its place: parsed at the end for the version
  const shell: Uint8Array[] = [];

  let buf = Buffer.alloc(Math.max(16, chunkBytes));
  let len = 0; // bytes of buf in use
  let base = 0; // file offset of buf[0], for messages
  let pos = 0; // next byte to scan

  let depth = 0;
  let inString = false;
  let stringStart = 0; // first byte inside the quotes
  let expectKey = false; // at depth 1: the next string is a key
  let lastKey: string | null = null;
  let arrayDepth = -1; // depth inside the articles array, once found
  let elementStart = -1;
  let afterElement = false; // in the array: an element ended, a comma or ] must follow
  let afterComma = false; // in the array: a comma came, an element must follow
  let shellFrom = 0; // start of shell bytes not yet copied; -1 inside the articles array

  const where = (i: number) => `at byte ${base + i + 1}`;
  const notJson = (i: number, what: string) => new Bad(`not valid JSON (${what} ${where(i)})`);

  const fill = (): boolean => {
    // what is still needed (the element or string being read) moves to the front; more is read after it
    const from = Math.min(pos, elementStart >= 0 ? elementStart : Infinity, inString ? stringStart - 1 : Infinity);
    if (shellFrom >= 0) {
      if (shellFrom < len) shell.push(Buffer.from(buf.subarray(shellFrom, len)));
      shellFrom = len;
    }
    const carried = len - from;
    if (carried + chunkBytes > buf.length) {
      const bigger = Buffer.alloc(Math.max(buf.length * 2, carried + chunkBytes));
      buf.copy(bigger, 0, from, len);
      buf = bigger;
    } else buf.copy(buf, 0, from, len);
    base += from;
    pos -= from;
    len = carried;
    if (shellFrom >= 0) shellFrom -= from;
    if (elementStart >= 0) elementStart -= from;
    if (inString) stringStart -= from;
    const n = readSync(fd, buf, len, Math.min(chunkBytes, buf.length - len), null);
    if (n === 0) return false;
    const fresh = buf.subarray(len, len + n);
    if (fresh.includes(0)) throw new Bad('binary file (contains NUL bytes)');
    len += n;
    return true;
  };

  const jsonString = (raw: string, at: number): string => {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      throw notJson(at, 'bad escape in a key');
    }
  };

  const endElement = (end: number) => {
    const bytes = buf.subarray(elementStart, end + 1);
    let value: unknown;
    try {
      value = JSON.parse(decode(bytes));
    } catch (e) {
      if (e instanceof Bad) throw e;
      throw new Bad(`not valid JSON (article ${articles.length + 1}: ${firstLine(e)})`);
    }
    const problem = articleProblem(value);
    if (problem) throw new Bad(`article ${articles.length + 1}: ${problem}`);
    const article = repairArticle(value as Article, repaired);
    // mentions as columns when they are exactly mentions (most of a corpus's objects)
    const at = Array.isArray(article.mentions) ? mentions.add(article.mentions) : null;
    if (at) mentionsFromColumns(article, mentions, at.start, at.end);
    articles.push(internArticle(article, intern, !at));
    elementStart = -1;
    afterElement = true;
  };

  for (;;) {
    if (pos >= len && !fill()) break;
    if (inString) {
      // long strings are most of the bytes: jump from quote to quote
      const q = buf.indexOf(QUOTE, pos);
      if (q < 0 || q >= len) {
        pos = len;
        continue;
      }
      let slashes = 0;
      for (let k = q - 1; k >= stringStart && buf[k] === BACKSLASH; k--) slashes++;
      pos = q + 1;
      if (slashes % 2 === 1) continue;
      inString = false;
      if (depth === 1 && expectKey) {
        // a key is read as JSON.parse reads it: "\u0061rticles" is "articles"
        const raw = buf.subarray(stringStart, q);
        lastKey = raw.includes(BACKSLASH) ? jsonString(decode(raw), q) : decode(raw);
        expectKey = false;
      }
      continue;
    }
    const c = buf[pos]!;
    if (arrayDepth >= 0 && depth === arrayDepth && elementStart < 0) {
      // between elements of the articles array: only objects, commas and the closing bracket
      if (isSpace(c)) {
        pos++;
        continue;
      }
      if (c === COMMA && afterElement) {
        afterElement = false;
        afterComma = true;
      } else if (c === OPEN_OBJ && !afterElement) {
        afterComma = false;
        elementStart = pos;
        depth++;
      } else if (c === CLOSE_ARR && !afterComma) {
        depth--;
        shellFrom = pos + 1;
        arrayDepth = -2; // done: nothing after this is an article
      } else if (c === COMMA || c === CLOSE_ARR) throw notJson(pos, `unexpected "${String.fromCharCode(c)}"`);
      else if (afterElement) throw notJson(pos, 'expected "," or "]"');
      else throw new Bad(`article ${articles.length + 1}: not an object`);
      pos++;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      stringStart = pos + 1;
    } else if (c === OPEN_OBJ || c === OPEN_ARR) {
      depth++;
      if (depth === 1 && c !== OPEN_OBJ) throw new Bad('not a corpus file (expected an object with "articles")');
      if (depth === 1) expectKey = true;
      if (depth === 2 && c === OPEN_ARR && lastKey === 'articles' && arrayDepth < 0) {
        // the array's contents leave the shell; "[]" stands in for them. A later "articles"
        // key wins, as in JSON.parse: what an earlier one held is dropped.
        shell.push(Buffer.from(buf.subarray(shellFrom, pos + 1)), Buffer.from(']'));
        shellFrom = -1;
        arrayDepth = 2;
        afterElement = false;
        afterComma = false;
        if (articles.length) {
          articles = [];
          mentions = new MentionColumns();
          repaired = noRepairs();
        }
      }
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      depth--;
      if (depth < 0) throw notJson(pos, 'unexpected bracket');
      if (elementStart >= 0 && depth === arrayDepth) endElement(pos);
    } else if (c === COMMA && depth === 1) expectKey = true;
    pos++;
  }
  if (inString || depth !== 0 || elementStart >= 0) throw new Bad('not valid JSON (the file ends early)');
  if (shellFrom >= 0 && shellFrom < len) shell.push(Buffer.from(buf.subarray(shellFrom, len)));

  const shellText = decode(Buffer.concat(shell)).trim();
  if (!shellText) throw new Bad('empty file');
  let top: unknown;
  try {
    top = JSON.parse(shellText);
  } catch (e) {
    throw new Bad(`not valid JSON (${firstLine(e)})`);
  }
  const problem = shellProblem(top);
  if (problem) throw new Bad(problem);
  return { ok: true, articles, repaired };
}
