/** corpus.json on disk: read with a clear reason on failure, write completely or not at all. */
import { toJson } from '../text/sanitize.js';
import { open, readFile } from 'node:fs/promises';
import { decodeBytes } from '../corpus/decode.js';
import type { Corpus, Warning } from '../corpus/types.js';
import { repairMessages, validateCorpus, type Repaired } from '../corpus/validate.js';
import { UserError } from './errors.js';
import { streamCorpusFile, type Streamed } from './corpusStream.js';
import { describeError } from './files.js';
import { writeFileSafely } from './safeWrite.js';
import { firstLine } from '../text/firstLine.js';

export interface ReadCorpus {
  corpus: Corpus;
  /** what was dropped from otherwise good articles (malformed mentions …) */
  warnings: Warning[];
}

const warningsOf = (file: string, r: Repaired): Warning[] => repairMessages(r).map((message) => ({ file, message }));

export async function readCorpusFile(file: string): Promise<ReadCorpus> {
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      if (!(await fh.stat()).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ESPECIAL' });
      head = Buffer.alloc(2);
      await fh.read(head, 0, 2, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new UserError(`${file}: ${describeError(e)}`);
  }
  // UTF-8, the rule, streams an article at a time; UTF-16 files are read whole and converted
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16) {
    let streamed: Streamed;
    try {
      streamed = streamCorpusFile(file);
    } catch (e) {
      throw new UserError(`${file}: ${describeError(e)}`);
    }
    if (!streamed.ok) throw new UserError(`${file}: ${streamed.reason}`);
    return { corpus: { version: 1, articles: streamed.articles }, warnings: warningsOf(file, streamed.repaired) };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UserError(`${file}: ${describeError(e)}`);
  }
  return parseCorpusText(file, bytes);
}

/** A whole corpus.json already in memory (UTF-16 files, standard input). */
export function parseCorpusText(file: string, bytes: Uint8Array): ReadCorpus {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new UserError(`${file}: ${decoded.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${firstLine(e)})`);
  }
  const v = validateCorpus(json);
  if (!v.ok) throw new UserError(`${file}: ${v.reason}`);
  return { corpus: v.corpus, warnings: warningsOf(file, v.repaired) };
}

/**
 * What the start of a text says it is: a corpus.json (one object with "version" and
 * "articles"), JSON Lines (a whole JSON object on its first line), or neither (a page to parse).
 */
export function corpusKindOf(head: string): 'corpus.json' | 'JSON Lines' | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{')) return null;
  const first = text.split(/\r\n|\r|\n/, 1)[0]!;
  try {
    const v: unknown = JSON.parse(first);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    return 'version' in v && 'articles' in v ? 'corpus.json' : 'JSON Lines';
  } catch {
    return /^\{\s*"(?:version|articles)"/.test(text) ? 'corpus.json' : null;
  }
}

export function serializeCorpus(corpus: Corpus): string {
  return toJson(corpus) + '\n';
}

/** Complete or untouched (see safeWrite): an interrupted or failed run never leaves half a corpus. */
export function writeCorpusFile(file: string, corpus: Corpus): void {
  writeFileSafely(file, serializeCorpus(corpus));
}

/** Any text file, complete or untouched (exports). */
export function writeTextFile(file: string, text: string): void {
  writeFileSafely(file, text);
}
