/**
 * A document's lines and what the parser has decided about each one. The stages of the
 * parser (boilerplate, header, body) read and mark a Page; every non-blank line ends up as
 * the title, part of a paragraph (still open at the end), or removed with a reason.
 */
import { isProse, toLines, type Line } from './text.js';

export type Status =
  | { kind: 'removed'; reason: string; terminator?: boolean }
  | { kind: 'meta'; reason: string }
  | { kind: 'title' };

/** Metadata is looked for within the first lines of a page, not in the middle of a long list. */
const HEADER_LINES = 40;

export class Page {
  readonly lines: Line[];
  readonly status: (Status | undefined)[];
  /** indices of the non-blank lines, in order */
  readonly nonBlank: number[];

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
    const limit = this.nonBlank[HEADER_LINES] ?? this.lines.length;
    return Math.min(limit, this.nonBlank.find((i) => this.open(i) && isProse(this.text(i))) ?? this.lines.length);
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
