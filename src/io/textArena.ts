/**
 * A snapshot's paragraphs, read from its text file when an article is read rather than all
 * at open: a later open of 100,000 articles would otherwise read and hash most of a
 * gigabyte before the list shows, and hold it all. The file is checked a block at a time,
 * against the checksum the snapshot recorded for each block, the first time a block is read;
 * a block that fails is never decoded as text: the read throws a one-line UserError and the
 * caller's `onDamage` removes the snapshot, so the next open rebuilds it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checksumHex, checksumOf } from './checksum.js';
import { UserError } from './errors.js';

/** A part of a snapshot read after it was opened (a text block, the mention columns) that is not what was written: said in one line. */
export class DamagedSnapshot extends UserError {
  constructor(readonly reason: string) {
    super(`the corpus's snapshot is damaged (${reason}); it was removed: open the corpus again to rebuild it`);
  }
}

/** Bytes a checksum covers: an article's first read costs one block's read and check (~0.5 ms). */
export const TEXT_BLOCK = 1 << 20;

/** The checksum of each TEXT_BLOCK-sized block of `bytes` fed to it, in order, as hex. */
export class BlockHasher {
  readonly hashes: string[] = [];
  private hash: number | undefined;
  private filled = 0;
  update(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) {
      const take = Math.min(TEXT_BLOCK - this.filled, bytes.length - at);
      this.hash = checksumOf(bytes.subarray(at, at + take), this.hash);
      this.filled += take;
      at += take;
      if (this.filled === TEXT_BLOCK) this.cut();
    }
  }
  /** The hashes, the last (partial) block's included. */
  digest(): string[] {
    if (this.filled > 0) this.cut();
    return this.hashes;
  }
  private cut(): void {
    this.hashes.push(checksumHex(this.hash ?? checksumOf(new Uint8Array(0))));
    this.hash = undefined;
    this.filled = 0;
  }
}

export class TextArena {
  private readonly fd: number;
  private readonly verified: Uint8Array;
  /** one block, read whole to be checked (reused: a buffer a block would be garbage) */
  private readonly whole = Buffer.allocUnsafe(TEXT_BLOCK);
  /** what a read of checked blocks reads into, grown to the longest article */
  private range = Buffer.allocUnsafe(64 << 10);

  constructor(
    file: string,
    readonly size: number,
    private readonly hashes: string[],
    private readonly onDamage: (reason: string) => void,
  ) {
    this.fd = openSync(file, 'r');
    if (fstatSync(this.fd).size !== size) {
      closeSync(this.fd);
      throw new UserError('text.bin has the wrong size');
    }
    if (hashes.length !== Math.ceil(size / TEXT_BLOCK)) {
      closeSync(this.fd);
      throw new UserError('text.bin has the wrong number of checksums');
    }
    this.verified = new Uint8Array(hashes.length);
  }

  /**
   * The texts between consecutive offsets (`offsets[from]` … `offsets[to]`: an article's
   * paragraphs), decoded from one read of the bytes they span. Blocks not yet checked are
   * read whole and checked first; checked ones are read only where the texts lie.
   */
  texts(offsets: ArrayLike<number>, from: number, to: number): string[] {
    const start = offsets[from]!;
    const end = offsets[to]!;
    const out: string[] = [];
    if (end <= start) {
      for (let i = from; i < to; i++) out.push('');
      return out;
    }
    for (let b = Math.floor(start / TEXT_BLOCK); b <= Math.floor((end - 1) / TEXT_BLOCK); b++) if (!this.verified[b]) this.check(b);
    if (this.range.length < end - start) this.range = Buffer.allocUnsafe(2 * (end - start));
    if (this.readAt(this.range, end - start, start) < end - start) {
      this.onDamage('text.bin is cut short');
      throw new DamagedSnapshot('text.bin is cut short');
    }
    for (let i = from; i < to; i++) out.push(this.range.toString('utf8', offsets[i]! - start, offsets[i + 1]! - start));
    return out;
  }

  /** Checks the blocks not yet read, in order, until `budgetMs` has passed; true once all are checked. */
  checkNext(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    for (let b = this.verified.indexOf(0); b >= 0; b = this.verified.indexOf(0, b + 1)) {
      this.check(b);
      if (performance.now() >= until) return this.verified.indexOf(0) < 0;
    }
    return true;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Reads `length` bytes at `position` into buf; how many there were. */
  private readAt(buf: Buffer, length: number, position: number): number {
    let at = 0;
    while (at < length) {
      const n = readSync(this.fd, buf, at, length - at, position + at);
      if (n === 0) break;
      at += n;
    }
    return at;
  }

  private check(b: number): void {
    const length = Math.min(TEXT_BLOCK, this.size - b * TEXT_BLOCK);
    const got = this.readAt(this.whole, length, b * TEXT_BLOCK);
    if (got < length || checksumHex(checksumOf(this.whole.subarray(0, length))) !== this.hashes[b]) {
      const reason = `text.bin block ${b} ${got < length ? 'is cut short' : 'fails its checksum'}`;
      this.onDamage(reason);
      throw new DamagedSnapshot(reason);
    }
    this.verified[b] = 1;
  }
}
