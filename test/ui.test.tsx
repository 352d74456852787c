/** The dashboard as a user meets it: keys pressed, frames read (ink-testing-library). */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { K, modelOf, renderApp, renderSized, type Screen, widestLine } from './uiHarness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const listLines = (frame: string) => frame.split('\n').filter((l) => /\d{4}-\d{2}-\d{2}|undated/.test(l) && !/Date:/.test(l));

describe('dashboard', () => {
  it('opens on the article list with the status bar', async () => {
    screen = await renderApp();
    const f = screen.lastFrame();
    assert.match(f, /1 Articles \(5\)/);
    assert.match(f, /2011-11-28\s+Institute for W… Kazakstan Faces Up/);
    assert.match(f, /steppe │ \[Articles\] │ bundled corpus │ 5 articles │ no filter │ sort: date/);
    assert.match(f, /—\s+The Times of C.* LONDON \(TCA\)/, 'an untitled article shows its first sentence, an undated one a dash');
  });

  it('filters live as you type, then opens the match in the reader', async () => {
    screen = await renderApp();
    await screen.press('/');
    await screen.type('taraz');
    let f = screen.lastFrame();
    assert.match(f, /1 Articles \(1\)/);
    assert.match(f, /\/taraz▏\s+1 match/);
    assert.equal(listLines(f).length, 1);
    await screen.press(K.enter, K.enter);
    f = screen.lastFrame();
    assert.match(f, /2 Reader · Kazakstan Faces Up to Terror Threat/);
    assert.match(f, /Publisher: Institute for War and Peace Reporting/);
    assert.match(f, /Author: Meruert Sarsebai/);
    assert.match(f, /southern Kazak city of Taraz/);
  });

  it('finds "nazarbaev" fuzzily, and keeps the last result on a malformed query', async () => {
    screen = await renderApp();
    await screen.press('/');
    await screen.type('nazarbaev');
    assert.match(screen.lastFrame(), /1 Articles \(2\)/);
    await screen.type(' "open');
    const f = screen.lastFrame();
    assert.match(f, /unclosed quote \(the list keeps the last whole filter\)/);
    assert.match(f, /1 Articles \(2\)/);
    await screen.press(K.esc);
    assert.match(screen.lastFrame(), /1 Articles \(5\)/);
  });

  it('drills down from an entity to the list, and shows its concordance', async () => {
    screen = await renderApp();
    await screen.press('3');
    assert.match(screen.lastFrame(), /\[country\] person organization place/);
    await screen.press('c');
    assert.match(screen.lastFrame(), /concordance: Kazakhstan \(30\)/);
    await screen.press(K.esc, 'j', K.enter);
    const f = screen.lastFrame();
    assert.match(f, /country:Uzbekistan/);
    assert.match(f, /1 Articles \(4\)/);
  });

  it('switches entity type with ← and →', async () => {
    screen = await renderApp();
    await screen.press('3', K.right);
    const f = screen.lastFrame();
    assert.match(f, /country \[person\] organization place/);
    assert.match(f, /Nursultan Nazarbayev\s+(?:person\s+)?2\s+5\s+2\/5/);
  });

  it('opens help with ? and closes it with any key', async () => {
    screen = await renderApp();
    await screen.press('?');
    assert.match(screen.lastFrame(), /Keys — press any key to close/);
    assert.match(screen.lastFrame(), /next hit \(reader\)/);
    await screen.press('x');
    assert.doesNotMatch(screen.lastFrame(), /Keys — press any key/);
  });

  it('scrolls the help where the terminal is too small for every key', async () => {
    const s = await renderSized(80, 24);
    await s.press('?');
    assert.match(s.lastFrame(), /Keys — press any key to close \(j\/k scroll, \d+\/\d+\)/);
    const before = s.lastFrame();
    await s.press('j', 'j');
    assert.notEqual(s.lastFrame(), before);
    assert.match(s.lastFrame(), /Keys — press any key/);
    await s.press('x');
    assert.doesNotMatch(s.lastFrame(), /Keys — press any key/);
    s.unmount();
  });

  it('cycles the sort with s', async () => {
    screen = await renderApp();
    await screen.press('s');
    const f = screen.lastFrame();
    assert.match(f, /sort: publisher/);
    assert.match(listLines(f)[0]!, /Caspian News/);
  });

  it('moves between hits with n and between articles with ]', async () => {
    screen = await renderApp({ size: { columns: 100, rows: 20 } });
    await screen.press('/');
    await screen.type('kazakhstan');
    await screen.press(K.enter, K.enter, 'n');
    assert.doesNotMatch(screen.lastFrame(), /no matches in this article/);
    await screen.press(']');
    assert.match(screen.lastFrame(), /2 Reader · /);
  });

  it('quits with q', async () => {
    const s = await renderSized(100, 30);
    await s.press('q');
    await s.exited;
    s.unmount();
  });
});

describe('terminal sizes', () => {
  for (const columns of [60, 80, 120, 200]) {
    it(`never draws a line wider than ${columns} columns`, async () => {
      const s = await renderSized(columns, 30);
      const check = (what: string) => assert.ok(widestLine(s.lastFrame()) <= columns, `${what}: ${widestLine(s.lastFrame())} > ${columns}`);
      check('list');
      await s.press(K.enter);
      check('reader');
      await s.press('3');
      check('entities');
      await s.press('c');
      check('concordance');
      await s.press(K.esc, '4');
      check('compare');
      await s.press('?');
      check('help');
      s.unmount();
    });
  }

  it('says the terminal is too small below 60×20', async () => {
    const s = await renderSized(59, 30);
    assert.match(s.lastFrame(), /terminal too small \(59×30, need 60×20\)/);
    s.unmount();
  });

  it('reflows at once when the window is resized', async () => {
    const s = await renderSized(120, 30);
    assert.match(s.lastFrame(), /1 Articles \(5\)/);
    s.stdout.resize(70, 24);
    await s.press();
    await new Promise((r) => setTimeout(r, 20));
    assert.match(s.lastFrame(), / 1 Articles {2}2 Reader {2}3 Entities {2}4 Compare/);
    assert.ok(widestLine(s.lastFrame()) <= 70);
    s.stdout.resize(40, 10);
    await new Promise((r) => setTimeout(r, 20));
    assert.match(s.lastFrame(), /terminal too small \(40×10/);
    s.unmount();
  });
});

describe('untrusted text', () => {
  it('never lets escape sequences, controls or bidi overrides from an article reach the terminal', async () => {
    const { parseTexts } = await import('../src/pipeline/parse.js');
    const hostile =
      'Evil \x1b]52;c;ZXZpbA==\x07headline \u202Egnp.exe\n\nA paragraph with \x1b[2J a screen clear, a \x1b]0;title\x07 title change, a bell\x07 and\r a carriage return, said officials in Almaty.';
    const model = modelOf({ version: 1, articles: parseTexts([{ file: 'evil.txt', text: hostile }]) }, 'hostile \x1b[31m');
    const s = await renderSized(100, 30, model);
    await s.press(K.enter);
    for (const frame of s.stdout.frames) {
      assert.doesNotMatch(frame, /\x1b\]|\x07|\u202E|\r/);
      assert.doesNotMatch(frame, /\x1b\[2J/);
    }
    assert.match(s.lastFrame(), /officials in Almaty\./);
    assert.match(s.lastFrame(), /�\[2J a screen clear/, 'neutralised, not dropped');
    s.unmount();
  });
});
