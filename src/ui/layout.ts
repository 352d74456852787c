/**
 * Which panes fit, and how big: four side by side on wide terminals, the list beside one
 * other pane from 120 columns, and below that one pane at the full width with tabs (80×24,
 * the usual terminal over SSH: a title needs the whole line) — or, in a tall terminal, the
 * list over the reader.
 */
import { COMPARE_VIEWS, type Pane, type UiState } from './state.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
/** prompt line + status line */
const BARS = 2;

/** The rows a frame fills: all of them (frames go through the frame writer, which never scrolls the screen). */
export function frameRows(rows: number): number {
  return rows;
}
/** From this many columns all four panes stand side by side: list, reader, entities over compare. */
const WIDE_COLUMNS = 160;
const WIDE_LIST_SHARE = 0.34;
const WIDE_READER_SHARE = 0.36;
/** From this many columns the list and one other pane (the reader previews the cursor's article). */
export const SPLIT_COLUMNS = 120;
const SPLIT_LIST_SHARE = 0.45;
/** Below 120 columns, from this many rows the list stands over the reader, which previews the cursor's article. */
export const STACK_ROWS = 40;
const STACK_LIST_SHARE = 0.35;
/** the list keeps at least this many rows over the reader */
const STACK_LIST_ROWS = 8;

export interface Box {
  pane: Pane;
  width: number;
  height: number;
}

export interface Layout {
  kind: 'wide' | 'split' | 'stack' | 'tabs' | 'zoom';
  /** columns of panes; each column a stack of boxes */
  columns: Box[][];
  paneHeight: number;
}

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

export function layoutFor(columns: number, rows: number, s: Pick<UiState, 'focus' | 'second' | 'zoom'>): Layout {
  const height = frameRows(rows) - BARS;
  if (s.zoom) return { kind: 'zoom', paneHeight: height, columns: [[{ pane: s.focus, width: columns, height }]] };
  if (columns >= WIDE_COLUMNS) {
    const list = Math.floor(columns * WIDE_LIST_SHARE);
    const reader = Math.floor(columns * WIDE_READER_SHARE);
    const right = columns - list - reader;
    const top = Math.ceil(height / 2);
    return {
      kind: 'wide',
      paneHeight: height,
      columns: [
        [{ pane: 'list', width: list, height }],
        [{ pane: 'reader', width: reader, height }],
        [
          { pane: 'entities', width: right, height: top },
          { pane: 'compare', width: right, height: height - top },
        ],
      ],
    };
  }
  if (columns >= SPLIT_COLUMNS) {
    const list = Math.floor(columns * SPLIT_LIST_SHARE);
    return {
      kind: 'split',
      paneHeight: height,
      columns: [[{ pane: 'list', width: list, height }], [{ pane: s.second, width: columns - list, height }]],
    };
  }
  // below the tab row
  const under = height - 1;
  if (rows >= STACK_ROWS && (s.focus === 'list' || s.focus === 'reader')) {
    const list = Math.max(STACK_LIST_ROWS, Math.floor(under * STACK_LIST_SHARE));
    return {
      kind: 'stack',
      paneHeight: under,
      columns: [
        [
          { pane: 'list', width: columns, height: list },
          { pane: 'reader', width: columns, height: under - list },
        ],
      ],
    };
  }
  return { kind: 'tabs', paneHeight: under, columns: [[{ pane: s.focus, width: columns, height: under }]] };
}

/** Rows of content inside a pane box: borders and the pane's title line taken off. */
export function innerRows(height: number): number {
  return Math.max(1, height - 3);
}

/**
 * The rows a pane scrolls through inside its frame: what its own header lines leave (the
 * entity types and the table's header; a compare view's tabs, a table header, the matrix's
 * header and its footer, the figures' snippet line). The panes draw this many; the reducer pages by it.
 */
export function scrollRows(pane: Pane, height: number, s: Pick<UiState, 'compareView' | 'concordance'>): number {
  const inner = innerRows(height);
  const chrome: Record<Pane, () => number> = {
    list: () => 0,
    reader: () => 0,
    entities: () => (s.concordance ? 1 : 2),
    // the figures view's last line is the selected figure's snippet
    compare: () => ({ countries: 2, matrix: 3, figures: 2 })[COMPARE_VIEWS[s.compareView] as 'countries' | 'matrix' | 'figures'] ?? 1,
  };
  return Math.max(1, inner - chrome[pane]());
}

export function innerColumns(width: number): number {
  return Math.max(1, width - 2);
}

/** The pane under a terminal cell (0-based column and row), if any: the tabs, prompt and status rows have none. */
export function paneAt(layout: Layout, x: number, y: number): Pane | undefined {
  const top = layout.kind === 'tabs' || layout.kind === 'stack' ? 1 : 0;
  let left = 0;
  for (const column of layout.columns) {
    const width = column[0]?.width ?? 0;
    if (x >= left && x < left + width) {
      let row = top;
      for (const b of column) {
        if (y >= row && y < row + b.height) return b.pane;
        row += b.height;
      }
      return undefined;
    }
    left += width;
  }
  return undefined;
}

/** The box a pane occupies, if it is on screen. */
export function boxOf(layout: Layout, pane: Pane): Box | undefined {
  return layout.columns.flat().find((b) => b.pane === pane);
}
