/** What the reducer sees of the derived data for one state and layout, read from the memoised selectors. */
import { KWIC_SORTS } from '../analysis/wordKwic.js';
import type { Query } from '../search/query.js';
import { boxOf, innerColumns, scrollRows, type Box, type Layout } from './layout.js';
import type { Selectors } from './selectors.js';
import { COMPARE_SORTS, COMPARE_VIEWS, ENTITY_TYPES, type Pane, type UiState, type View } from './state.js';

/** The box a pane has, or the one it would have when shown (a tab, the second pane). */
export function paneBox(layout: Layout, pane: Pane): Box {
  return boxOf(layout, pane) ?? { pane, width: layout.columns.flat()[0]!.width, height: layout.paneHeight };
}

/** `tableQuery`: the query the entity and compare tables follow (a large corpus's settled one). */
export function viewOf(s: UiState, sel: Selectors, layout: Layout, tableQuery: Query = s.query): View {
  const reader = () => (s.reading === null ? null : sel.reader(s.reading, innerColumns(paneBox(layout, 'reader').width), s.showEntities, s.query));
  const compareWidth = innerColumns(paneBox(layout, 'compare').width);
  // getters: a key press computes only what its action reads (tables cost a pass over the filter)
  return {
    get list() {
      return sel.list(s.query, s.sort);
    },
    get entityRows() {
      return sel.entities(tableQuery, ENTITY_TYPES[s.entityType]!).rows;
    },
    get compareRows() {
      return sel.compareRows(tableQuery, COMPARE_SORTS[s.compareSort]!);
    },
    get matrix() {
      return sel.matrix(tableQuery);
    },
    get compareLines() {
      return sel.compareLines(tableQuery, COMPARE_VIEWS[s.compareView]!, s.marked, compareWidth).length;
    },
    get readerLines() {
      return reader()?.lines.length ?? 0;
    },
    get hitLines() {
      return reader()?.hitLines ?? [];
    },
    get collocateRows() {
      return s.mode === 'collocates' || s.query.words.length || s.query.phrases.length ? sel.collocates(s.query).rows.length : 0;
    },
    get concordanceLines() {
      return s.concordance ? sel.concordance(tableQuery, s.concordance, KWIC_SORTS[s.concordanceSort]!).length : 0;
    },
    concordanceAt(line) {
      const l = s.concordance ? sel.concordance(tableQuery, s.concordance, KWIC_SORTS[s.concordanceSort]!)[line] : undefined;
      return l && { article: l.article, paragraph: l.paragraph, start: l.start };
    },
    figureAt(line) {
      return sel.compareLines(tableQuery, 'figures', s.marked, compareWidth).targetAt?.(line);
    },
    readerLineOf: (article, paragraph, offset) =>
      sel.reader(article, innerColumns(paneBox(layout, 'reader').width), s.showEntities, s.query).lineOf(paragraph, offset),
    page: scrollRows(s.focus, paneBox(layout, s.focus).height, s),
  };
}
