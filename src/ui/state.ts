/**
 * UI state and its reducer: pure, testable without Ink. The reducer is given the derived
 * view (list length, table sizes, reader lines) it needs to keep cursors in range.
 */
import { KWIC_SORTS, type KwicSort } from '../analysis/wordKwic.js';
import { MENTION_TYPES, type MentionType } from '../corpus/types.js';
import { EMPTY_QUERY, parseQuery, type Query } from '../search/query.js';
import { edit, insert, lineOf, type EditOp, type LineEdit } from './lineEdit.js';

export type Pane = 'list' | 'reader' | 'entities' | 'compare';
export const PANES: Pane[] = ['list', 'reader', 'entities', 'compare'];
/** tag: the tag prompt (t); name: naming a saved search (Ctrl-S in the filter); searches: the saved searches (') */
export type Mode = 'normal' | 'filter' | 'help' | 'note' | 'tag' | 'name' | 'searches' | 'pipe' | 'output' | 'collocates';
export type SortKey = 'date' | 'publisher' | 'title' | 'relevance';
/** the entity pane's tabs: every mention type */
export const ENTITY_TYPES: readonly MentionType[] = MENTION_TYPES;
export const COMPARE_VIEWS = ['countries', 'matrix', 'side by side', 'timeline', 'figures'] as const;
export type CompareView = (typeof COMPARE_VIEWS)[number];
export const COMPARE_SORTS = ['articles', 'mentions', 'share', 'country', 'first', 'last', 'figures'] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];

/** A concordance: one entity's mentions, or the hits of the filter's words and phrases (named as typed). */
export type Concordance = { of: 'entity'; id: string; name: string } | { of: 'words'; name: string };

/** The concordance's orders as the status line says them. */
export const KWIC_SORT_NAMES: Record<KwicSort, string> = {
  article: 'article',
  '1L': 'the word left of the hit (1L)',
  '2L': 'the second word left (2L)',
  '1R': 'the word right of the hit (1R)',
  '2R': 'the second word right (2R)',
};

export interface UiState {
  mode: Mode;
  focus: Pane;
  /** the pane shown beside the list when only two fit */
  second: Exclude<Pane, 'list'>;
  /** the query text in force, and the parsed query (last valid one) */
  filter: string;
  query: Query;
  /** text being typed at the prompt, where its cursor is, and its error if it does not parse */
  draft: string;
  draftCursor: number;
  draftError: string | null;
  /** the filter in force when the prompt opened: Esc there goes back to it */
  draftFrom: string;
  history: string[];
  historyPos: number | null;
  listCursor: number;
  sort: SortKey;
  /** article (corpus position) open in the reader */
  reading: number | null;
  readerTop: number;
  hitIndex: number;
  showEntities: boolean;
  entityType: number;
  entityCursor: number;
  /** the concordance shown (an entity's, or the filter's words'), its cursor (a line) and its order (KWIC_SORTS) */
  concordance: Concordance | null;
  concordanceCursor: number;
  concordanceSort: number;
  compareCursor: number;
  compareView: number;
  compareSort: number;
  /** countries marked for the side-by-side view */
  marked: string[];
  matrixRow: number;
  matrixCol: number;
  /** first line shown in the side-by-side and timeline views */
  compareTop: number;
  /** the figures view's cursor (a line: a country's heading or one of its figures) */
  figureCursor: number;
  /** the focused pane fills the screen */
  zoom: boolean;
  /** first line of the help overlay shown */
  helpTop: number;
  /** the note being written, its cursor, and the article (id) it belongs to */
  noteDraft: string;
  noteCursor: number;
  noteFor: string | null;
  /** the tag or saved search's name prompt: its line and cursor */
  promptDraft: string;
  promptCursor: number;
  /** the query a name prompt saves */
  savingQuery: string;
  /** saved searches by name, as the review state holds them (the app keeps this up to date) */
  saved: ReadonlyMap<string, string>;
  /** the saved searches list's cursor */
  searchesCursor: number;
  /** the collocates overlay's cursor (C) */
  collocatesCursor: number;
  /** the last command an article was piped to (|): the prompt starts with it */
  pipeLast: string;
  /** a piped command's output, shown in an overlay, and its first line shown */
  output: { title: string; lines: string[] } | null;
  outputTop: number;
  /** articles (corpus positions) selected in the list, sorted; `*`, `u`, `t` apply to them */
  selected: readonly number[];
  /** where a range (V) starts: the last row selected with v */
  selectFrom: number | null;
  message: string | null;
  quit: boolean;
}

/** Where a line leads: a figure's place in its article (Enter reads it there), or a country heading (Enter filters to it). */
export type LineTarget = { article: number; paragraph: number; start: number; end: number } | { country: string };

/** What the reducer needs to know of the derived data. */
export interface View {
  /** sorted, filtered article positions */
  list: number[];
  entityRows: { id: string; name: string; type: MentionType }[];
  compareRows: { country: string }[];
  /** countries on the matrix's axes */
  matrix: string[];
  /** lines of the scrolling compare views */
  compareLines: number;
  readerLines: number;
  hitLines: number[];
  concordanceLines: number;
  /** the concordance line under the cursor: where its mention is */
  concordanceAt(line: number): { article: number; paragraph: number; start: number } | undefined;
  /** where the figures view's line leads: a figure in its article, or a country */
  figureAt(line: number): LineTarget | undefined;
  /** the reader line of an article where a paragraph's character is */
  readerLineOf(article: number, paragraph: number, offset: number): number;
  /** rows visible in the focused pane */
  page: number;
  /** rows of the collocates overlay */
  collocateRows: number;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'page'; delta: number }
  | { type: 'halfPage'; delta: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'focus'; pane: Pane }
  | { type: 'cyclePane'; delta: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'startFilter' }
  | { type: 'typeChar'; text: string }
  | { type: 'erase' }
  /** readline editing in whichever prompt is open */
  | { type: 'edit'; op: EditOp }
  | { type: 'commitFilter' }
  | { type: 'cancelFilter' }
  | { type: 'history'; delta: number }
  | { type: 'help' }
  | { type: 'closeHelp' }
  | { type: 'helpScroll'; delta: number }
  | { type: 'sort' }
  | { type: 'toggleEntities' }
  | { type: 'hit'; delta: number }
  | { type: 'article'; delta: number }
  | { type: 'entityType'; delta: number }
  | { type: 'concordance' }
  | { type: 'wordConcordance' }
  | { type: 'concordanceSort' }
  | { type: 'compareView'; delta: number }
  | { type: 'compareSort' }
  | { type: 'mark' }
  | { type: 'column'; delta: number }
  | { type: 'zoom' }
  | { type: 'toggleRead' }
  | { type: 'toggleStar' }
  | { type: 'startNote'; articleId: string; text: string }
  /** t: the tag prompt, for the selection or the article */
  | { type: 'startTag' }
  | { type: 'promptChar'; text: string }
  | { type: 'promptErase' }
  /** Tab: the prompt's last word completed from `a.choices` (the tags in use) */
  | { type: 'complete'; choices?: readonly string[] }
  | { type: 'commitTag'; message?: string }
  | { type: 'cancelPrompt' }
  /** Ctrl-S in the filter: name the query to save it */
  | { type: 'startSaveSearch' }
  | { type: 'commitName'; message?: string }
  | { type: 'savedSearches'; saved: ReadonlyMap<string, string> }
  | { type: 'openSearches' }
  | { type: 'searchesMove'; delta: number }
  | { type: 'applySearch' }
  | { type: 'deleteSearch' }
  /** |: the prompt for a shell command the article's text is piped to */
  /** C: the words near the filter's hits; Enter filters to the articles with both */
  | { type: 'openCollocates' }
  | { type: 'collocatesMove'; delta: number }
  | { type: 'applyCollocate'; term?: string }
  | { type: 'startPipe' }
  /** P: the article in the pager (the app does it) */
  | { type: 'pager' }
  | { type: 'commitPipe'; message?: string }
  | { type: 'outputScroll'; delta: number }
  | { type: 'closeOutput' }
  | { type: 'toggleSelect' }
  | { type: 'selectRange' }
  | { type: 'selectAll' }
  | { type: 'undo' }
  | { type: 'noteChar'; text: string }
  | { type: 'noteErase' }
  | { type: 'commitNote' }
  | { type: 'cancelNote' }
  | { type: 'export' }
  | { type: 'copyCitation' }
  | { type: 'openAddress' }
  | { type: 'say'; message: string }
  | { type: 'redraw' }
  /** the mouse wheel over a pane: the app turns it into `point` then `move` */
  | { type: 'wheel'; pane: Pane; delta: number }
  /** the pointer's pane takes the focus; over the reader previewing an article, that article is opened */
  | { type: 'point'; pane: Pane; preview?: number }
  | { type: 'quit' };

export function initialState(): UiState {
  return {
    mode: 'normal',
    focus: 'list',
    second: 'reader',
    filter: '',
    query: EMPTY_QUERY,
    draft: '',
    draftCursor: 0,
    draftError: null,
    draftFrom: '',
    history: [],
    historyPos: null,
    listCursor: 0,
    sort: 'date',
    reading: null,
    readerTop: 0,
    hitIndex: -1,
    showEntities: true,
    entityType: 0,
    entityCursor: 0,
    concordance: null,
    concordanceCursor: 0,
    concordanceSort: 0,
    compareCursor: 0,
    compareView: 0,
    compareSort: 0,
    marked: [],
    matrixRow: 0,
    matrixCol: 0,
    compareTop: 0,
    figureCursor: 0,
    zoom: false,
    helpTop: 0,
    noteDraft: '',
    noteCursor: 0,
    noteFor: null,
    promptDraft: '',
    promptCursor: 0,
    pipeLast: '',
    collocatesCursor: 0,
    output: null,
    outputTop: 0,
    savingQuery: '',
    saved: new Map(),
    searchesCursor: 0,
    selected: [],
    selectFrom: null,
    message: null,
    quit: false,
  };
}

const lineDraft = (text: string) => {
  const e = lineOf(text);
  return { draft: e.text, draftCursor: e.cursor };
};

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Applies query text live: a valid query replaces the filter, an invalid one keeps the last
 * valid one and says why. A field being typed at the end (`year:ab`, `country:`) shows the
 * filter in force when the prompt opened, not the bare word typed before the colon. The
 * cursor goes to the end unless `cursor` says where it is.
 */
function applyText(s: UiState, text: string, cursor = text.length): UiState {
  const saved = (name: string) => s.saved.get(name);
  const parsed = parseQuery(text, saved);
  if (!parsed.ok) {
    // a field or a saved search's name being typed at the end
    const typingField = /(?:^|\s)(?:-?[a-z]+:[^\s"]*|@[^\s"]*)$/i.test(text);
    const before = typingField ? parseQuery(s.draftFrom, saved) : null;
    const base = before?.ok && s.filter !== s.draftFrom ? { filter: s.draftFrom, query: before.query, listCursor: 0 } : {};
    return { ...s, ...base, draft: text, draftCursor: cursor, draftError: parsed.error };
  }
  const sort = parsed.query.words.length ? (s.sort === 'date' && !s.query.words.length ? 'relevance' : s.sort) : s.sort === 'relevance' ? 'date' : s.sort;
  return {
    ...s,
    draft: text,
    draftCursor: cursor,
    draftError: null,
    filter: text,
    query: parsed.query,
    listCursor: 0,
    entityCursor: 0,
    compareCursor: 0,
    figureCursor: 0,
    sort,
  };
}

/** The open prompt's line (the filter or the note) edited by `change`. */
function editPrompt(s: UiState, change: (e: LineEdit) => LineEdit): UiState {
  if (s.mode === 'tag' || s.mode === 'name' || s.mode === 'pipe') {
    const e = change({ text: s.promptDraft, cursor: s.promptCursor });
    return { ...s, promptDraft: e.text, promptCursor: e.cursor };
  }
  if (s.mode === 'note') {
    const e = change({ text: s.noteDraft, cursor: s.noteCursor });
    return { ...s, noteDraft: e.text, noteCursor: e.cursor };
  }
  const e = change({ text: s.draft, cursor: s.draftCursor });
  return e.text === s.draft ? { ...s, draftCursor: e.cursor } : applyText(s, e.text, e.cursor);
}

/** The state with the review's saved searches; a filter that names one that changed is read again. */
/** A piped command's output in its overlay. */
export function withOutput(s: UiState, title: string, lines: string[], message: string): UiState {
  return { ...s, mode: 'output', output: { title, lines }, outputTop: 0, message };
}

export function withSaved(s: UiState, saved: ReadonlyMap<string, string>): UiState {
  const same = saved.size === s.saved.size && [...saved].every(([k, q]) => s.saved.get(k) === q);
  if (same) return s;
  if (!s.filter.includes('@')) return { ...s, saved };
  const cursor = s.listCursor;
  const read = applyText({ ...s, saved }, s.filter);
  return { ...read, draft: s.draft, draftCursor: s.draftCursor, listCursor: read.filter === s.filter && read.query === s.query ? cursor : read.listCursor };
}

/** The line's last word completed to the one choice it begins (or to what the choices share). */
export function completeLastWord(text: string, choices: readonly string[]): { text: string; cursor: number } {
  const m = /(^|[\s,])([-+]?)([^\s,]*)$/.exec(text)!;
  const stem = m[3]!.toLowerCase();
  const fits = choices.filter((c) => c.startsWith(stem));
  if (!fits.length) return { text, cursor: text.length };
  let common = fits[0]!;
  for (const c of fits) while (!c.startsWith(common)) common = common.slice(0, -1);
  const done = `${text.slice(0, text.length - m[3]!.length)}${common}${fits.length === 1 ? ' ' : ''}`;
  return { text: done, cursor: done.length };
}

function remember(history: string[], text: string): string[] {
  const t = text.trim();
  return t ? [...history.filter((h) => h !== t), t].slice(-50) : history;
}

/** Moves the cursor of the focused pane by `delta` (clamped). */
function moveBy(s: UiState, v: View, delta: number): UiState {
  switch (s.focus) {
    case 'list':
      return { ...s, listCursor: clamp(s.listCursor + delta, 0, Math.max(0, v.list.length - 1)) };
    case 'reader':
      return { ...s, readerTop: clamp(s.readerTop + delta, 0, Math.max(0, v.readerLines - v.page)) };
    case 'entities':
      if (s.concordance) return { ...s, concordanceCursor: clamp(s.concordanceCursor + delta, 0, Math.max(0, v.concordanceLines - 1)) };
      return { ...s, entityCursor: clamp(s.entityCursor + delta, 0, Math.max(0, v.entityRows.length - 1)) };
    case 'compare':
      if (COMPARE_VIEWS[s.compareView] === 'figures') return { ...s, figureCursor: clamp(s.figureCursor + delta, 0, Math.max(0, v.compareLines - 1)) };
      if (COMPARE_VIEWS[s.compareView] === 'matrix') return { ...s, matrixRow: clamp(s.matrixRow + delta, 0, Math.max(0, v.matrix.length - 1)) };
      if (COMPARE_VIEWS[s.compareView] !== 'countries') return { ...s, compareTop: clamp(s.compareTop + delta, 0, Math.max(0, v.compareLines - v.page)) };
      return { ...s, compareCursor: clamp(s.compareCursor + delta, 0, Math.max(0, v.compareRows.length - 1)) };
  }
}

function openArticle(s: UiState, article: number | undefined): UiState {
  if (article === undefined) return s;
  return { ...s, reading: article, readerTop: 0, hitIndex: -1, focus: 'reader', second: 'reader' };
}

function quoteValue(v: string): string {
  return /\s/.test(v) ? `"${v}"` : v;
}

const FIELD_OF: Record<string, string> = { country: 'country', person: 'person', organization: 'org', place: 'place' };

export function reduce(s: UiState, a: Action, v: View): UiState {
  const next = { ...s, message: null };
  switch (a.type) {
    case 'move':
      return moveBy(next, v, a.delta);
    case 'page':
      return moveBy(next, v, a.delta * Math.max(1, v.page - 1));
    case 'halfPage':
      return moveBy(next, v, a.delta * Math.max(1, Math.floor(v.page / 2)));
    case 'top':
      return moveBy(next, v, -Infinity);
    case 'bottom':
      return moveBy(next, v, Infinity);
    case 'focus':
      return { ...next, focus: a.pane, second: a.pane === 'list' ? s.second : a.pane };
    case 'cyclePane': {
      const pane = PANES[(PANES.indexOf(s.focus) + a.delta + PANES.length) % PANES.length]!;
      return { ...next, focus: pane, second: pane === 'list' ? s.second : pane };
    }
    case 'open':
      if (s.focus === 'list') return openArticle(next, v.list[s.listCursor]);
      if (s.focus === 'entities' && s.concordance) {
        // the article, scrolled to the mention (two lines of what comes before it above)
        const at = v.concordanceAt(s.concordanceCursor);
        if (!at) return next;
        const line = v.readerLineOf(at.article, at.paragraph, at.start);
        return { ...openArticle(next, at.article), readerTop: Math.max(0, line - 2) };
      }
      if (s.focus === 'entities' && !s.concordance) {
        const row = v.entityRows[s.entityCursor];
        if (!row) return next;
        const text = `${s.filter.trim()} ${FIELD_OF[row.type]}:${quoteValue(row.name)}`.trim();
        return { ...applyText(next, text), history: remember(s.history, text), focus: 'list' };
      }
      if (s.focus === 'compare' && COMPARE_VIEWS[s.compareView] === 'figures') {
        // a figure: its article, scrolled to the sentence; a country's heading: the filter to it
        const at = v.figureAt(s.figureCursor);
        if (!at) return { ...next, message: 'no article for this line' };
        if ('country' in at) {
          const text = `${s.filter.trim()} country:${quoteValue(at.country)}`.trim();
          return { ...applyText(next, text), history: remember(s.history, text), focus: 'list' };
        }
        const line = v.readerLineOf(at.article, at.paragraph, at.start);
        return { ...openArticle(next, at.article), readerTop: Math.max(0, line - 2) };
      }
      if (s.focus === 'compare') {
        const view = COMPARE_VIEWS[s.compareView];
        const countries =
          view === 'matrix'
            ? [...new Set([v.matrix[s.matrixRow], v.matrix[s.matrixCol]])]
            : view === 'countries'
              ? [v.compareRows[s.compareCursor]?.country]
              : [];
        if (!countries.length || countries.some((c) => !c)) return next;
        const text = `${s.filter.trim()} ${countries.map((c) => `country:${quoteValue(c!)}`).join(' ')}`.trim();
        return { ...applyText(next, text), history: remember(s.history, text), focus: 'list' };
      }
      return next;
    case 'back':
      // Esc: back one level, the filter kept (the concordance, a zoomed pane, another pane);
      // in the list, the top level, it clears the filter
      // (the concordance only where it is shown: Esc in another pane leaves it for a return to Entities)
      if (s.concordance && s.focus === 'entities') return { ...next, concordance: null };
      if (s.zoom) return { ...next, zoom: false };
      if (s.focus !== 'list') return { ...next, focus: 'list' };
      // a selection goes before the filter, as visidata and ranger clear it
      if (s.selected.length) return { ...next, selected: [], selectFrom: null, message: 'selection cleared' };
      if (s.filter) return { ...applyText(next, ''), draft: '', message: 'filter cleared' };
      return next;
    case 'startFilter':
      return { ...next, mode: 'filter', ...lineDraft(s.filter), draftFrom: s.filter, draftError: null, historyPos: null };
    case 'typeChar':
      return editPrompt(next, (e) => insert(e, a.text));
    case 'erase':
      return editPrompt(next, (e) => edit(e, 'erase'));
    case 'edit':
      return editPrompt(next, (e) => edit(e, a.op));
    case 'commitFilter':
      return { ...next, mode: 'normal', draft: s.filter, history: remember(s.history, s.filter), draftError: null, focus: 'list' };
    case 'cancelFilter':
      // back one level: the filter as it was when the prompt opened
      return { ...applyText(next, s.draftFrom), mode: 'normal', draftError: null };
    case 'history': {
      if (!s.history.length) return next;
      const pos = clamp((s.historyPos ?? s.history.length) + a.delta, 0, s.history.length);
      const text = pos === s.history.length ? '' : s.history[pos]!;
      return { ...applyText(next, text), historyPos: pos };
    }
    case 'help':
      return { ...next, mode: 'help', helpTop: 0 };
    case 'helpScroll':
      return { ...next, helpTop: Math.max(0, s.helpTop + a.delta) };
    case 'closeHelp':
      return { ...next, mode: 'normal' };
    case 'sort': {
      const keys: SortKey[] = s.query.words.length ? ['relevance', 'date', 'publisher', 'title'] : ['date', 'publisher', 'title'];
      const sort = keys[(keys.indexOf(s.sort) + 1) % keys.length]!;
      return { ...next, sort, listCursor: 0, message: `sorted by ${sort}` };
    }
    case 'toggleEntities':
      return { ...next, showEntities: !s.showEntities };
    case 'hit': {
      const n = v.hitLines.length;
      if (!n) return { ...next, message: 'no matches in this article' };
      const to = s.hitIndex + a.delta;
      const hitIndex = (to + n) % n;
      // as less and vim say it: a search that went past the end starts again from the other
      const wrapped = s.hitIndex >= 0 && (to >= n ? ' (wrapped to the first)' : to < 0 ? ' (wrapped to the last)' : '');
      const line = v.hitLines[hitIndex]!;
      return { ...next, hitIndex, readerTop: clamp(line - 2, 0, Math.max(0, v.readerLines - v.page)), message: `hit ${hitIndex + 1}/${n}${wrapped || ''}` };
    }
    case 'article': {
      const at = s.reading === null ? -1 : v.list.indexOf(s.reading);
      const to = clamp(at + a.delta, 0, v.list.length - 1);
      if (v.list[to] === undefined) return next;
      return { ...openArticle(next, v.list[to]), listCursor: to };
    }
    case 'entityType':
      return { ...next, entityType: (s.entityType + a.delta + ENTITY_TYPES.length) % ENTITY_TYPES.length, entityCursor: 0, concordance: null };
    case 'concordance': {
      const row = v.entityRows[s.entityCursor];
      return row ? { ...next, concordance: { of: 'entity', id: row.id, name: row.name }, concordanceCursor: 0 } : next;
    }
    case 'wordConcordance': {
      // the filter's own words and phrases in context (its fields only choose the articles)
      if (!s.query.words.length && !s.query.phrases.length) return { ...next, message: 'K: filter by a word or a "phrase" first (/)' };
      const name = [...s.query.words, ...s.query.phrases.map((p) => `"${p}"`)].join(' ');
      return { ...next, focus: 'entities', second: 'entities', concordance: { of: 'words', name }, concordanceCursor: 0 };
    }
    case 'concordanceSort': {
      if (!s.concordance) return { ...next, message: 's sorts a concordance: c on an entity, or K for the filter’s words' };
      const concordanceSort = (s.concordanceSort + 1) % KWIC_SORTS.length;
      return { ...next, concordanceSort, concordanceCursor: 0, message: `concordance sorted by ${KWIC_SORT_NAMES[KWIC_SORTS[concordanceSort]!]}` };
    }
    case 'compareView':
      return { ...next, compareView: (s.compareView + a.delta + COMPARE_VIEWS.length) % COMPARE_VIEWS.length, compareTop: 0 };
    case 'compareSort': {
      const compareSort = (s.compareSort + 1) % COMPARE_SORTS.length;
      return { ...next, compareSort, compareCursor: 0, message: `countries sorted by ${COMPARE_SORTS[compareSort]}` };
    }
    case 'mark': {
      const row = v.compareRows[s.compareCursor];
      if (!row || COMPARE_VIEWS[s.compareView] !== 'countries') return next;
      const marked = s.marked.includes(row.country) ? s.marked.filter((c) => c !== row.country) : [...s.marked, row.country];
      return {
        ...next,
        marked,
        // on to the next row, as mutt and ranger do: Space Space Space marks three
        compareCursor: clamp(s.compareCursor + 1, 0, Math.max(0, v.compareRows.length - 1)),
        message: marked.length >= 2 ? `${marked.join(', ')} marked: v to the side-by-side view` : `${marked.join(', ') || 'nothing'} marked`,
      };
    }
    case 'column':
      if (COMPARE_VIEWS[s.compareView] !== 'matrix') return next;
      return { ...next, matrixCol: clamp(s.matrixCol + a.delta, 0, Math.max(0, v.matrix.length - 1)) };
    case 'zoom':
      return { ...next, zoom: !s.zoom };
    case 'startNote':
      return { ...next, mode: 'note', noteDraft: a.text, noteCursor: a.text.length, noteFor: a.articleId };
    case 'noteChar':
      return editPrompt(next, (e) => insert(e, a.text));
    case 'noteErase':
      return editPrompt(next, (e) => edit(e, 'erase'));
    case 'commitNote':
      return { ...next, mode: 'normal', noteFor: null, message: s.noteDraft.trim() ? 'note saved' : 'note removed' };
    case 'cancelNote':
      return { ...next, mode: 'normal', noteFor: null, noteDraft: '', message: 'note not changed' };
    case 'startTag':
      return { ...next, mode: 'tag', promptDraft: '', promptCursor: 0 };
    case 'promptChar':
      return editPrompt(next, (e) => insert(e, a.text));
    case 'promptErase':
      return editPrompt(next, (e) => edit(e, 'erase'));
    case 'complete': {
      const { text, cursor } = completeLastWord(s.promptDraft, a.choices ?? []);
      return { ...next, promptDraft: text, promptCursor: cursor };
    }
    case 'commitTag':
      return { ...next, mode: 'normal', promptDraft: '', message: a.message ?? null };
    case 'cancelPrompt':
      return { ...next, mode: 'normal', promptDraft: '', message: s.mode === 'tag' ? 'tags not changed' : s.mode === 'name' ? 'search not saved' : null };
    case 'openCollocates':
      if (!s.query.words.length && !s.query.phrases.length) return { ...next, message: 'C: filter by a word or a "phrase" first (/)' };
      if (!v.collocateRows) return { ...next, message: `no collocates of ${s.filter}: no word near its hits is seen 3 times or more` };
      return { ...next, mode: 'collocates', collocatesCursor: 0 };
    case 'collocatesMove':
      return { ...next, collocatesCursor: clamp(s.collocatesCursor + a.delta, 0, Math.max(0, v.collocateRows - 1)) };
    case 'applyCollocate': {
      if (!a.term) return { ...next, mode: 'normal' };
      // quoted: the collocate as written, not its fuzzy neighbours
      const text = `${s.filter.trim()} "${a.term}"`;
      return { ...applyText(next, text), mode: 'normal', draft: text, history: remember(s.history, text), focus: 'list' };
    }
    case 'startPipe':
      return { ...next, mode: 'pipe', promptDraft: s.pipeLast, promptCursor: s.pipeLast.length };
    case 'commitPipe':
      // the app runs it (the dashboard steps aside meanwhile) and shows its output with `withOutput`
      return { ...next, mode: 'normal', pipeLast: s.promptDraft.trim() || s.pipeLast, promptDraft: '', message: a.message ?? null };
    case 'outputScroll': {
      const last = Math.max(0, (s.output?.lines.length ?? 0) - 1);
      return { ...next, outputTop: clamp(s.outputTop + a.delta, 0, last) };
    }
    case 'closeOutput':
      return { ...next, mode: 'normal', output: null, outputTop: 0 };
    case 'startSaveSearch': {
      const query = s.draft.trim();
      if (!query) return { ...next, message: 'type a filter first, then Ctrl-S saves it' };
      if (s.draftError) return { ...next, message: `this filter does not parse: ${s.draftError}` };
      return { ...next, mode: 'name', savingQuery: query, promptDraft: '', promptCursor: 0 };
    }
    case 'commitName':
      // the app saved it (or said why not); back to the list with the filter in force
      return { ...next, mode: 'normal', promptDraft: '', draft: s.filter, history: remember(s.history, s.filter), focus: 'list', message: a.message ?? null };
    case 'savedSearches':
      return withSaved(s, a.saved);
    case 'openSearches':
      if (!s.saved.size) return { ...next, message: 'no saved searches yet: / a filter, then Ctrl-S names it' };
      return { ...next, mode: 'searches', searchesCursor: clamp(s.searchesCursor, 0, s.saved.size - 1) };
    case 'searchesMove':
      return { ...next, searchesCursor: clamp(s.searchesCursor + a.delta, 0, Math.max(0, s.saved.size - 1)) };
    case 'applySearch': {
      const name = [...s.saved.keys()].sort()[s.searchesCursor];
      if (!name) return { ...next, mode: 'normal' };
      const text = `@${name}`;
      return { ...applyText(next, text), mode: 'normal', draft: text, history: remember(s.history, text), focus: 'list' };
    }
    case 'deleteSearch':
      // the app deletes it from the review state; the list follows through `savedSearches`
      return { ...next, searchesCursor: clamp(s.searchesCursor, 0, Math.max(0, s.saved.size - 2)), mode: s.saved.size > 1 ? 'searches' : 'normal' };
    case 'toggleSelect': {
      const article = v.list[s.listCursor];
      if (article === undefined) return next;
      const on = !s.selected.includes(article);
      const selected = on ? [...s.selected, article].sort((x, y) => x - y) : s.selected.filter((x) => x !== article);
      return {
        ...next,
        selected,
        selectFrom: on ? s.listCursor : s.selectFrom,
        listCursor: clamp(s.listCursor + 1, 0, Math.max(0, v.list.length - 1)),
        message: `${selected.length} selected`,
      };
    }
    case 'selectRange': {
      if (s.selectFrom === null || v.list[s.listCursor] === undefined)
        return { ...next, message: 'V selects from the row picked with v to this one: v a row first' };
      const [lo, hi] = [Math.min(s.selectFrom, s.listCursor), Math.max(s.selectFrom, s.listCursor)];
      const selected = [...new Set([...s.selected, ...v.list.slice(lo, hi + 1)])].sort((x, y) => x - y);
      return { ...next, selected, selectFrom: s.listCursor, message: `${selected.length} selected` };
    }
    case 'selectAll': {
      // every match of the filter; again: none
      const all = v.list.length > 0 && v.list.every((x) => s.selected.includes(x));
      const selected = all ? [] : [...new Set([...s.selected, ...v.list])].sort((x, y) => x - y);
      return { ...next, selected, selectFrom: null, message: all ? 'selection cleared' : `${selected.length} selected (every match)` };
    }
    case 'say':
      return { ...next, message: a.message };
    case 'point': {
      if (a.pane === s.focus) return s;
      if (a.pane === 'reader' && a.preview !== undefined && a.preview !== s.reading) return openArticle(s, a.preview);
      return { ...s, focus: a.pane, second: a.pane === 'list' ? s.second : a.pane };
    }

    // side effects (marks, export, clipboard) are carried out by the app; the state only reports
    case 'toggleRead':
    case 'toggleStar':
    case 'export':
    case 'copyCitation':
    case 'openAddress':
    case 'pager':
    case 'undo':
    case 'redraw':
    case 'wheel':
      return next;
    case 'quit':
      return { ...next, quit: true };
  }
}
