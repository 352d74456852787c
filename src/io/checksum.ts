/**
 * The checksum of a snapshot's binary files and text blocks: CRC-32 (zlib's, native, ~5 GB/s
 * where SHA-256 runs at ~0.45 GB/s on the development machine). These files are a cache,
 * rebuilt from the corpus when damaged; what the check is for is a file cut short or bytes
 * flipped on the disk, which a CRC finds, not a forger. The sealed JSON keeps its SHA-256.
 */
import { crc32 } from 'node:zlib';

export function checksumOf(bytes: Uint8Array, previous?: number): number {
  return crc32(bytes, previous);
}

/** As written in meta.json: eight hex digits. */
export const checksumHex = (value: number): string => value.toString(16).padStart(8, '0');
