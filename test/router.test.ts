/** The keymap, router and reducer without Ink. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { NORMAL_KEYS, route, splitKeys } from '../src/ui/keymap.js';
import { initialState, reduce, type Action, type Pane, type UiState, type View } from '../src/ui/state.js';

const view: View = {
  list: [3, 1, 4],
  entityRows: [{ id: 'country:KAZ', name: 'Kazakhstan', type: 'country' }],
  compareRows: [{ country: 'Kazakhstan' }],
  matrix: ['Kazakhstan', 'Uzbekistan'],
  compareLines: 0,
  readerLines: 50,
  hitLines: [10, 30],
  concordanceLines: 0,
  collocateRows: 0,
  concordanceAt: () => undefined,
  figureAt: () => undefined,
  readerLineOf: () => 0,
  page: 20,
};
const run = (s: UiState, ...actions: Action[]) => actions.reduce((acc, a) => reduce(acc, a, view), s);

describe('router', () => {
  it('routes by mode and pane, from one keymap', () => {
    const s = initialState();
    assert.deepEqual(route(s, { input: 'j' }), { type: 'move', delta: 1 });
    assert.deepEqual(route(s, { input: '', downArrow: true }), { type: 'move', delta: 1 });
    assert.deepEqual(route(s, { input: '', return: true }), { type: 'open' });
    assert.equal(route(s, { input: 'n' }), null, 'n does nothing in the list');
    assert.deepEqual(route({ ...s, focus: 'reader' }, { input: 'n' }), { type: 'hit', delta: 1 });
    assert.deepEqual(route({ ...s, mode: 'filter' }, { input: 'j' }), { type: 'typeChar', text: 'j' });
    assert.deepEqual(route({ ...s, mode: 'filter' }, { input: '', delete: true }), { type: 'erase' });
    assert.deepEqual(route({ ...s, mode: 'help' }, { input: 'x' }), { type: 'closeHelp' });
    assert.deepEqual(route(s, { input: 'c', ctrl: true }), { type: 'quit' });
  });

  it('splits keys that arrive together', () => {
    assert.deepEqual(splitKeys('/ta', {}), [{ input: '/' }, { input: 't' }, { input: 'a' }]);
    assert.deepEqual(splitKeys('\r\r', {}), [
      { input: '', return: true },
      { input: '', return: true },
    ]);
    assert.deepEqual(splitKeys('\x1b[A', { upArrow: true }), [{ input: '\x1b[A', upArrow: true }]);
  });

  it('sends the wheel (SGR mouse reports) to the pane under the pointer, in any mode that scrolls, and never types it', () => {
    const s = initialState();
    const paneAt = (column: number): Pane => (column <= 40 ? 'list' : 'reader');
    // Ink hands over the report without its ESC
    assert.deepEqual(route(s, { input: '[<65;60;5M' }, paneAt), { type: 'wheel', pane: 'reader', delta: 3 });
    assert.deepEqual(route(s, { input: '[<64;3;5M' }, paneAt), { type: 'wheel', pane: 'list', delta: -3 });
    // with Ctrl or Shift held (16, 4) it is still the wheel
    assert.deepEqual(route(s, { input: '[<81;3;5M' }, paneAt), { type: 'wheel', pane: 'list', delta: 3 });
    assert.equal(route(s, { input: '[<0;3;5M' }, paneAt), null, 'a click does nothing');
    assert.equal(route(s, { input: '[<0;3;5m' }, paneAt), null, 'nor its release');
    assert.equal(
      route(s, { input: '[<65;3;24M' }, () => undefined),
      null,
      'the status rows have no pane',
    );
    assert.deepEqual(route({ ...s, mode: 'help' }, { input: '[<65;3;5M' }, paneAt), { type: 'helpScroll', delta: 3 });
    assert.equal(route({ ...s, mode: 'filter' }, { input: '[<65;3;5M' }, paneAt), null, 'not typed into the prompt');
    assert.deepEqual(splitKeys('[<65;3;5M', {}), [{ input: '[<65;3;5M' }], 'one report, not nine keys');
  });

  it('has one binding per key in each pane', () => {
    for (const pane of ['list', 'reader', 'entities', 'compare'] as const) {
      const keys = NORMAL_KEYS.filter((b) => !b.panes || b.panes.includes(pane)).flatMap((b) => b.keys);
      assert.equal(new Set(keys).size, keys.length, `${pane}: ${keys.join(' ')}`);
    }
  });
});

describe('reducer', () => {
  it('keeps cursors in range', () => {
    let s = run(initialState(), { type: 'move', delta: 10 });
    assert.equal(s.listCursor, 2);
    s = run(s, { type: 'move', delta: -10 });
    assert.equal(s.listCursor, 0);
  });

  it('goes back one level in the focused pane: Esc in Compare leaves the Entities pane’s concordance as it was', () => {
    const withConcordance = { ...initialState(), concordance: { of: 'entity' as const, id: 'country:KAZ', name: 'Kazakhstan' } };
    const inCompare = run({ ...withConcordance, focus: 'compare' }, { type: 'back' });
    assert.equal(inCompare.focus, 'list');
    assert.deepEqual(inCompare.concordance, withConcordance.concordance);
    const inEntities = run({ ...withConcordance, focus: 'entities' }, { type: 'back' });
    assert.equal(inEntities.focus, 'entities');
    assert.equal(inEntities.concordance, null);
  });

  it('opens the selected article in the reader', () => {
    const s = run(initialState(), { type: 'move', delta: 1 }, { type: 'open' });
    assert.equal(s.reading, 1);
    assert.equal(s.focus, 'reader');
  });

  it('filters live, keeps the last valid query on errors, and remembers history', () => {
    let s = run(initialState(), { type: 'startFilter' }, { type: 'typeChar', text: 'isis' });
    assert.equal(s.filter, 'isis');
    s = run(s, { type: 'typeChar', text: ' "x' });
    assert.equal(s.filter, 'isis');
    assert.equal(s.draftError, 'unclosed quote');
    s = run(s, { type: 'erase' }, { type: 'erase' }, { type: 'erase' }, { type: 'commitFilter' });
    assert.deepEqual(s.history, ['isis']);
    s = run(s, { type: 'back' });
    assert.equal(s.filter, '');
    s = run(s, { type: 'startFilter' }, { type: 'history', delta: -1 });
    assert.equal(s.draft, 'isis');
  });

  it('adds an entity as a field filter on Enter and shows the list', () => {
    const s = run({ ...initialState(), focus: 'entities' }, { type: 'open' });
    assert.equal(s.filter, 'country:Kazakhstan');
    assert.equal(s.focus, 'list');
  });

  it('jumps between hits in the reader', () => {
    let s = run({ ...initialState(), focus: 'reader', reading: 3 }, { type: 'hit', delta: 1 });
    assert.equal(s.readerTop, 8);
    s = run(s, { type: 'hit', delta: 1 });
    assert.equal(s.readerTop, 28);
    s = run(s, { type: 'hit', delta: 1 });
    assert.equal(s.readerTop, 8, 'wraps around');
  });

  it('cycles the sort, offering relevance while filtering by words', () => {
    let s = run(initialState(), { type: 'sort' });
    assert.equal(s.sort, 'publisher');
    s = run(initialState(), { type: 'startFilter' }, { type: 'typeChar', text: 'isis' });
    assert.equal(s.sort, 'relevance');
  });
});
