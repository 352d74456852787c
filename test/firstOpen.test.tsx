/**
 * The first open of a large corpus: the dashboard shows at once and builds its index between
 * key presses; a filter typed meanwhile waits (the list says so) and applies once the index is
 * ready, with the same answer as an index built up front.
 */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import { parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { prepareModel, type Model } from '../src/ui/model.js';
import { makeSelectors } from '../src/ui/selectors.js';
import { K, renderSized, type Screen } from './uiHarness.js';

const corpus = { version: 1 as const, articles: [...generateCorpus(600, 11)] };
const eager = buildIndex(corpus.articles);
const query = (text: string) => {
  const q = parseQuery(text);
  assert.ok(q.ok);
  return q.query;
};

/** The model with its background indexing held until `release` is called. */
function gated(model: Model): { model: Model; release(): void } {
  let open = false;
  // a child object: the model's own getters (its index) stay as they are
  const child = Object.assign(Object.create(model) as Model, { indexStep: (ms: number) => (open ? model.indexStep(ms) : false) });
  return { model: child, release: () => (open = true) };
}

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

describe('first open of a large corpus', () => {
  it('lists every article while the index is built, then answers as an index built up front', () => {
    const model = prepareModel(corpus, 'generated', 0, {}, { indexLater: true });
    assert.equal(model.indexProgress(), 0);
    const sel = makeSelectors(model);
    const q = query('kazakh -taliban');
    assert.equal(sel.result(q).ids.length, corpus.articles.length, 'the query waits for the index');
    let slices = 0;
    while (!model.indexStep(1)) slices++;
    assert.ok(slices > 0, 'built in more than one slice');
    assert.equal(model.indexProgress(), null);
    for (const text of ['kazakh -taliban', 'nazarbaev', '"islamic state"', 'country:uzbekistan year:2000..2010']) {
      assert.deepEqual(sel.result(query(text)).ids, searchAll(eager, query(text)).ids, text);
    }
  });

  it('says so in the list title, and applies a filter typed meanwhile once the index is ready', async () => {
    const { model, release } = gated(prepareModel(corpus, 'generated', 0, {}, { indexLater: true }));
    screen = await renderSized(120, 30, model);
    assert.match(screen.lastFrame(), /1 Articles \(600\) · indexing 0%/);
    await screen.press('/', ...'kazakh', K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(600\) · indexing 0%, filter waits/);
    release();
    const expected = searchAll(eager, query('kazakh')).ids.length;
    assert.ok(expected > 0 && expected < 600);
    for (let waited = 0; !screen.lastFrame().includes(`1 Articles (${expected})`) && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.match(screen.lastFrame(), new RegExp(`1 Articles \\(${expected}\\)`));
    assert.doesNotMatch(screen.lastFrame(), /indexing/);
  });
});
