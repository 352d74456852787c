/** corpus.json on disk: read with a clear reason on failure, write atomically. */
import { open, readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { decodeBytes } from '../corpus/decode.js';
import type { Corpus } from '../corpus/types.js';
import { validateCorpus } from '../corpus/validate.js';
import { UserError } from './errors.js';
import { streamCorpusFile, type Streamed } from './corpusStream.js';
import { describeError } from './files.js';


export async function readCorpusFile(file: string): Promise<Corpus> {
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
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
    return { version: 1, articles: streamed.articles };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UserError(`${file}: ${describeError(e)}`);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new UserError(`${file}: ${decoded.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const v = validateCorpus(json);
  if (!v.ok) throw new UserError(`${file}: ${v.reason}`);
  return v.corpus;
}

export function serializeCorpus(corpus: Corpus): string {
  return JSON.stringify(corpus, null, 2) + '\n';
}

/** Writes to a temporary file and renames it: an interrupted run never leaves half a corpus. */
export async function writeCorpusFile(file: string, corpus: Corpus): Promise<void> {
  try {
    await writeFileAtomic(file, serializeCorpus(corpus), { encoding: 'utf8', fsync: true });
  } catch (e) {
    throw new UserError(`${file}: cannot write (${describeError(e)})`);
  }
}

/** Any text file, written atomically (exports). */
export async function writeTextFile(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { encoding: 'utf8', fsync: true });
  } catch (e) {
    throw new UserError(`${file}: cannot write (${describeError(e)})`);
  }
}
