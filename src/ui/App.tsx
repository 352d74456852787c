/**
 * The dashboard: one input handler feeding the pure router and reducer; panes read derived
 * data from memoised selectors; the layout follows the terminal size.
 */
import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, MentionType } from '../corpus/types.js';
import { isEmptyQuery, parseQuery, type Query } from '../search/query.js';
import { citation, type ExportWhat, type Outside, type Review } from './effects.js';
import { failpoint } from './failpoint.js';
import { ArticleList } from './components/ArticleList.js';
import { ComparePane } from './components/ComparePane.js';
import { ConcordancePane, EntitiesPane } from './components/EntitiesPane.js';
import { Frame } from './components/Frame.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { Reader } from './components/Reader.js';
import { SearchesOverlay } from './components/SearchesOverlay.js';
import { OutputOverlay } from './components/OutputOverlay.js';
import { CollocatesOverlay } from './components/CollocatesOverlay.js';
import { articleText } from '../corpus/articleText.js';
import { outputLines, PIPE_KEEP_BYTES } from '../io/pipeCommand.js';
import { StatusBar } from './components/StatusBar.js';
import { keyName, mouseOf, route, splitKeys, type KeyEvent, type Keymap } from './keymap.js';
import { sanitizeLine } from '../text/sanitize.js';
import { boxOf, frameRows, innerColumns, layoutFor, MIN_COLUMNS, MIN_ROWS, paneAt, scrollRows, tooSmall } from './layout.js';
import { inMemory, type Model } from './model.js';
import { makeSelectors, type Selectors } from './selectors.js';
import { useTerminalSize } from './size.js';
import {
  COMPARE_SORTS,
  COMPARE_VIEWS,
  ENTITY_TYPES,
  initialState,
  reduce,
  withOutput,
  withSaved,
  type Action,
  type LineTarget,
  type Pane,
  type UiState,
  type View,
} from './state.js';
import { snippetAround } from '../analysis/figures.js';
import { paneBox, viewOf } from './view.js';
import { useBackgroundWork } from './hooks/useBackgroundWork.js';
import { useReaderPlace } from './hooks/useReaderPlace.js';
import { useRefreshWhile } from './hooks/useRefreshWhile.js';
import { useSavedSearches } from './hooks/useSavedSearches.js';
import { tagOps, toggleOver, undoOf, type Batch } from '../review/changes.js';
import { isSearchName } from '../review/marks.js';
import { plural } from '../text/plural.js';
import { PREVIEW_SETTLE_MS, useSettled } from './hooks/useSettled.js';
import { KWIC_SORTS } from '../analysis/wordKwic.js';
import { LARGE_CORPUS } from '../session/session.js';
import type { Theme } from './theme.js';
import { fit } from './textWidth.js';
import { firstLine } from '../text/firstLine.js';

const TITLES: Record<Pane, string> = { list: '1 Articles', reader: '2 Reader', entities: '3 Entities', compare: '4 Compare' };

const PANE_NAMES: Record<Pane, string> = { list: 'the list', reader: 'the reader', entities: 'Entities', compare: 'Compare' };

/** A key that does nothing where it was pressed says so, briefly, instead of doing nothing silently. */
function unbound(s: UiState, event: KeyEvent): Action | null {
  if (s.mode !== 'normal' || mouseOf(event.input)) return null;
  const name = keyName(event);
  if (!name || name.startsWith('\x1b') || /[\u0000-\u001f]/.test(name)) return null;
  return { type: 'say', message: `${sanitizeLine(name)} does nothing in ${PANE_NAMES[s.focus]} (? lists the keys)` };
}

/** What `x` writes: exactly the view on screen (the entity type shown, the compare view shown). */
function exportOf(s: UiState): { what: ExportWhat; type?: MentionType } {
  if (s.focus === 'entities') return { what: 'entities', type: ENTITY_TYPES[s.entityType]! };
  if (s.focus !== 'compare') return { what: 'articles' };
  const view = COMPARE_VIEWS[s.compareView]!;
  return { what: view === 'matrix' || view === 'timeline' || view === 'figures' ? view : 'compare' };
}

/** The words around a figure, as many as fit the line, centred on it; what Enter does on a heading. */
function figureDetailOf(articles: readonly Article[], at: LineTarget | undefined, width: number): string {
  if (!at) return '';
  if ('country' in at) return `Enter filters to ${at.country}`;
  const text = articles[at.article]?.paragraphs[at.paragraph] ?? '';
  const span = Math.max(10, Math.floor((width - (at.end - at.start) - 4) / 2));
  return sanitizeLine(snippetAround(text, at.start, at.end, span));
}

/** What opening says of a scrape folder that grew since the last open. */
const freshMessage = (n: number) => (n ? `${plural(n, 'new article')} since the last open: is:new lists them` : null);

/** Undo steps kept (vim keeps 1000; a batch is one). */
const UNDO_DEPTH = 100;

/** The panes' data: the corpus in memory's selectors, unless given (a database's: --db). */
function selectorsFor(model: Model, review: Review | undefined, given: Selectors | undefined): Selectors {
  if (given) return given;
  if (!inMemory(model)) throw new Error('a model without a session needs its selectors');
  return makeSelectors(model, review);
}

export function App(props: {
  model: Model;
  theme: Theme;
  review?: Review;
  outside?: Outside;
  initial?: Partial<UiState>;
  keymap?: Keymap;
  selectors?: Selectors;
}) {
  const { model, theme, review, outside } = props;
  const { exit } = useApp();
  const size = useTerminalSize();
  const [, setMarksVersion] = useState(0);
  const selectors = useMemo(() => selectorsFor(model, review, props.selectors), [model, review, props.selectors]);
  // a database's answers arrive after the key that asked for them
  const [, setAnswers] = useState(0);
  useEffect(() => selectors.subscribe?.(() => setAnswers((n) => n + 1)), [selectors]);
  const [state, setState] = useState<UiState>(() => ({
    ...initialState(),
    message: review?.message ?? freshMessage(model.session?.fresh.size ?? 0),
    ...props.initial,
  }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const layout = layoutFor(size.columns, size.rows, state);
  failpoint('render', state.focus === 'reader');
  useReaderPlace(
    innerColumns(paneBox(layout, 'reader').width),
    state,
    (readerTop) => setState((cur) => ({ ...cur, readerTop })),
    (width) => (state.reading === null ? null : selectors.reader(state.reading, width, state.showEntities, state.query)),
  );

  // marks saved by this or another session re-render the list
  // a store message (a failed save and its retry, a state file moved aside) shows at once
  const shownMessage = useRef(review?.message ?? null);
  useEffect(
    () =>
      review?.subscribe(() => {
        setMarksVersion(review.version);
        const message = review.message;
        if (message && message !== shownMessage.current) setState((cur) => ({ ...cur, message }));
        shownMessage.current = message;
      }),
    [review],
  );
  useSavedSearches(review, setState);
  // in a large corpus the entity and compare tables follow the filter once typing pauses
  const large = selectors.size() > LARGE_CORPUS;
  const tableQuery = useSettled(state.query, large);
  const lastKey = useRef(0);
  const lastKeyAt = useCallback(() => lastKey.current, []);
  useBackgroundWork(model.session, lastKeyAt);

  /** The article a review key applies to: the one open in the reader, or the selected one. */
  const targetOf = (s: UiState, v: View): Article | undefined => {
    const index = s.focus === 'reader' ? s.reading : s.focus === 'list' ? v.list[s.listCursor] : undefined;
    return index === null || index === undefined ? undefined : model.articles[index];
  };

  /** The selected articles, in the list (or null when none is selected). */
  const selectedOf = (s: UiState): Article[] | null => (s.selected.length && s.focus === 'list' ? s.selected.map((i) => model.articles[i]!) : null);

  /** The query whose collocates C asked for before they were counted (a database's): opened when they are. */
  const collocatesAwaited = useRef<Query | null>(null);
  useEffect(() => {
    const q = collocatesAwaited.current;
    if (!q || selectors.collocates(q).pending) return;
    collocatesAwaited.current = null;
    if (q !== stateRef.current.query || stateRef.current.mode !== 'normal') return;
    setState((cur) => reduce(cur, { type: 'openCollocates' }, viewOf(cur, selectors, layoutFor(size.columns, size.rows, cur), tableQuery)));
  });

  /** Review changes kept for undo, last last: each a batch with what reverts it. */
  const undo = useRef<{ label: string; changes: Batch }[]>([]);
  const apply = (batch: Batch, label: string) => {
    if (!review) return;
    undo.current.push({ label, changes: undoOf(batch, (id) => review.get(id)) });
    if (undo.current.length > UNDO_DEPTH) undo.current.shift();
    void review.setMany(batch);
  };

  /** Carries out a key's side effect and returns the action the reducer should see. */
  const sideEffect = (s: UiState, action: Action, v: View): Action => {
    const target = targetOf(s, v);
    const noReview = { type: 'say', message: 'review marks are off for this corpus' } as const;
    switch (action.type) {
      case 'toggleRead':
      case 'toggleStar': {
        const field = action.type === 'toggleRead' ? 'read' : 'starred';
        const many = selectedOf(s);
        if (!many && !target) return action;
        if (!review) return noReview;
        const articles = many ?? [target!];
        const on = toggleOver(
          articles.map((a) => review.get(a.id)),
          field,
        );
        const word = field === 'read' ? (on ? 'marked read' : 'marked unread') : on ? 'starred' : 'unstarred';
        apply(
          articles.map((a) => [a.id, { [field]: on }] as const),
          `${word} ${many ? plural(many.length, 'article') : (target!.title ?? target!.file)}`,
        );
        return { type: 'say', message: `${word}: ${many ? plural(many.length, 'selected article') : (target!.title ?? target!.file)}` };
      }
      case 'startTag':
        if (!target && !selectedOf(s)) return { type: 'say', message: 'select an article to tag' };
        if (!review) return noReview;
        return action;
      case 'complete':
        return { type: 'complete', choices: review?.tags().map(([t]) => t) ?? [] };
      case 'commitTag': {
        const { ops, bad } = tagOps(s.promptDraft);
        if (bad.length) return { type: 'say', message: `not a tag: ${bad.join(' ')} (letters, digits, - _ . /)` };
        if (!ops.length || !review) return { type: 'commitTag', message: 'tags not changed' };
        const articles = selectedOf(s) ?? (target ? [target] : []);
        const said = ops.map(([t, on]) => `${on ? '+' : '-'}${t}`).join(' ');
        apply(
          articles.map((a) => [a.id, { tags: ops }] as const),
          `tags ${said} on ${plural(articles.length, 'article')}`,
        );
        return {
          type: 'commitTag',
          message: `tags ${said}: ${articles.length === 1 ? (articles[0]!.title ?? articles[0]!.file) : plural(articles.length, 'article')}`,
        };
      }
      case 'commitName': {
        const name = s.promptDraft.trim().replace(/^@/, '');
        if (!isSearchName(name)) return { type: 'say', message: 'a name of letters, digits, - and _ (then @name in any filter)' };
        if (!review) return noReview;
        const replaced = review.savedSearch(name);
        void review.saveSearch(name, s.savingQuery);
        return { type: 'commitName', message: `saved as @${name}${replaced ? ` (was: ${replaced})` : ''}: ${s.savingQuery}` };
      }
      case 'deleteSearch': {
        const name = [...s.saved.keys()].sort()[s.searchesCursor];
        if (!name || !review) return action;
        void review.saveSearch(name, '');
        setState((cur) => ({ ...cur, message: `deleted @${name}` }));
        return action;
      }
      case 'undo': {
        const last = undo.current.pop();
        if (!last || !review) return { type: 'say', message: 'nothing to undo' };
        void review.setMany(last.changes);
        return { type: 'say', message: `undone: ${last.label}` };
      }
      case 'openCollocates':
        // a database's are counted after the key: the overlay opens when they arrive
        if (selectors.collocates(s.query).pending) {
          collocatesAwaited.current = s.query;
          return { type: 'say', message: `counting the collocates of ${s.filter}…` };
        }
        return action;
      case 'applyCollocate':
        return { type: 'applyCollocate', term: selectors.collocates(s.query).rows[s.collocatesCursor]?.term };
      case 'pager':
        if (!target) return { type: 'say', message: 'select an article to read in the pager' };
        if (!outside?.page) return { type: 'say', message: 'no pager here' };
        outside.page(articleText(target)).then(
          (r) => setState((cur) => ({ ...cur, message: r.ok ? null : `the pager: ${r.status}` })),
          (e: unknown) => setState((cur) => ({ ...cur, message: `the pager: ${firstLine(e)}` })),
        );
        return action;
      case 'startPipe':
        if (!target) return { type: 'say', message: 'select an article to pipe to a command' };
        if (!outside?.pipe) return { type: 'say', message: 'no shell to pipe to here' };
        return action;
      case 'commitPipe': {
        const command = s.promptDraft.trim();
        if (!command || !target || !outside?.pipe) return { type: 'commitPipe', message: 'nothing run' };
        const title = `| ${sanitizeLine(command)} — ${sanitizeLine(target.title ?? target.file)}`;
        outside.pipe(command, articleText(target)).then(
          (r) => {
            const lines = outputLines(r.stdout);
            const errors = outputLines(r.stderr);
            if (errors.length) lines.push('', 'error output:', ...errors);
            if (r.cut) lines.push('', `(output cut at ${PIPE_KEEP_BYTES >> 20} MiB)`);
            if (!lines.length) lines.push('(no output)');
            setState((cur) => withOutput(cur, title, lines, `${sanitizeLine(command)}: ${r.status}`));
          },
          (e: unknown) => setState((cur) => ({ ...cur, message: `could not run it: ${firstLine(e)}` })),
        );
        return { type: 'commitPipe', message: `running: ${command}` };
      }
      case 'startNote':
        if (!target) return { type: 'say', message: 'select an article to write a note' };
        if (!review) return noReview;
        return { type: 'startNote', articleId: target.id, text: review.get(target.id)?.note ?? '' };
      case 'commitNote':
        if (review && s.noteFor) apply([[s.noteFor, { note: s.noteDraft.trim() || undefined }]], 'the note');
        return action;
      case 'copyCitation':
        if (!target) return action;
        outside?.copy(citation(target));
        return { type: 'say', message: outside ? `citation sent to the clipboard (OSC 52): ${citation(target)}` : 'no clipboard here' };
      case 'openAddress': {
        if (!target) return action;
        const url = target.url;
        if (!url) return { type: 'say', message: 'this article has no address: its page or JSON Lines line gave none' };
        if (!outside) return { type: 'say', message: 'no browser or clipboard here' };
        if (!outside.openAddress) {
          outside.copy(url);
          return { type: 'say', message: `address sent to the clipboard (OSC 52): ${url}` };
        }
        outside.openAddress(url).then(
          (done) => setState((cur) => ({ ...cur, message: done })),
          (e: unknown) => setState((cur) => ({ ...cur, message: `could not open the address: ${firstLine(e)}` })),
        );
        return { type: 'say', message: `opening ${url}…` };
      }
      case 'redraw':
        outside?.redraw?.();
        return action;
      case 'export':
        if (outside) {
          const { what, type } = exportOf(s);
          outside.exportView(what, s.filter, type ? { type } : {}).then(
            (file) => setState((cur) => ({ ...cur, message: `exported to ${file}` })),
            (e: unknown) => setState((cur) => ({ ...cur, message: `export failed: ${firstLine(e)}` })),
          );
        }
        return { type: 'say', message: outside ? 'exporting…' : 'export is not available here' };
      default:
        return action;
    }
  };

  const savedChanged = useRef(false);
  useEffect(
    () =>
      review?.subscribe(() => {
        savedChanged.current = true;
      }),
    [review],
  );

  useInput((input, key) => {
    lastKey.current = performance.now();
    let s = stateRef.current;
    for (const event of splitKeys(input, key)) {
      const at = layoutFor(size.columns, size.rows, s);
      const routed = route(s, event, (column, row) => paneAt(at, column - 1, row - 1), props.keymap) ?? unbound(s, event);
      if (!routed) continue;
      let v = viewOf(s, selectors, at, tableQuery);
      let next: UiState;
      if (routed.type === 'wheel') {
        // the pane under the pointer first (the reader beside the list: the article it previews), then it moves
        const preview = s.focus === 'list' && boxOf(at, 'reader') ? v.list[s.listCursor] : undefined;
        const pointed = reduce(s, { type: 'point', pane: routed.pane, preview }, v);
        v = viewOf(pointed, selectors, layoutFor(size.columns, size.rows, pointed), tableQuery);
        next = reduce(pointed, { type: 'move', delta: routed.delta }, v);
      } else next = reduce(s, sideEffect(s, routed, v), v);
      // an article opened in the reader is marked read
      if (review && next.reading !== null && next.reading !== s.reading) {
        const opened = model.articles[next.reading]!;
        if (!review.get(opened.id)?.read) void review.set(opened.id, { read: true });
      }
      // the screen under the help overlay is sent whole when it closes
      if ((s.mode === 'help' || s.mode === 'searches' || s.mode === 'output' || s.mode === 'collocates') && next.mode !== s.mode) outside?.redraw?.();
      s = next;
    }
    // a save or delete since the last pass (this one's, usually) told useSavedSearches, whose
    // update this whole state replaces: keep it; a pass without one reads nothing
    if (review && savedChanged.current) {
      savedChanged.current = false;
      s = withSaved(s, new Map(review.savedSearches()));
    }
    stateRef.current = s;
    setState(s);
  });

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  // a paged list reads ahead of its cursor
  useEffect(() => selectors.reach?.(state.query, state.sort, state.listCursor), [selectors, state.query, state.sort, state.listCursor]);

  // a phrase over common words is checked a slice at a time: the list grows as it is
  const checking = selectors.result(state.query).pending;
  useRefreshWhile(checking !== undefined, 40);
  // on a large corpus the reader beside the list shows the article a held key stops on, not every one it passes
  const resting = useSettled(selectors.list(state.query, state.sort)[state.listCursor], large, PREVIEW_SETTLE_MS);

  const selectedSet = useMemo(() => new Set(state.selected), [state.selected]);
  const savedRows = () =>
    [...state.saved]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([name, query]) => {
        const parsed = parseQuery(`@${name}`, (n) => state.saved.get(n));
        return { name, query, count: parsed.ok ? selectors.countOf(parsed.query) : null };
      });

  if (tooSmall(size.columns, size.rows)) {
    return <Text>{fit(`terminal too small (${size.columns}×${size.rows}, need ${MIN_COLUMNS}×${MIN_ROWS})`, Math.max(1, size.columns - 1))}</Text>;
  }

  const view = viewOf(state, selectors, layout, tableQuery);
  const list = view.list;
  // all it finds: a database's list holds the pages read so far
  const found = selectors.matches(state.query);
  // where the reader stands beside the list, it shows the article under the list's cursor
  const previewing = state.focus === 'list' && boxOf(layout, 'reader') !== undefined && list.length > 0;
  const shown = previewing ? (resting ?? list[state.listCursor]!) : state.reading;

  // the tables' empty line while there is nothing to count yet
  const waiting = selectors.entitiesProgress() !== null ? 'finding entities…' : selectors.tableProgress() !== null ? 'counting mentions…' : undefined;
  const waitingProp = waiting ? { waiting } : {};

  const paneBody = (pane: Pane, width: number, height: number) => {
    const w = innerColumns(width);
    // the rows the pane scrolls through, below its own header lines
    const rows = scrollRows(pane, height, state);
    const focused = state.focus === pane;
    switch (pane) {
      case 'list':
        return (
          <ArticleList
            model={model}
            ids={list}
            cursor={state.listCursor}
            width={w}
            rows={rows}
            focused={focused}
            theme={theme}
            marks={review}
            marksVersion={review?.version ?? 0}
            selected={selectedSet}
          />
        );
      case 'reader': {
        const lines = shown === null ? null : selectors.reader(shown, w, state.showEntities, state.query).lines;
        return <Reader lines={lines} top={previewing ? 0 : state.readerTop} rows={rows} theme={theme} />;
      }
      case 'entities': {
        if (state.concordance) {
          return (
            <ConcordancePane
              model={model}
              name={state.concordance.name}
              sort={KWIC_SORTS[state.concordanceSort]!}
              lines={selectors.concordance(tableQuery, state.concordance, KWIC_SORTS[state.concordanceSort]!)}
              cursor={state.concordanceCursor}
              focused={focused}
              width={w}
              rows={rows}
              theme={theme}
            />
          );
        }
        const { rows: entityRows, totals } = selectors.entities(tableQuery, ENTITY_TYPES[state.entityType]!);
        return (
          <EntitiesPane
            rows={entityRows}
            totals={totals}
            typeIndex={state.entityType}
            cursor={state.entityCursor}
            width={w}
            visible={rows}
            {...waitingProp}
            focused={focused}
            theme={theme}
          />
        );
      }
      case 'compare': {
        const comparison = selectors.comparison(tableQuery);
        const lines = selectors.compareLines(tableQuery, COMPARE_VIEWS[state.compareView]!, state.marked, w);
        return (
          <ComparePane
            state={state}
            comparison={comparison}
            rows={selectors.compareRows(tableQuery, COMPARE_SORTS[state.compareSort]!)}
            matrix={selectors.matrix(tableQuery)}
            codes={selectors.countryCodes()}
            lines={lines}
            detail={COMPARE_VIEWS[state.compareView] === 'figures' ? figureDetailOf(model.articles, lines.targetAt?.(state.figureCursor), w) : undefined}
            width={w}
            scroll={rows}
            {...waitingProp}
            focused={focused}
            theme={theme}
          />
        );
      }
    }
  };

  const titleOf = (pane: Pane) => {
    const finding = selectors.entitiesProgress();
    if (pane === 'list' && finding !== null)
      return `${TITLES.list} (${list.length}) · finding entities ${Math.floor(finding * 100)}%${isEmptyQuery(state.query) ? '' : ', filter waits'}`;
    if (finding !== null && pane !== 'reader') return `${TITLES[pane]} · finding entities ${Math.floor(finding * 100)}%`;
    if (pane === 'list') {
      const indexing = selectors.indexProgress();
      if (indexing === null && checking !== undefined) return `${TITLES.list} (${list.length}) · checking phrase ${Math.floor(checking * 100)}%`;
      const notice = selectors.notice();
      if (indexing === null) return `${TITLES.list} (${found})${notice ? ` · ${notice}` : ''}`;
      // a first open of a large corpus: the list is there, a filter waits for the index
      return `${TITLES.list} (${list.length}) · indexing ${Math.floor(indexing * 100)}%${isEmptyQuery(state.query) ? '' : ', filter waits'}`;
    }
    if (pane === 'reader' && shown !== null) return `${TITLES.reader} · ${model.rows[shown]!.title}`;
    const counting = pane === 'entities' || pane === 'compare' ? selectors.tableProgress() : null;
    if (counting !== null) return `${TITLES[pane]} · counting mentions ${Math.floor(counting * 100)}%`;
    if ((pane === 'entities' || pane === 'compare') && tableQuery !== state.query) return `${TITLES[pane]} · updating…`;
    const progress = pane === 'compare' ? selectors.figuresProgress() : null;
    if (progress !== null) return `${TITLES.compare} · extracting figures ${Math.floor(progress * 100)}%`;
    return TITLES[pane];
  };

  /** Where the pane's cursor or scroll stands: the list's row of all, the reader's share read. */
  const positionOf = (pane: Pane, height: number): string | undefined => {
    if (pane === 'list' && list.length) return `${state.listCursor + 1}/${found}`;
    if (pane === 'reader' && shown !== null && !previewing) {
      const total = view.readerLines;
      const rows = scrollRows('reader', height, state);
      if (total <= rows) return 'all';
      return `${Math.min(100, Math.round((100 * Math.min(total, state.readerTop + rows)) / total))}%`;
    }
    return undefined;
  };

  return (
    <Box flexDirection="column" width={size.columns} height={frameRows(size.rows)}>
      {(layout.kind === 'tabs' || layout.kind === 'stack') && (
        <Text>
          {(['list', 'reader', 'entities', 'compare'] as Pane[]).map((p) => (
            <Text key={p} inverse={p === state.focus} bold={p === state.focus}>
              {` ${TITLES[p]} `}
            </Text>
          ))}
        </Text>
      )}
      {state.mode === 'help' ? (
        <HelpOverlay width={size.columns} height={layout.paneHeight} top={state.helpTop} theme={theme} keymap={props.keymap} />
      ) : state.mode === 'collocates' ? (
        <CollocatesOverlay
          of={state.filter}
          collocates={selectors.collocates(state.query)}
          cursor={state.collocatesCursor}
          width={size.columns}
          height={layout.paneHeight}
          theme={theme}
        />
      ) : state.mode === 'output' && state.output ? (
        <OutputOverlay
          title={state.output.title}
          lines={state.output.lines}
          top={state.outputTop}
          width={size.columns}
          height={layout.paneHeight}
          theme={theme}
        />
      ) : state.mode === 'searches' ? (
        <SearchesOverlay rows={savedRows()} cursor={state.searchesCursor} width={size.columns} height={layout.paneHeight} theme={theme} />
      ) : (
        <Box flexDirection="row" height={layout.paneHeight}>
          {layout.columns.map((column, c) => (
            <Box key={c} flexDirection="column">
              {column.map((b) => (
                <Frame
                  key={b.pane}
                  title={titleOf(b.pane)}
                  right={positionOf(b.pane, b.height)}
                  width={b.width}
                  height={b.height}
                  focused={state.focus === b.pane}
                  theme={theme}
                >
                  {paneBody(b.pane, b.width, b.height)}
                </Frame>
              ))}
            </Box>
          ))}
        </Box>
      )}
      <StatusBar
        state={state}
        label={model.label}
        total={selectors.size()}
        fresh={model.session?.fresh.size ?? 0}
        keymap={props.keymap}
        matches={selectors.matches(state.query)}
        warnings={model.warnings}
        unsaved={review?.failure ?? null}
        width={size.columns}
        theme={theme}
      />
    </Box>
  );
}
