/** Which panes fit, and how big: four on wide terminals, two at 80×24, one with tabs below that. */
import { COMPARE_VIEWS, type Pane, type UiState } from './state.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
/** prompt line + status line */
const BARS = 2;

export interface Box {
  pane: Pane;
  width: number;
  height: number;
}

export interface Layout {
  kind: 'wide' | 'split' | 'tabs' | 'zoom';
  /** columns of panes; each column a stack of boxes */
  columns: Box[][];
  paneHeight: number;
}

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

export function layoutFor(columns: number, rows: number, s: Pick<UiState, 'focus' | 'second' | 'zoom'>): Layout {
  // one line short of the terminal: a frame as tall as the terminal makes Ink 6 clear it every time
  const height = rows - 1 - BARS;
  if (s.zoom) return { kind: 'zoom', paneHeight: height, columns: [[{ pane: s.focus, width: columns, height }]] };
  if (columns >= 160) {
    const list = Math.floor(columns * 0.34);
    const reader = Math.floor(columns * 0.36);
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
  if (columns >= 80) {
    const list = Math.floor(columns * 0.45);
    return {
      kind: 'split',
      paneHeight: height,
      columns: [[{ pane: 'list', width: list, height }], [{ pane: s.second, width: columns - list, height }]],
    };
  }
  return { kind: 'tabs', paneHeight: height - 1, columns: [[{ pane: s.focus, width: columns, height: height - 1 }]] };
}

/** Rows of content inside a pane box: borders and the pane's title line taken off. */
export function innerRows(height: number): number {
  return Math.max(1, height - 3);
}

/**
 * The rows a pane scrolls through inside its frame: what its own header lines leave (the
 * entity types and the table's header; a compare view's tabs, a table header, the matrix's
 * header and its footer). The panes draw this many; the reducer pages by it.
 */
export function scrollRows(pane: Pane, height: number, s: Pick<UiState, 'compareView' | 'concordance'>): number {
  const inner = innerRows(height);
  const chrome: Record<Pane, () => number> = {
    list: () => 0,
    reader: () => 0,
    entities: () => (s.concordance ? 1 : 2),
    compare: () => ({ countries: 2, matrix: 3 })[COMPARE_VIEWS[s.compareView] as 'countries' | 'matrix'] ?? 1,
  };
  return Math.max(1, inner - chrome[pane]());
}

export function innerColumns(width: number): number {
  return Math.max(1, width - 2);
}

/** The box a pane occupies, if it is on screen. */
export function boxOf(layout: Layout, pane: Pane): Box | undefined {
  return layout.columns.flat().find((b) => b.pane === pane);
}
