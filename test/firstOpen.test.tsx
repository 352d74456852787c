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
import { sessionOf, type Session } from '../src/session/session.js';
import { prepareModel } from '../src/ui/model.js';
import { makeSelectors } from '../src/ui/selectors.js';
import { K, renderSized, type Screen } from './uiHarness.js';

const corpus = { version: 1 as const, articles: [...generateCorpus(600, 11)] };
const eager = buildIndex(corpus.articles);
const query = (text: string) => {
  const q = parseQuery(text);
  assert.ok(q.ok);
  return q.query;
};

/** A session whose background work (the index) is held until `release` is called. */
function gated(session: Session): { session: Session; release(): void } {
  let open = false;
  return { session: { ...session, work: (ms: number) => (open ? session.work(ms) : false) }, release: () => (open = true) };
}

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

describe('first open of a large corpus', () => {
  it('lists every article while the index is built, then answers as an index built up front', () => {
    const session = sessionOf(corpus, { label: 'generated', indexLater: true });
    const model = prepareModel(session);
    assert.equal(session.progress().index, 0);
    const sel = makeSelectors(model);
    const q = query('kazakh -taliban');
    assert.equal(sel.result(q).ids.length, corpus.articles.length, 'the query waits for the index');
    let slices = 0;
    while (!session.work(1)) slices++;
    assert.ok(slices > 0, 'built in more than one slice');
    assert.equal(session.progress().index, null);
    for (const text of ['kazakh -taliban', 'nazarbaev', '"islamic state"', 'country:uzbekistan year:2000..2010']) {
      assert.deepEqual(sel.result(query(text)).ids, searchAll(eager, query(text)).ids, text);
    }
  });

  it('says so in the list title, and applies a filter typed meanwhile once the index is ready', async () => {
    const { session, release } = gated(sessionOf(corpus, { label: 'generated', indexLater: true }));
    screen = await renderSized(120, 30, prepareModel(session));
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
