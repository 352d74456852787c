/**
 * A document's lines and what the parser has decided about each one. The stages of the
 * parser (boilerplate, header, body) read and mark a Page; every non-blank line ends up as
 * the title, part of a paragraph (still open at the end), or removed with a reason.
 */
import { isHardWrapped } from './paragraphs.js';
import { isProse, toLines, type Line } from './text.js';

export type Status = { kind: 'removed'; reason: string; terminator?: boolean } | { kind: 'meta'; reason: string } | { kind: 'title' };

/** Metadata is looked for within the first lines of a page, not in the middle of a long list. */
export const HEADER_LINES = 40;

export class Page {
  readonly lines: Line[];
  readonly status: (Status | undefined)[];
  /** indices of the non-blank lines, in order */
  readonly nonBlank: number[];
  /** the first line of the article's main run of prose, once mainText.ts has found it */
  mainStart: number | undefined;
  /** whether the text is wrapped at a fixed width (decided once, on first need) */
  private hardWrapped: boolean | undefined;

  constructor(text: string) {
    this.lines = toLines(text);
    this.status = new Array(this.lines.length);
    this.nonBlank = this.lines.map((_, i) => i).filter((i) => this.lines[i]!.text !== '');
  }

  text(i: number): string {
    return this.lines[i]!.text;
  }

  /** not yet decided: still a candidate for the body */
  open(i: number): boolean {
    return this.status[i] === undefined;
  }

  remove(i: number, reason: string, terminator?: boolean): void {
    this.status[i] = { kind: 'removed', reason, terminator };
  }

  reasonOf(i: number): string | null {
    const s = this.status[i];
    return s && s.kind !== 'title' ? s.reason : null;
  }

  /** Where the running text starts: the first open line of prose, within the header limit. */
  bodyStart(): number {
    // once the main text is found, the header is what stands just above it
    const base = this.mainStart === undefined ? 0 : Math.max(0, this.nonBlank.indexOf(this.mainStart) - HEADER_LINES);
    const limit = this.nonBlank[base + HEADER_LINES] ?? this.lines.length;
    return Math.min(limit, this.nonBlank.find((i) => i < limit && this.open(i) && isProse(this.runOn(i))) ?? this.lines.length);
  }

  /**
   * The line with the lines it wraps onto: a hard-wrapped paragraph ("…joint exercises in" /
   * "Kulyab on Friday…") reads as one. Wrapped lines are all of a moderate width.
   */
  runOn(i: number): string {
    let text = this.text(i);
    this.hardWrapped ??= isHardWrapped(this.openBlocks());
    if (!this.hardWrapped) return text;
    const wrapped = (j: number) => this.lines[j] !== undefined && this.lines[j]!.text.length >= 30 && this.lines[j]!.text.length <= 90 && this.open(j);
    if (!wrapped(i)) return text;
    let j = i + 1;
    for (; text.length < 300 && wrapped(j); j++) text += ` ${this.text(j)}`;
    // the paragraph's last line is as short as it happens to be ("terrorist attacks.")
    const tail = this.lines[j];
    if (text.length < 300 && tail && tail.text.length > 0 && tail.text.length < 30 && this.open(j)) text += ` ${this.text(j)}`;
    return text;
  }

  /** Runs of consecutive open lines: the blocks that become paragraphs. */
  openBlocks(): Line[][] {
    const blocks: Line[][] = [];
    let current: Line[] = [];
    this.lines.forEach((line, i) => {
      if (this.open(i) && line.text !== '') current.push(line);
      else if (current.length) {
        blocks.push(current);
        current = [];
      }
    });
    if (current.length) blocks.push(current);
    return blocks;
  }
}
