/**
 * 64-bit Charikar simhash over word 3-shingles (trafilatura's content fingerprint), held as
 * two 32-bit halves. Near-duplicate texts differ in few bits.
 */
import { words } from './text.js';
import { unionFind } from './unionFind.js';

export type Simhash = readonly [number, number];

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

export function simhash(text: string): Simhash {
  // each word is hashed once; a shingle's hash combines its three words' hashes by position
  const ws = words(text.toLowerCase()).map((w) => fnv1a(w, 0x811c9dc5));
  const acc = new Int32Array(64);
  const n = Math.max(1, ws.length - 2);
  for (let i = 0; i < n; i++) {
    const a = ws[i] ?? 0;
    const b = ws[i + 1] ?? 0x9e3779b9;
    const c = ws[i + 2] ?? 0x7f4a7c15;
    const lo = fmix(a ^ rotl(b, 11) ^ rotl(c, 22));
    const hi = fmix(Math.imul(a, 0x9e3779b1) ^ rotl(b, 5) ^ rotl(c, 17) ^ 0x5bd1e995);
    for (let b = 0; b < 32; b++) {
      acc[b]! += (lo >>> b) & 1 ? 1 : -1;
      acc[b + 32]! += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (acc[b]! > 0) lo |= 1 << b;
    if (acc[b + 32]! > 0) hi |= 1 << b;
  }
  return [lo >>> 0, hi >>> 0];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hamming(a: Simhash, b: Simhash): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}

/**
 * Groups fingerprints that lie within `maxDistance` bits of each other (single linkage).
 * With maxDistance ≤ 3, two near-duplicates agree on at least one of four 16-bit bands, so
 * only fingerprints sharing a band are compared: close to linear in the number of texts.
 * Returns, for each input, the index of its group's first member.
 */
export function clusterBySimhash(hashes: Simhash[], maxDistance = 3): number[] {
  const { find, union } = unionFind(hashes.length);
  for (let band = 0; band < 4; band++) {
    const buckets = new Map<number, number[]>();
    hashes.forEach((h, i) => {
      const key = (band < 2 ? h[0] >>> (band * 16) : h[1] >>> ((band - 2) * 16)) & 0xffff;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const a = list[x]!;
          const b = list[y]!;
          if (find(a) !== find(b) && hamming(hashes[a]!, hashes[b]!) <= maxDistance) union(a, b);
        }
    }
  }
  return hashes.map((_, i) => find(i));
}
