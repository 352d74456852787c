/**
 * The keymap, as data: one table drives the router, the status-bar hints and the help
 * overlay. Keys are named as the router names them ("j", "down", "enter", "shift-tab").
 */
import { PANES, type Action, type Mode, type Pane, type UiState } from './state.js';

export interface Binding {
  /** what the config file calls it (`[keys] filter = "f"`); bindings of one name in different panes are remapped together */
  name?: string;
  keys: string[];
  action: Action;
  help: string;
  /** panes where it works (all when absent) */
  panes?: Pane[];
  /** shown in the status bar for these panes: "{down}/{up} move" names the keys of bindings ("{}": this one's) */
  hint?: string;
}

/** The normal-mode bindings in force: the table below, or it with the config file's remaps. */
export type Keymap = readonly Binding[];

export const NORMAL_KEYS: Binding[] = [
  { name: 'down', keys: ['j', 'down'], action: { type: 'move', delta: 1 }, help: 'move down / scroll', hint: '{down}/{up} move' },
  { name: 'up', keys: ['k', 'up'], action: { type: 'move', delta: -1 }, help: 'move up / scroll' },
  { name: 'top', keys: ['g', 'home'], action: { type: 'top' }, help: 'top' },
  { name: 'bottom', keys: ['G', 'end'], action: { type: 'bottom' }, help: 'bottom' },
  { name: 'page-down', keys: ['pagedown', 'ctrl-f'], action: { type: 'page', delta: 1 }, help: 'page down' },
  {
    name: 'page-down-alt',
    keys: ['space'],
    action: { type: 'page', delta: 1 },
    help: 'page down (a second key, where Space is free)',
    panes: ['list', 'reader', 'entities'],
  },
  {
    name: 'mark-country',
    keys: ['space'],
    action: { type: 'mark' },
    help: 'mark a country for side by side, and move on',
    panes: ['compare'],
    hint: '{mark-country} mark',
  },
  { name: 'page-up', keys: ['pageup', 'ctrl-b', 'b'], action: { type: 'page', delta: -1 }, help: 'page up' },
  { name: 'half-page-down', keys: ['ctrl-d'], action: { type: 'halfPage', delta: 1 }, help: 'half a page down' },
  { name: 'half-page-up', keys: ['ctrl-u'], action: { type: 'halfPage', delta: -1 }, help: 'half a page up' },
  { name: 'open', keys: ['enter'], action: { type: 'open' }, help: 'open article', panes: ['list'], hint: '{open} read' },
  { name: 'open', keys: ['enter'], action: { type: 'open' }, help: 'filter by entity', panes: ['entities'], hint: '{open} filter' },
  {
    name: 'open',
    keys: ['enter'],
    action: { type: 'open' },
    help: 'filter by the country (matrix: both; figures: read the figure in its article)',
    panes: ['compare'],
    hint: '{open} filter',
  },
  { name: 'filter', keys: ['/'], action: { type: 'startFilter' }, help: 'filter', hint: '{filter} filter' },
  { name: 'sort', keys: ['s'], action: { type: 'sort' }, help: 'cycle sort', panes: ['list'], hint: '{} sort' },
  { name: 'next-hit', keys: ['n'], action: { type: 'hit', delta: 1 }, help: 'next hit', panes: ['reader'], hint: '{next-hit}/{previous-hit} hits' },
  { name: 'previous-hit', keys: ['N'], action: { type: 'hit', delta: -1 }, help: 'previous hit', panes: ['reader'] },
  {
    name: 'next-article',
    keys: [']'],
    action: { type: 'article', delta: 1 },
    help: 'next article',
    panes: ['reader'],
    hint: '{previous-article}/{next-article} article',
  },
  { name: 'previous-article', keys: ['['], action: { type: 'article', delta: -1 }, help: 'previous article', panes: ['reader'] },
  { name: 'entity-colours', keys: ['e'], action: { type: 'toggleEntities' }, help: 'colour entities on/off', panes: ['reader'] },
  {
    name: 'next-type',
    keys: ['right', 'l'],
    action: { type: 'entityType', delta: 1 },
    help: 'next entity type',
    panes: ['entities'],
    hint: '{previous-type}/{next-type} type',
  },
  { name: 'previous-type', keys: ['left', 'h'], action: { type: 'entityType', delta: -1 }, help: 'previous entity type', panes: ['entities'] },
  {
    name: 'concordance',
    keys: ['c'],
    action: { type: 'concordance' },
    help: 'concordance (keyword in context)',
    panes: ['entities'],
    hint: '{concordance} in context',
  },
  {
    name: 'word-concordance',
    keys: ['K'],
    action: { type: 'wordConcordance' },
    help: "the filter's words and phrases in context (a concordance)",
    panes: ['list', 'reader', 'entities'],
  },
  {
    name: 'collocates',
    keys: ['C'],
    action: { type: 'openCollocates' },
    help: "the words most often near the filter's words, by log-likelihood; Enter filters to both",
    panes: ['list', 'reader', 'entities'],
  },
  { name: 'concordance-sort', keys: ['s'], action: { type: 'concordanceSort' }, help: 'concordance: sort by article, 1L, 2L, 1R, 2R', panes: ['entities'] },
  {
    name: 'next-view',
    keys: ['v'],
    action: { type: 'compareView', delta: 1 },
    help: 'next view: countries, matrix, side by side, timeline, figures',
    panes: ['compare'],
    hint: '{next-view} view',
  },
  { name: 'previous-view', keys: ['V'], action: { type: 'compareView', delta: -1 }, help: 'previous compare view', panes: ['compare'] },
  { name: 'compare-sort', keys: ['s'], action: { type: 'compareSort' }, help: 'sort countries by the next column', panes: ['compare'], hint: '{} sort' },
  { name: 'next-column', keys: ['right', 'l'], action: { type: 'column', delta: 1 }, help: 'matrix: next column', panes: ['compare'] },
  { name: 'previous-column', keys: ['left', 'h'], action: { type: 'column', delta: -1 }, help: 'matrix: previous column', panes: ['compare'] },
  { name: 'next-pane', keys: ['tab'], action: { type: 'cyclePane', delta: 1 }, help: 'next pane', hint: '{next-pane} pane' },
  { name: 'previous-pane', keys: ['shift-tab'], action: { type: 'cyclePane', delta: -1 }, help: 'previous pane' },
  { name: 'pane-1', keys: ['1'], action: { type: 'focus', pane: 'list' }, help: 'articles pane' },
  { name: 'pane-2', keys: ['2'], action: { type: 'focus', pane: 'reader' }, help: 'reader pane' },
  { name: 'pane-3', keys: ['3'], action: { type: 'focus', pane: 'entities' }, help: 'entities pane' },
  { name: 'pane-4', keys: ['4'], action: { type: 'focus', pane: 'compare' }, help: 'compare pane' },
  { name: 'toggle-read', keys: ['u'], action: { type: 'toggleRead' }, help: 'mark read / unread', panes: ['list', 'reader'] },
  { name: 'toggle-star', keys: ['*'], action: { type: 'toggleStar' }, help: 'star / unstar', panes: ['list', 'reader'], hint: '{toggle-star} star' },
  {
    name: 'note',
    keys: ['m'],
    action: { type: 'startNote', articleId: '', text: '' },
    help: 'write or edit a note (Enter saves, Esc cancels)',
    panes: ['list', 'reader'],
    hint: '{note} note',
  },
  {
    name: 'tag',
    keys: ['t'],
    action: { type: 'startTag' },
    help: 'tag the article or the selection (word adds, -word removes; Tab completes)',
    panes: ['list', 'reader'],
  },
  {
    name: 'select',
    keys: ['v'],
    action: { type: 'toggleSelect' },
    help: 'select the row (or not), and move on; * u t then apply to the selection',
    panes: ['list'],
  },
  { name: 'select-range', keys: ['V'], action: { type: 'selectRange' }, help: 'select every row from the one picked with v to this one', panes: ['list'] },
  { name: 'select-all', keys: ['A'], action: { type: 'selectAll' }, help: 'select every match of the filter (again: none)', panes: ['list'] },
  { name: 'undo', keys: ['U', 'ctrl-z'], action: { type: 'undo' }, help: 'undo the last mark, note or tag change (a whole batch at once)' },
  { name: 'saved-searches', keys: ["'"], action: { type: 'openSearches' }, help: 'saved searches, with their counts (Ctrl-S in the filter saves one)' },
  { name: 'export', keys: ['x'], action: { type: 'export' }, help: 'export this view (with the filter) to a file here' },
  { name: 'copy-citation', keys: ['y'], action: { type: 'copyCitation' }, help: "copy the article's citation (OSC 52 clipboard)", panes: ['list', 'reader'] },
  {
    name: 'open-address',
    keys: ['o'],
    action: { type: 'openAddress' },
    help: "open the article's address in a browser (over SSH: copy it, OSC 52)",
    panes: ['list', 'reader'],
  },
  {
    name: 'pipe',
    keys: ['|'],
    action: { type: 'startPipe' },
    help: "pipe the article's text to a shell command (| wc -w); its output in an overlay",
    panes: ['list', 'reader'],
  },
  { name: 'pager', keys: ['P'], action: { type: 'pager' }, help: "read the article in the pager (the config's, $PAGER or less)", panes: ['list', 'reader'] },
  { name: 'zoom', keys: ['z'], action: { type: 'zoom' }, help: 'zoom the pane to the full screen, and back' },
  { name: 'back', keys: ['escape'], action: { type: 'back' }, help: 'back one level (the filter kept); in the list: clear the filter' },
  { name: 'quit', keys: ['q'], action: { type: 'back' }, help: 'back to the list', panes: ['reader', 'entities', 'compare'] },
  { name: 'quit', keys: ['q'], action: { type: 'quit' }, help: 'quit', panes: ['list'], hint: '{quit} quit' },
  { name: 'quit-now', keys: ['ctrl-c'], action: { type: 'quit' }, help: 'quit, from anywhere' },
  { name: 'redraw', keys: ['ctrl-l'], action: { type: 'redraw' }, help: 'redraw the screen' },
  { name: 'help', keys: ['?'], action: { type: 'help' }, help: 'help', hint: '{help} help' },
];

/** A mode that takes the keyboard: its keys, and what any other key does there. */
export interface ModeKeys {
  bindings: Binding[];
  /** a printable key: typed into the prompt */
  typing?: (text: string) => Action;
  /** any key without a binding (the help overlay: closes it) */
  other?: Action;
  /** lines the help shows for this mode before its keys */
  about: string[];
}

/** Editing a prompt line as readline does (bash, mutt, newsboat). */
const LINE_EDITING: Binding[] = [
  { keys: ['left', 'ctrl-b'], action: { type: 'edit', op: 'left' }, help: 'back a character' },
  { keys: ['right', 'ctrl-f'], action: { type: 'edit', op: 'right' }, help: 'forward a character' },
  { keys: ['home', 'ctrl-a'], action: { type: 'edit', op: 'home' }, help: 'to the start' },
  { keys: ['end', 'ctrl-e'], action: { type: 'edit', op: 'end' }, help: 'to the end' },
  { keys: ['meta-b'], action: { type: 'edit', op: 'wordLeft' }, help: 'back a word' },
  { keys: ['meta-f'], action: { type: 'edit', op: 'wordRight' }, help: 'forward a word' },
  { keys: ['ctrl-d'], action: { type: 'edit', op: 'delete' }, help: 'delete the character under the cursor' },
  { keys: ['ctrl-u'], action: { type: 'edit', op: 'killLeft' }, help: 'delete to the start' },
  { keys: ['ctrl-k'], action: { type: 'edit', op: 'killRight' }, help: 'delete to the end' },
  { keys: ['ctrl-w'], action: { type: 'edit', op: 'killWord' }, help: 'delete the word before the cursor' },
];

export const MODE_KEYS: Record<Exclude<Mode, 'normal'>, ModeKeys> = {
  filter: {
    about: [
      'words (fuzzy), "phrase", -exclude, country: person: org: place: source: year:2011..2017',
      'is:starred is:unread is:read is:new has:note tag:NAME @saved',
    ],
    bindings: [
      { keys: ['enter'], action: { type: 'commitFilter' }, help: 'keep the filter' },
      { keys: ['escape'], action: { type: 'cancelFilter' }, help: 'back to the filter as it was' },
      { keys: ['backspace'], action: { type: 'erase' }, help: 'erase a character' },
      { keys: ['up'], action: { type: 'history', delta: -1 }, help: 'an earlier filter' },
      { keys: ['down'], action: { type: 'history', delta: 1 }, help: 'a later filter' },
      { keys: ['ctrl-s'], action: { type: 'startSaveSearch' }, help: 'save the filter under a name (then @name in any filter)' },
      ...LINE_EDITING,
    ],
    typing: (text) => ({ type: 'typeChar', text }),
  },
  tag: {
    about: ['words add tags, -word removes one: "returnees -todo"'],
    bindings: [
      { keys: ['enter'], action: { type: 'commitTag' }, help: 'apply the tags' },
      { keys: ['escape'], action: { type: 'cancelPrompt' }, help: 'cancel' },
      { keys: ['tab'], action: { type: 'complete' }, help: 'complete the word from the tags in use' },
      { keys: ['backspace'], action: { type: 'promptErase' }, help: 'erase a character' },
      ...LINE_EDITING,
    ],
    typing: (text) => ({ type: 'promptChar', text }),
  },
  name: {
    about: ['letters, digits, - and _'],
    bindings: [
      { keys: ['enter'], action: { type: 'commitName' }, help: 'save the search under this name' },
      { keys: ['escape'], action: { type: 'cancelPrompt' }, help: 'cancel' },
      { keys: ['backspace'], action: { type: 'promptErase' }, help: 'erase a character' },
      ...LINE_EDITING,
    ],
    typing: (text) => ({ type: 'promptChar', text }),
  },
  searches: {
    about: ['each with how many articles it finds now'],
    bindings: [
      { keys: ['j', 'down'], action: { type: 'searchesMove', delta: 1 }, help: 'move down' },
      { keys: ['k', 'up'], action: { type: 'searchesMove', delta: -1 }, help: 'move up' },
      { keys: ['enter'], action: { type: 'applySearch' }, help: 'filter by it (@name)' },
      { keys: ['d'], action: { type: 'deleteSearch' }, help: 'delete it' },
      { keys: ['escape', 'q', "'"], action: { type: 'cancelPrompt' }, help: 'close' },
    ],
  },
  collocates: {
    about: ['within ±5 words of a hit, seen 3 times or more, stop words left out; ranked by log-likelihood (G²)'],
    bindings: [
      { keys: ['j', 'down'], action: { type: 'collocatesMove', delta: 1 }, help: 'move down' },
      { keys: ['k', 'up'], action: { type: 'collocatesMove', delta: -1 }, help: 'move up' },
      { keys: ['space', 'pagedown'], action: { type: 'collocatesMove', delta: 10 }, help: 'page down' },
      { keys: ['b', 'pageup'], action: { type: 'collocatesMove', delta: -10 }, help: 'page up' },
      { keys: ['enter'], action: { type: 'applyCollocate' }, help: 'filter to the articles with both the filter and this word' },
      { keys: ['escape', 'q', 'C'], action: { type: 'cancelPrompt' }, help: 'close' },
    ],
  },
  pipe: {
    about: ["a /bin/sh command line; the article's title, publisher, date, address and paragraphs are its input"],
    bindings: [
      { keys: ['enter'], action: { type: 'commitPipe' }, help: 'run it (the dashboard steps aside; Ctrl-C stops it)' },
      { keys: ['escape'], action: { type: 'cancelPrompt' }, help: 'cancel' },
      { keys: ['backspace'], action: { type: 'promptErase' }, help: 'erase a character' },
      ...LINE_EDITING,
    ],
    typing: (text) => ({ type: 'promptChar', text }),
  },
  output: {
    about: ["the command's output, then its error output and how it ended"],
    bindings: [
      { keys: ['j', 'down'], action: { type: 'outputScroll', delta: 1 }, help: 'scroll down' },
      { keys: ['k', 'up'], action: { type: 'outputScroll', delta: -1 }, help: 'scroll up' },
      { keys: ['space', 'pagedown', 'ctrl-f'], action: { type: 'outputScroll', delta: 10 }, help: 'page down' },
      { keys: ['b', 'pageup', 'ctrl-b'], action: { type: 'outputScroll', delta: -10 }, help: 'page up' },
      { keys: ['escape', 'q', 'enter'], action: { type: 'closeOutput' }, help: 'close' },
    ],
  },
  note: {
    about: ['type the note'],
    bindings: [
      { keys: ['enter'], action: { type: 'commitNote' }, help: 'save the note' },
      { keys: ['escape'], action: { type: 'cancelNote' }, help: 'cancel' },
      { keys: ['backspace'], action: { type: 'noteErase' }, help: 'erase a character' },
      ...LINE_EDITING,
    ],
    typing: (text) => ({ type: 'noteChar', text }),
  },
  // the overlay scrolls where the terminal is too small for every key; any other key closes it
  help: {
    about: ['any other key closes it'],
    bindings: [
      { keys: ['j', 'down'], action: { type: 'helpScroll', delta: 1 }, help: 'scroll down' },
      { keys: ['k', 'up'], action: { type: 'helpScroll', delta: -1 }, help: 'scroll up' },
      { keys: ['space', 'pagedown'], action: { type: 'helpScroll', delta: 10 }, help: 'page down' },
      { keys: ['b', 'pageup'], action: { type: 'helpScroll', delta: -10 }, help: 'page up' },
    ],
    other: { type: 'closeHelp' },
  },
};

/** The modes' titles in the help overlay. */
export const MODE_TITLES: Record<Exclude<Mode, 'normal'>, string> = {
  filter: 'In the / prompt:',
  note: 'Writing a note (m):',
  tag: 'Tagging (t):',
  name: 'Naming a saved search (Ctrl-S in /):',
  searches: "Saved searches ('):",
  collocates: 'Collocates (C):',
  pipe: 'Piping the article to a command (|):',
  output: "A piped command's output:",
  help: 'In this help:',
};

/** A key as Ink reports it, named. */
export interface KeyEvent {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

export function keyName(k: KeyEvent): string {
  if (k.upArrow) return 'up';
  if (k.downArrow) return 'down';
  if (k.leftArrow) return 'left';
  if (k.rightArrow) return 'right';
  if (k.pageUp) return 'pageup';
  if (k.pageDown) return 'pagedown';
  if (k.home) return 'home';
  if (k.end) return 'end';
  if (k.return) return 'enter';
  if (k.escape) return 'escape';
  if (k.tab) return k.shift ? 'shift-tab' : 'tab';
  // Ink 6 reports the usual Backspace (0x7f) as delete
  if (k.backspace || k.delete) return 'backspace';
  if (k.ctrl && k.input) return `ctrl-${k.input}`;
  // Alt-B arrives as ESC b, which Ink reports as b with meta
  if (k.meta && k.input && !k.input.startsWith('\x1b')) return `meta-${k.input}`;
  if (k.input === ' ') return 'space';
  return k.input;
}

/**
 * Keys typed faster than a frame can arrive as one chunk ("/taraz", "\r\r"): split it
 * into one event per key, naming the control characters Ink would have named.
 */
export function splitKeys(input: string, key: Omit<KeyEvent, 'input'>): KeyEvent[] {
  if (input.length <= 1 || key.ctrl || key.meta || key.escape || input.startsWith('\x1b') || mouseOf(input)) return [{ input, ...key }];
  return [...input].map((ch): KeyEvent => {
    if (ch === '\r' || ch === '\n') return { input: '', return: true };
    if (ch === '\t') return { input: '', tab: true };
    if (ch === '\x7f' || ch === '\b') return { input: '', delete: true };
    return { input: ch };
  });
}

/** A mouse report in the SGR encoding (ESC [ < button ; column ; row M, or m on release; Ink takes off the ESC). */
export interface MouseEvent {
  button: number;
  /** 1-based, as the terminal counts */
  column: number;
  row: number;
  release: boolean;
}

const SGR_MOUSE = /^\x1b?\[<(\d+);(\d+);(\d+)([Mm])$/;

export function mouseOf(input: string): MouseEvent | null {
  const m = SGR_MOUSE.exec(input);
  return m ? { button: Number(m[1]), column: Number(m[2]), row: Number(m[3]), release: m[4] === 'm' } : null;
}

/** Lines a turn of the wheel moves, as less and most terminals scroll. */
export const WHEEL_LINES = 3;

/** The wheel's direction (-1 up, 1 down), or 0 for any other button; Shift, Alt and Ctrl (4, 8, 16) do not change it. */
function wheelOf(m: MouseEvent): number {
  if (m.release || (m.button & 64) === 0) return 0;
  const low = m.button & 3;
  return low === 0 ? -1 : low === 1 ? 1 : 0;
}

/** The pane under a 1-based terminal cell, as the layout on screen places it. */
export type PaneAt = (column: number, row: number) => Pane | undefined;

function routeMouse(state: Pick<UiState, 'mode' | 'focus'>, m: MouseEvent, paneAt: PaneAt | undefined): Action | null {
  const direction = wheelOf(m);
  if (!direction) return null;
  if (state.mode === 'help') return { type: 'helpScroll', delta: direction * WHEEL_LINES };
  if (state.mode === 'output') return { type: 'outputScroll', delta: direction * WHEEL_LINES };
  if (state.mode === 'collocates') return { type: 'collocatesMove', delta: direction * WHEEL_LINES };
  if (state.mode !== 'normal') return null;
  const pane = paneAt?.(m.column, m.row);
  return pane ? { type: 'wheel', pane, delta: direction * WHEEL_LINES } : null;
}

/**
 * The one router: (mode, focused pane, key) → action, or null for keys that do nothing there.
 * A mouse report goes to the pane under the pointer (`paneAt`); a click does nothing.
 */
export function route(state: Pick<UiState, 'mode' | 'focus'>, k: KeyEvent, paneAt?: PaneAt, keymap: Keymap = NORMAL_KEYS): Action | null {
  const mouse = mouseOf(k.input);
  if (mouse) return routeMouse(state, mouse, paneAt);
  const name = keyName(k);
  if (name === 'ctrl-c') return { type: 'quit' };
  if (name === 'ctrl-l') return { type: 'redraw' };
  if (state.mode !== 'normal') {
    const keys = MODE_KEYS[state.mode];
    const bound = keys.bindings.find((b) => b.keys.includes(name));
    if (bound) return bound.action;
    if (keys.typing) {
      if (name === 'space') return keys.typing(' ');
      if (k.input && !k.ctrl && !k.meta && !/[\u0000-\u001f\u007f]/.test(k.input)) return keys.typing(k.input);
    }
    return keys.other ?? null;
  }
  const binding = keymap.find((b) => b.keys.includes(name) && (!b.panes || b.panes.includes(state.focus)));
  return binding ? binding.action : null;
}

/** The status-bar hints for a pane, most useful first: "j/k move", "Enter read", … "? help" (always last), with the keys in force. */
export function hintsFor(pane: Pane, keymap: Keymap = NORMAL_KEYS): string[] {
  const here = keymap.filter((b) => !b.panes || b.panes.includes(pane));
  const keyOf = (name: string | undefined) => prettyKey(here.find((b) => b.name === name)?.keys[0] ?? '?');
  const fill = (b: Binding, hint: string) => hint.replace(/\{([^}]*)\}/g, (_, name: string) => (name ? keyOf(name) : prettyKey(b.keys[0] ?? '?')));
  const hints = here.filter((b) => b.hint && b.action.type !== 'help').map((b) => fill(b, b.hint!));
  // q in the other panes goes back to the list
  if (pane !== 'list') hints.push(`${keyOf('quit')} back`);
  return [...hints, `${keyOf('help')} help`];
}

const PRETTY: Record<string, string> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  backspace: 'BkSp',
};

/** A key as the help and the hints show it: ↓, Enter, ^D, M-b. */
export const prettyKey = (k: string): string => PRETTY[k] ?? k.replace(/^ctrl-(.)$/, (_, c: string) => `^${c.toUpperCase()}`).replace(/^meta-(.)$/, 'M-$1');

/** Keys the router answers before any table (Ctrl-C quits, Ctrl-L redraws): never remapped. */
const FIXED_KEYS = new Set(['ctrl-c', 'ctrl-l']);
const NAMED_KEYS = new Set([...Object.keys(PRETTY)]);

/** Whether `key` is a key as the router names it: a printable character, a named key, ctrl-x or meta-x. */
export function isKeyName(key: string): boolean {
  if (NAMED_KEYS.has(key)) return true;
  if (/^(?:ctrl|meta)-[a-z0-9]$/.test(key)) return true;
  return [...key].length === 1 && !/[\s\p{Cc}]/u.test(key);
}

/** Every binding name a config file can remap. */
export const ACTION_NAMES: readonly string[] = [...new Set(NORMAL_KEYS.filter((b) => !b.keys.some((k) => FIXED_KEYS.has(k))).map((b) => b.name!))];

/**
 * The keymap with `remaps` (a name → its new keys) applied to every binding of that name. A
 * remap that names no action, a key the router does not know or a fixed key, or that would
 * give one key two actions in a pane, is left out and said (`problems`, with the name).
 */
export function remapKeys(
  remaps: ReadonlyMap<string, readonly string[]>,
  base: Keymap = NORMAL_KEYS,
): { keymap: Binding[]; problems: { name: string; problem: string }[] } {
  const problems: { name: string; problem: string }[] = [];
  const good = new Map<string, readonly string[]>();
  for (const [name, keys] of remaps) {
    const fixed = base.find((b) => b.name === name && b.keys.some((k) => FIXED_KEYS.has(k)));
    if (fixed) problems.push({ name, problem: `${name} keeps its key (${fixed.keys.map(prettyKey).join(' ')})` });
    else if (!ACTION_NAMES.includes(name)) problems.push({ name, problem: `unknown action "${name}"` });
    else if (!keys.length) problems.push({ name, problem: `${name}: give at least one key` });
    else {
      const bad = keys.find((k) => !isKeyName(k) || FIXED_KEYS.has(k));
      if (bad !== undefined)
        problems.push({
          name,
          problem: `${name}: "${bad}" is not a key steppe can bind (a character, up, down, enter, escape, tab, space, pagedown, ctrl-x, meta-x …; not ctrl-c or ctrl-l)`,
        });
      else good.set(name, keys);
    }
  }
  const apply = () => base.map((b) => (b.name && good.has(b.name) ? { ...b, keys: [...good.get(b.name)!] } : b));
  // a clash drops the remaps in it (the defaults have none), until none is left
  for (;;) {
    const keymap = apply();
    const clash = clashOf(keymap);
    if (!clash) return { keymap, problems };
    const [a, b, key, pane] = clash;
    const dropped = [a, b].filter((n) => good.has(n));
    for (const n of dropped) good.delete(n);
    problems.push({ name: dropped[0]!, problem: `"${key}" would be both ${a} and ${b} in the ${pane} pane: ${dropped.join(' and ')} left as they were` });
  }
}

/** Two differently named bindings on one key in one pane, if any. */
function clashOf(keymap: Keymap): [string, string, string, Pane] | null {
  for (const pane of PANES) {
    const owner = new Map<string, string>();
    for (const b of keymap) {
      if (b.panes && !b.panes.includes(pane)) continue;
      for (const k of b.keys) {
        const had = owner.get(k);
        if (had !== undefined && had !== b.name) return [had, b.name ?? '', k, pane];
        owner.set(k, b.name ?? '');
      }
    }
  }
  return null;
}
