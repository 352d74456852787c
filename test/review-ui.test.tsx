/** Review keys in the dashboard: read, star, note, is:/has: filters, export and citation. */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import type { ExportWhat, Outside } from '../src/ui/effects.js';
import { K, memoryReview, renderApp, type Screen } from './uiHarness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const row = (frame: string, text: RegExp) => frame.split('\n').find((l) => text.test(l)) ?? '';

describe('review in the dashboard', () => {
  it('stars, writes a note, and filters by is:starred and has:note', async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    assert.match(row(screen.lastFrame(), /Caspian News/), /•\s+2017-09-01/, 'unread mark');
    await screen.press('*');
    assert.match(row(screen.lastFrame(), /Caspian News/), /•\*\s+2017-09-01/);
    assert.match(screen.lastFrame(), /starred: Can Kazakhstan/);
    await screen.press('j', 'm');
    await screen.type('check Taraz figures');
    assert.match(screen.lastFrame(), /note: check Taraz figures▏/);
    await screen.press(K.enter);
    assert.match(row(screen.lastFrame(), /Institute f/), /• \+\s+2011-11-28/);
    assert.equal([...review.marks.values()].find((m) => m.note)?.note, 'check Taraz figures');

    await screen.press('/');
    await screen.type('is:starred');
    assert.match(screen.lastFrame(), /1 Articles \(1\)/);
    await screen.press(K.esc, '/');
    await screen.type('has:note');
    assert.match(screen.lastFrame(), /1 Articles \(1\)/);
    assert.match(screen.lastFrame(), /Kazakstan Face/);
  });

  it('marks an opened article read, u toggles it, and is:unread follows', async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    await screen.press(K.enter);
    assert.ok([...review.marks.values()][0]?.read);
    await screen.press('1');
    assert.match(row(screen.lastFrame(), /Caspian News/), /^║\s{3}\s*2017-09-01|│\s{3}\s*2017-09-01/);
    await screen.press('/');
    await screen.type('is:unread');
    assert.match(screen.lastFrame(), /1 Articles \(4\)/);
    await screen.press(K.esc, 'u');
    assert.match(screen.lastFrame(), /marked unread/);
  });

  it('Esc cancels a note without saving', async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    await screen.press('m');
    await screen.type('draft');
    await screen.press(K.esc);
    assert.match(screen.lastFrame(), /note not changed/);
    assert.equal([...review.marks.values()].filter((m) => m.note).length, 0);
  });

  it('exports the current view with the filter and copies a citation', async () => {
    const calls: [ExportWhat, string][] = [];
    const copied: string[] = [];
    const outside: Outside = {
      async exportView(what, query) {
        calls.push([what, query]);
        return './steppe-articles-test.csv';
      },
      copy: (t) => copied.push(t),
    };
    screen = await renderApp({ review: memoryReview(), outside });
    await screen.press('/');
    await screen.type('taraz');
    await screen.press(K.enter, 'x');
    await new Promise((r) => setTimeout(r, 10));
    await screen.press();
    assert.deepEqual(calls, [['articles', 'taraz']]);
    assert.match(screen.lastFrame(), /exported to \.\/steppe-articles-test\.csv/);
    await screen.press('y');
    assert.deepEqual(copied, ['Kazakstan Faces Up to Terror Threat — Institute for War and Peace Reporting — 2011-11-28 — 002_3743e4cde9cea406.txt']);
    assert.match(screen.lastFrame(), /citation sent to the clipboard \(OSC 52\)/);
  });

  it('exports exactly the view on screen: the entity type shown, the compare view shown', async () => {
    const calls: string[] = [];
    const outside: Outside = {
      async exportView(what, _query, options) {
        calls.push(options?.type ? `${what}:${options.type}` : what);
        return './steppe-test.csv';
      },
      copy: () => undefined,
    };
    screen = await renderApp({ review: memoryReview(), outside });
    const x = async (...keys: string[]) => {
      await screen!.press(...keys, 'x');
      await new Promise((r) => setTimeout(r, 10));
    };
    await x('3');
    await x(K.right);
    await x('4');
    for (let v = 1; v < 5; v++) await x('v');
    assert.deepEqual(calls, ['entities:country', 'entities:person', 'compare', 'matrix', 'compare', 'timeline', 'figures']);
  });
});
