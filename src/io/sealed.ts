/**
 * Cache files that prove they are whole: the text, then a last line with its SHA-256. A file
 * cut short, with flipped bytes or edited by hand fails the check and is treated as missing
 * (and said to be damaged), never read as data.
 */
import { createHash, type Hash } from 'node:crypto';

const TAG = '\nsha256:';

export function seal(text: string): string {
  return `${text}${TAG}${createHash('sha256').update(text, 'utf8').digest('hex')}\n`;
}

/** The text a sealed file holds, or null when it is not exactly what was sealed. */
export function unseal(bytes: Buffer): string | null {
  const end = bytes.length - 1;
  if (end < 0 || bytes[end] !== 0x0a) return null;
  const at = bytes.lastIndexOf(TAG, end);
  if (at < 0 || end - (at + TAG.length) !== 64) return null;
  const want = bytes.toString('latin1', at + TAG.length, end);
  const body = bytes.subarray(0, at);
  if (createHash('sha256').update(body).digest('hex') !== want) return null;
  return body.toString('utf8');
}

/** For a file written in pieces: hash what is put, then the seal line. */
export class Sealer {
  private hash: Hash = createHash('sha256');
  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }
  line(): Buffer {
    return Buffer.from(`${TAG}${this.hash.digest('hex')}\n`, 'latin1');
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
