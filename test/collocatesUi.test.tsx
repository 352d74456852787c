/** C in the dashboard: the filter's collocates in an overlay, a cursor, Enter filters to the articles with both. */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { collocatesOf } from '../src/analysis/collocates.js';
import { parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { bundledModel, K, renderApp, type Screen } from './uiHarness.js';

describe('C: collocates of the filter', () => {
  let screen: Screen | undefined;
  afterEach(() => screen?.unmount());

  it('lists the words near the hits as steppe collocates ranks them; Enter filters to both', async () => {
    const model = bundledModel();
    const parsed = parseQuery('kazakhstan');
    assert.ok(parsed.ok);
    const r = searchAll(model.session.index(), parsed.query);
    const expected = collocatesOf(model.articles, r.ids, r.terms, r.phrases).rows;
    assert.ok(expected.length >= 2, 'the bundled corpus has collocates of kazakhstan');
    screen = await renderApp({ model });
    await screen.press('C');
    assert.match(screen.lastFrame(), /C: filter by a word or a "phrase" first/);
    await screen.press('/');
    await screen.type('kazakhstan');
    await screen.press(K.enter, 'C');
    const frame = screen.lastFrame();
    assert.match(frame, /Collocates of kazakhstan \(±5 words of \d+ hits, by log-likelihood\)/);
    const shown = frame
      .split('\n')
      .map((l) => /^║(\S+)\s+(\d+)\s+([\d.]+)\s*║$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2]), m[3]]);
    assert.equal(shown.length, expected.length, 'every collocate fits at 100×30');
    assert.deepEqual(
      shown,
      expected.slice(0, shown.length).map((c) => [c.term, c.count, c.score.toFixed(2)]),
    );
    await screen.press('j', K.enter);
    const term = expected[1]!.term;
    const both = parseQuery(`kazakhstan "${term}"`);
    assert.ok(both.ok);
    const count = searchAll(model.session.index(), both.query).ids.length;
    assert.match(screen.lastFrame(), new RegExp(`1 Articles \\(${count}\\)`));
    assert.match(screen.lastFrame(), new RegExp(`for kazakhstan "${term}"`));
  });
});
