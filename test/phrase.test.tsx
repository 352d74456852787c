/**
 * A phrase over common words in a large corpus: the keystroke that closes it checks its
 * candidates for a few milliseconds, the list shows what is found so far and says so in its
 * title, and the check goes on by itself until the list is whole, with no key pressed.
 */
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import { parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { K, modelOf, renderSized } from './uiHarness.js';

// 800 articles whose template sentence holds the phrase; a keystroke checks for 0 ms here
// (16 articles a round) instead of 20, so that the check takes many rounds on any machine
const corpus = { version: 1 as const, articles: [...generateCorpus(800, 21)] };
const phrase = '"citizens have travelled"';

describe('a phrase over common words', () => {
  const model = { ...modelOf(corpus, 'generated'), phraseBudgetMs: 0 };
  let unmount = () => {};
  after(() => unmount());

  it('lists what is found so far while it is checked, then the whole answer, by itself', async () => {
    const q = parseQuery(phrase);
    assert.ok(q.ok);
    const whole = searchAll(buildIndex(corpus.articles), q.query).ids.length;
    assert.ok(whole > 600, `${whole} articles hold it`);
    const screen = await renderSized(120, 30, model);
    unmount = screen.unmount;
    await screen.press('/', ...phrase, K.enter);
    const checking = /1 Articles \((\d+)\) · checking phrase (\d+)%/.exec(screen.lastFrame());
    assert.ok(checking, `the title says the phrase is being checked:\n${screen.lastFrame()}`);
    assert.ok(Number(checking[1]) < whole, 'a part of the answer so far');
    // no key from here on: the list grows to the whole answer
    const seen = [Number(checking[1])];
    for (let waited = 0; !screen.lastFrame().includes(`1 Articles (${whole})`) && waited < 30_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      const m = /1 Articles \((\d+)\)/.exec(screen.lastFrame());
      if (m) seen.push(Number(m[1]));
    }
    assert.match(screen.lastFrame(), new RegExp(`1 Articles \\(${whole}\\)`));
    assert.doesNotMatch(screen.lastFrame(), /checking phrase/);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      'the list only grows',
    );
  });
});
