/**
 * What to send a terminal to turn the screen it shows into the next frame: the rows that
 * moved by whole lines scrolled inside a scroll region (as less and vim do), then only the
 * changed runs of cells, each reached by a cursor move and written with the fewest style
 * changes. Pure: a screen in, the bytes and the screen after them out.
 */
import { ansiCodesToString, diffAnsiCodes } from '@alcalzone/ansi-tokenize';
import { BLANK, type Cell, fits, type Row, rowOf, sameCell } from './cells.js';

export interface Screen {
  columns: number;
  rows: number;
  /** the frame's lines as Ink wrote them, one a row, '' for a blank row */
  lines: string[];
  /** each line as cells, made when first compared */
  cells: (Row | undefined)[];
}

export interface DiffOptions {
  /** the terminal has scroll regions (DECSTBM) */
  scroll: boolean;
}

const CSI = '\x1b[';
const moveTo = (row: number, column: number) => (column === 0 ? `${CSI}${row + 1}H` : `${CSI}${row + 1};${column + 1}H`);
const ERASE_LINE_END = `${CSI}K`;
/** two runs closer than this are written as one: a cursor move costs about as much */
const GAP = 4;
/** fewer rows than this saved is not worth a scroll region's bytes */
const SCROLL_GAIN = 3;

export function emptyScreen(columns: number, rows: number): Screen {
  return { columns, rows, lines: new Array(rows).fill(''), cells: new Array(rows).fill(undefined) };
}

/** The frame's lines fitted to the terminal: one a row, a frame taller than the terminal cut. */
export function screenOf(frame: string, columns: number, rows: number): Screen {
  const lines = frame.split('\n');
  if (lines.length > rows) lines.length = rows;
  while (lines.length < rows) lines.push('');
  return { columns, rows, lines, cells: new Array(rows).fill(undefined) };
}

const rowAt = (screen: Screen, r: number): Row => {
  let row = screen.cells[r];
  if (!row) {
    row = rowOf(screen.lines[r] ?? '', screen.columns);
    screen.cells[r] = row;
  }
  return row;
};

const isBlank = (cell: Cell) => cell.value === ' ' && cell.styles.length === 0;

/** The index after the last cell that is not a plain space: from there the row is erased, not written. */
function contentEnd(cells: Cell[]): number {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1] as Cell)) end--;
  return end;
}

const sameStyles = (a: Cell['styles'], b: Cell['styles']) => a === b || (a.length === b.length && a.every((c, i) => c.code === b[i]?.code));

/** Cells as text with the fewest style changes, ending with every style closed (ansi-tokenize's styledCharsToString, comparing styles once a change). */
function cellsText(cells: Cell[]): string {
  let out = '';
  let styles: Cell['styles'] = [];
  for (const cell of cells) {
    if (cell.styles !== styles) {
      if (!sameStyles(cell.styles, styles)) out += ansiCodesToString(diffAnsiCodes(styles, cell.styles));
      styles = cell.styles;
    }
    out += cell.value;
  }
  return styles.length > 0 ? out + ansiCodesToString(diffAnsiCodes(styles, [])) : out;
}

/** Cells [from, to) written where the cursor stands, with a final erase when they reach the blank tail. */
function writeCells(cells: Cell[], from: number, to: number): string {
  const end = contentEnd(cells);
  if (to >= cells.length && end < cells.length) {
    return (end > from ? cellsText(cells.slice(from, end)) : '') + ERASE_LINE_END;
  }
  return cellsText(cells.slice(from, to));
}

/**
 * Every row erased and written whole, as Ink wrote it: the first frame, a resize, a redraw, a
 * plain terminal. Nothing is parsed (the rows become cells when first compared).
 */
export function repaint(next: Screen): string {
  let out = '';
  for (let r = 0; r < next.rows; r++) {
    const line = next.lines[r] ?? '';
    // a line wider than the terminal (drawn for its old size) is cut at the margin, as the cells hold it
    out += moveTo(r, 0) + ERASE_LINE_END + (fits(line, next.columns) ? line : writeCells(rowAt(next, r).cells, 0, next.columns));
  }
  return out;
}

/** The changed runs of one row, each widened so a wide character is never written by half. */
function rowRuns(before: Cell[], after: Cell[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < after.length; i++) {
    if (sameCell(before[i] as Cell, after[i] as Cell)) continue;
    const last = runs[runs.length - 1];
    if (last && i - last[1] <= GAP) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  const isPart = (cells: Cell[], i: number) => cells[i]?.value === '';
  for (const run of runs) {
    while (run[0] > 0 && (isPart(after, run[0]) || isPart(before, run[0]))) run[0]--;
    while (run[1] < after.length && (isPart(after, run[1]) || isPart(before, run[1]))) run[1]++;
  }
  return runs;
}

function rowBytes(r: number, before: Row, after: Row): string {
  // a grapheme terminals measure differently: written from the row's start, as a full repaint does
  if (before.unsure || after.unsure) return moveTo(r, 0) + writeCells(after.cells, 0, after.cells.length);
  let out = '';
  let cursor = -1;
  for (const [from, to] of rowRuns(before.cells, after.cells)) {
    out += cursor >= 0 && from > cursor ? `${CSI}${from - cursor === 1 ? '' : from - cursor}C` : moveTo(r, from);
    out += writeCells(after.cells, from, to);
    cursor = to;
  }
  return out;
}

interface Shift {
  top: number;
  bottom: number;
  /** lines the content moved up (positive) or down (negative) */
  by: number;
  gain: number;
}

/** The whole-line move that saves the most rows: content that moved up or down inside a block of rows. */
function bestShift(before: Screen, after: Screen): Shift | undefined {
  let best: Shift | undefined;
  const n = after.rows;
  for (let by = -(n - 1); by <= n - 1; by++) {
    if (by === 0) continue;
    let r = Math.max(0, -by);
    const stop = Math.min(n, n - by);
    while (r < stop) {
      if (after.lines[r] !== before.lines[r + by]) {
        r++;
        continue;
      }
      const start = r;
      let gain = 0;
      while (r < stop && after.lines[r] === before.lines[r + by]) {
        if (after.lines[r] !== before.lines[r]) gain++;
        r++;
      }
      if (gain >= SCROLL_GAIN && gain > (best?.gain ?? 0)) {
        best = by > 0 ? { top: start, bottom: r - 1 + by, by, gain } : { top: start + by, bottom: r - 1, by, gain };
      }
    }
  }
  return best;
}

/** The screen after a shift inside [top, bottom]: lines moved, the rows uncovered blank. */
function shifted(screen: Screen, { top, bottom, by }: Shift): Screen {
  const lines = [...screen.lines];
  const cells = [...screen.cells];
  for (let r = top; r <= bottom; r++) {
    const from = r + by;
    const inside = from >= top && from <= bottom;
    lines[r] = inside ? (screen.lines[from] as string) : '';
    cells[r] = inside ? screen.cells[from] : { cells: new Array(screen.columns).fill(BLANK), unsure: false };
  }
  return { ...screen, lines, cells };
}

/** A scroll region set, the lines fed at its bottom (or reversed at its top), the region reset. */
function scrollBytes({ top, bottom, by }: Shift): string {
  const region = `${CSI}${top + 1};${bottom + 1}r`;
  const feed = by > 0 ? moveTo(bottom, 0) + '\n'.repeat(by) : moveTo(top, 0) + '\x1bM'.repeat(-by);
  return `${CSI}0m${region}${feed}${CSI}r`;
}

/** The bytes that turn `before` (what the terminal shows) into `after`. */
export function diffScreens(before: Screen, after: Screen, options: DiffOptions): string {
  if (before.columns !== after.columns || before.rows !== after.rows) return repaint(after);
  let out = '';
  let shown = before;
  if (options.scroll) {
    const shift = bestShift(before, after);
    if (shift) {
      out += scrollBytes(shift);
      shown = shifted(before, shift);
    }
  }
  for (let r = 0; r < after.rows; r++) {
    if (shown.lines[r] === after.lines[r]) {
      after.cells[r] ??= shown.cells[r];
      continue;
    }
    out += rowBytes(r, rowAt(shown, r), rowAt(after, r));
  }
  return out;
}
