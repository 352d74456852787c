/**
 * Figures as the dashboard keeps them: a list-like view (`length`, `at`) that a plain array of
 * figures also is, and a store in typed columns for a large corpus, whose millions of figures
 * as objects would cost more memory than the index. A figure is made an object only when read.
 */
import { detach } from '../text/detach.js';
import type { FigureFact } from './figures.js';

export interface Figures {
  readonly length: number;
  at(i: number): FigureFact | undefined;
  /** what at(i) would say, without making the object (the column store has these) */
  countryAt?(i: number): string | null;
  articleAt?(i: number): number;
}

export const countryAt = (f: Figures, i: number): string | null => (f.countryAt ? f.countryAt(i) : f.at(i)!.country);
export const articleAt = (f: Figures, i: number): number => (f.articleAt ? f.articleAt(i) : f.at(i)!.index);

/** The figures as an array (for commands and JSON). */
export function listOf(f: Figures): FigureFact[] {
  return Array.isArray(f) ? f : Array.from({ length: f.length }, (_, i) => f.at(i)!);
}

/** The figures at some positions of another list, in that order. */
export function subsetOf(f: Figures, positions: ArrayLike<number>): Figures {
  return {
    length: positions.length,
    at: (k) => (k >= 0 && k < positions.length ? f.at(positions[k]!) : undefined),
    countryAt: (k) => countryAt(f, positions[k]!),
    articleAt: (k) => articleAt(f, positions[k]!),
  };
}

// per figure, in `ints`: country, qualifier, what, event, speaker, article, year, index, paragraph, start, end
export const FIGURE_STRIDE = 11;
const STRIDE = FIGURE_STRIDE;
const NONE = -1;

/** Figures in typed columns; repeated words (countries, "people", "killed", speakers) kept once. */
export class FigureStore implements Figures {
  ints: Int32Array;
  nums: Float64Array; // low, high
  pool: string[];
  length: number;
  private poolIndex = new Map<string, number>();

  constructor(saved?: { ints: Int32Array; nums: Float64Array; pool: string[]; length: number }) {
    this.ints = saved?.ints ?? new Int32Array(1024 * STRIDE);
    this.nums = saved?.nums ?? new Float64Array(1024 * 2);
    this.pool = saved?.pool ?? [];
    this.length = saved?.length ?? 0;
    this.pool.forEach((s, k) => {
      this.poolIndex.set(s, k);
    });
  }

  private word(s: string | null): number {
    if (s === null) return NONE;
    let k = this.poolIndex.get(s);
    if (k === undefined) {
      // kept all session: it must not keep the paragraph it was cut from alive
      k = this.pool.push(detach(s)) - 1;
      this.poolIndex.set(s, k);
    }
    return k;
  }

  private text(k: number): string | null {
    return k === NONE ? null : this.pool[k]!;
  }

  push(f: FigureFact): void {
    if ((this.length + 1) * STRIDE > this.ints.length) {
      const ints = new Int32Array(this.ints.length * 2);
      ints.set(this.ints);
      this.ints = ints;
      const nums = new Float64Array(this.nums.length * 2);
      nums.set(this.nums);
      this.nums = nums;
    }
    const at = this.length * STRIDE;
    const row = [
      this.word(f.country),
      this.word(f.qualifier),
      this.word(f.what),
      this.word(f.event),
      this.word(f.speaker),
      this.word(f.article),
      f.year ?? NONE,
      f.index,
      f.paragraph,
      f.start,
      f.end,
    ];
    for (let c = 0; c < STRIDE; c++) this.ints[at + c] = row[c]!;
    this.nums[this.length * 2] = f.low;
    this.nums[this.length * 2 + 1] = f.high;
    this.length++;
  }

  at(i: number): FigureFact | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const r = this.ints.subarray(i * STRIDE, (i + 1) * STRIDE);
    return {
      country: this.text(r[0]!),
      low: this.nums[i * 2]!,
      high: this.nums[i * 2 + 1]!,
      qualifier: this.text(r[1]!),
      what: this.text(r[2]!) ?? '',
      event: this.text(r[3]!),
      speaker: this.text(r[4]!),
      year: r[6] === NONE ? null : r[6]!,
      article: this.text(r[5]!) ?? '',
      index: r[7]!,
      paragraph: r[8]!,
      start: r[9]!,
      end: r[10]!,
    };
  }

  countryAt(i: number): string | null {
    return this.text(this.ints[i * STRIDE]!);
  }

  articleAt(i: number): number {
    return this.ints[i * STRIDE + 7]!;
  }

  /**
   * The positions of the figures of member articles, and how many each country has: read
   * from the columns (a corpus of 100,000 articles has millions of figures; a name a figure
   * would be a map lookup each).
   */
  ofMembers(member: Uint8Array): { positions: Int32Array; byCountry: Map<string, number> } {
    const positions = new Int32Array(this.length);
    const perWord = new Int32Array(this.pool.length);
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (member[this.ints[i * STRIDE + 7]!] !== 1) continue;
      positions[n++] = i;
      const country = this.ints[i * STRIDE]!;
      if (country !== NONE) perWord[country]!++;
    }
    const byCountry = new Map<string, number>();
    perWord.forEach((count, word) => {
      if (count && this.pool[word]) byCountry.set(this.pool[word]!, count);
    });
    return { positions: positions.subarray(0, n), byCountry };
  }

  /** The columns trimmed to the figures held, for saving. */
  columns(): { ints: Int32Array; nums: Float64Array; pool: string[]; length: number } {
    return { ints: this.ints.subarray(0, this.length * STRIDE), nums: this.nums.subarray(0, this.length * 2), pool: this.pool, length: this.length };
  }
}
