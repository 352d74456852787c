/**
 * Reading at the sizes people use over SSH (issue 18): at 80×24 and 100×30 the list has the
 * full width and a title most of it; Enter reads full width and Esc or q comes back to the
 * same row with the filter kept; from 120 columns the reader beside the list follows the
 * cursor. The prompt edits as readline does, every pane's hints end with "? help", and a key
 * that does nothing says so.
 */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { K, memoryReview, renderSized, type Screen } from './uiHarness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

/** The list's rows of a frame (those with a date or the undated dash). */
const listRows = (f: string) => f.split('\n').filter((l) => /║.*(?:\d{4}-\d{2}-\d{2}|—) /.test(l));
const CASPIAN = 'Can Kazakhstan, Uzbekistan Stop The Spread of Radical Islam?';
const ctrl = (c: string) => String.fromCharCode(c.charCodeAt(0) - 96);

describe('reading at 80×24 and 100×30', () => {
  it('gives a title at least 45 columns at 80×24 and 60 at 100×30, the publisher shortened first', async () => {
    for (const [columns, rows, least] of [
      [80, 24, 45],
      [100, 30, 60],
    ] as const) {
      screen = await renderSized(columns, rows);
      const row = listRows(screen.lastFrame()).find((l) => l.includes('Caspian'))!;
      const title = CASPIAN.slice(0, least);
      assert.ok(row.includes(title), `${columns}×${rows}: "${row}" shows "${title}"`);
      assert.match(screen.lastFrame(), /1 Articles \(5\)\s+1\/5║/, 'the position at the title line’s end');
      screen.unmount();
    }
  });

  it('reads full width on Enter and comes back with Esc or q to the same row, the filter kept', async () => {
    screen = await renderSized(80, 24);
    await screen.press('/', ...'kazakh', K.enter, 'j');
    const before = screen.lastFrame();
    assert.match(before, /1 Articles \((\d+)\)\s+2\/\1║/);
    await screen.press(K.enter);
    let f = screen.lastFrame();
    assert.match(f, /2 Reader · /);
    assert.doesNotMatch(f, /1 Articles \(/, 'the reader has the whole width');
    assert.match(f, /║ \S/, 'a one-column margin');
    assert.match(f, /\d+%║|all║/, 'how far it is read');
    for (const back of [K.esc, 'q']) {
      await screen.press(back);
      f = screen.lastFrame();
      assert.match(f, /1 Articles \((\d+)\)\s+2\/\1║/, `${JSON.stringify(back)}: the same row`);
      assert.match(f, /for kazakh/, 'the filter kept');
      await screen.press(K.enter);
    }
    // at the top level Esc clears the filter, and q quits
    await screen.press(K.esc, K.esc);
    assert.match(screen.lastFrame(), /no filter/);
    assert.match(screen.lastFrame(), /filter cleared/);
  });

  it('keeps "? help" in the hint line, and the pane first and the whole filter in the status bar at 60 columns', async () => {
    screen = await renderSized(60, 20);
    await screen.press('/', ...'country:tajikistan', K.enter);
    for (const pane of ['1', '2', '3', '4']) {
      await screen.press(pane);
      const lines = screen.lastFrame().split('\n');
      assert.match(lines.at(-2)!, /\? help\s*$/, `pane ${pane}: ${lines.at(-2)}`);
      // steppe's name, the corpus label and the sort make room first
      assert.match(lines.at(-1)!, /^ \[(?:Articles|Reader|Entities|Compare)\] │ .*2 matches for country:tajikistan/, lines.at(-1));
    }
  });

  it('wraps the help overlay’s descriptions instead of cutting them', async () => {
    screen = await renderSized(60, 80);
    await screen.press('?');
    const f = screen.lastFrame();
    const overlay = f.split('\n').slice(0, -2).join('\n');
    assert.doesNotMatch(overlay, /…/, 'nothing cut');
    assert.match(f, /back one level \(the filter kept\); in the\s*║?\n║\s+list: clear the filter/);
  });

  it('says when a key does nothing where it was pressed', async () => {
    screen = await renderSized(80, 24);
    await screen.press('e');
    assert.match(screen.lastFrame(), /e does nothing in the list \(\? lists the keys\)/);
  });
});

describe('reading under the list in a tall, narrow terminal', () => {
  it('at 80×44 the list stands over the reader, which previews the cursor’s article; Enter reads it there and Esc comes back', async () => {
    screen = await renderSized(80, 44);
    await screen.press('j');
    let f = screen.lastFrame();
    assert.match(f, /1 Articles \(5\)\s+2\/5║/, 'the list, focused');
    assert.match(f, /2 Reader · Kazakstan Faces Up/, 'the reader under it previews the article under the cursor');
    assert.ok(f.split('\n').findIndex((l) => l.includes('2 Reader · ')) > f.split('\n').findIndex((l) => l.includes('1 Articles (5)')));
    await screen.press(K.enter, 'j');
    f = screen.lastFrame();
    assert.match(f, /\[Reader\]/);
    assert.match(f, /1 Articles \(5\)\s+2\/5│/, 'the list stays in view');
    assert.match(f, /2 Reader · Kazakstan Faces Up to Terror Threat\s+\d+%║/, 'the reader scrolls');
    await screen.press(K.esc, 'j');
    assert.match(screen.lastFrame(), /3\/5║/, 'back in the list, at the row it was on');
    assert.match(screen.lastFrame(), /2 Reader · Authorities fear/, 'and the reader follows it again');
    for (const l of screen.lastFrame().split('\n')) assert.ok(l.length <= 80);
    assert.equal(screen.lastFrame().split('\n').length, 44, 'every row of the terminal');
  });
});

describe('reading beside the list from 120 columns', () => {
  it('shows the article under the cursor and follows it', async () => {
    screen = await renderSized(120, 40);
    let f = screen.lastFrame();
    assert.match(f, /2 Reader · Can Kazakhstan/);
    assert.match(f, /Publisher: Caspian News/);
    await screen.press('j');
    f = screen.lastFrame();
    assert.match(f, /2 Reader · Kazakstan Faces Up/);
    assert.match(f, /Publisher: Institute for War and Peace Reporting/);
  });

  it('scrolls the pane under the mouse wheel: the list moves its cursor, the reader beside it opens the article it previews and scrolls', async () => {
    screen = await renderSized(120, 40);
    // SGR reports: 65 wheel down, 64 up; column and row 1-based; the list spans columns 1–54
    await screen.press('\x1b[<65;10;10M');
    let f = screen.lastFrame();
    assert.match(f, /4\/5║/, 'the list’s cursor three rows down');
    await screen.press('\x1b[<64;10;10M');
    f = screen.lastFrame();
    assert.match(f, /1\/5║/, 'and back up');
    const previewed = /2 Reader · ([^║]+?)\s*║/.exec(f)![1]!;
    // the reader's first line of text: row 2, right of the list's 54 columns
    const readerTop = () => screen!.lastFrame().split('\n')[2]!.slice(55, -1).trim();
    const first = readerTop();
    await screen.press('\x1b[<65;80;10M');
    f = screen.lastFrame();
    assert.match(f, /\[Reader\]/, 'the reader has the focus');
    assert.ok(f.includes(`2 Reader · ${previewed.slice(0, 20)}`), `the article it previewed: ${previewed}`);
    assert.notEqual(readerTop(), first, 'scrolled');
    await screen.press('\x1b[<64;80;10M');
    assert.equal(readerTop(), first, 'and back up');
    // a click does nothing, and says nothing
    await screen.press('\x1b[<0;10;10M', '\x1b[<0;10;10m');
    assert.doesNotMatch(screen.lastFrame(), /does nothing/);
  });
});

describe('the reader', () => {
  it('shows the note, moves half a page with Ctrl-D and Ctrl-U, and counts hits with n and N', async () => {
    const review = memoryReview();
    screen = await renderSized(80, 24, undefined, { review });
    await screen.press('m', ...'check the figures', K.enter, K.enter);
    let f = screen.lastFrame();
    assert.match(f, /Note: check the figures/);
    await screen.press(K.esc, '/', ...'kazakhstan', K.enter, 'g', K.enter);
    const top = () => screen!.lastFrame().split('\n')[3];
    const first = top();
    await screen.press(ctrl('d'));
    assert.notEqual(top(), first, 'Ctrl-D moved');
    await screen.press(ctrl('u'));
    assert.equal(top(), first, 'Ctrl-U moved back');
    await screen.press('n');
    const total = Number(/hit 1\/(\d+)/.exec(screen.lastFrame())?.[1]);
    assert.ok(total > 1, 'hit 1/N');
    await screen.press('N');
    f = screen.lastFrame();
    assert.match(f, new RegExp(`hit ${total}/${total} \\(wrapped to the last\\)`));
  });

  it('keeps the same words at the top across a resize, narrower and wider, and the same screen back at the first size', async () => {
    const sized = await renderSized(80, 24);
    screen = sized;
    await sized.press(K.enter, ...'j'.repeat(30));
    // the line at the top of the reader (row 3: tabs, border, title)
    const topLine = () => sized.lastFrame().split('\n')[3]!.replace(/^║\s*/, '').replace(/\s*║$/, '');
    const first = topLine();
    const word = first.split(/\s+/)[0]!;
    assert.ok(word.length > 2 && !/%/.test(first), `a line of text at the top: ${first}`);
    const resize = async (columns: number, rows: number) => {
      sized.stdout.resize(columns, rows);
      await new Promise((r) => setTimeout(r, 50));
    };
    for (const [columns, rows] of [
      [60, 20],
      [100, 30],
      [70, 24],
    ] as const) {
      await resize(columns, rows);
      assert.ok(new RegExp(`(^|\\s)${word}(\\s|$)`).test(topLine()), `${columns}×${rows}: "${word}" is still on the top line:\n${sized.lastFrame()}`);
    }
    await resize(80, 24);
    assert.equal(topLine(), first, 'back at 80×24: the same top line');
    // a scroll after the resizes moves on from there
    await sized.press('j');
    assert.notEqual(topLine(), first);
  });

  it('after a field filter, n goes from one mention of that entity to the next', async () => {
    screen = await renderSized(80, 24);
    await screen.press('/', ...'country:tajikistan', K.enter, K.enter, 'n');
    assert.match(screen.lastFrame(), /hit 1\/\d+/);
  });
});

describe('the filter prompt edits as readline does', () => {
  it('moves by character and word, deletes words and to either end, and scrolls a long line', async () => {
    screen = await renderSized(80, 24);
    const prompt = () => screen!.lastFrame().split('\n').at(-2)!;
    await screen.press('/', ...'kazakh taraz');
    await screen.press(ctrl('w'));
    assert.match(prompt(), /^\/kazakh ▏/);
    await screen.press(ctrl('a'), '-');
    assert.match(prompt(), /^\/-▏kazakh /);
    await screen.press(K.right, K.right);
    assert.match(prompt(), /^\/-ka▏zakh /);
    await screen.press(ctrl('k'));
    assert.match(prompt(), /^\/-ka▏ {2}\d+ match/);
    await screen.press(ctrl('e'), ...' islamic', '\x1bb');
    assert.match(prompt(), /^\/-ka ▏islamic/, 'Alt-B: back a word');
    await screen.press('\x1bf');
    assert.match(prompt(), /^\/-ka islamic▏/, 'Alt-F: forward a word');
    await screen.press(ctrl('u'));
    assert.match(prompt(), /^\/▏/);
    await screen.press(...'a'.repeat(120));
    assert.match(prompt(), /^\/…a+▏/, 'a long line scrolls, the cursor in view');
  });

  it('keeps the committed result while a field is half typed', async () => {
    screen = await renderSized(80, 24);
    await screen.press('/', ...'taraz', K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(1\)/);
    await screen.press('/', ...' year:20');
    assert.match(screen.lastFrame(), /1 Articles \(1\)/, 'not the bare word "year"');
    await screen.press(...'11');
    assert.match(screen.lastFrame(), /1 Articles \(1\)/);
    await screen.press(K.esc);
    assert.match(screen.lastFrame(), /for taraz │/, 'Esc: the filter as it was');
  });
});

describe('the concordance leads to its articles', () => {
  it('has a cursor, names each line’s article, gives 25 columns a side at 80, and Enter reads the article at the mention', async () => {
    screen = await renderSized(80, 24);
    await screen.press('3', 'c');
    let f = screen.lastFrame();
    assert.match(f, /concordance: Kazakhstan \(\d+\)/);
    const shown = () =>
      screen!
        .lastFrame()
        .split('\n')
        .slice(4, -3)
        .filter((l) => /\S/.test(l.slice(1, -1)));
    const lines = shown();
    assert.ok(lines.length >= 10);
    // aligned: every keyword ("Kazakh", "Kazakhstan") starts in the same column, 25 in
    assert.ok(
      lines.every((l) => l[26] === 'K' && l[25] === ' '),
      lines.map((l) => l.slice(20, 32)).join(' | '),
    );
    // each names its article: its month (or — when undated) and title
    assert.ok(lines.every((l) => /(?:\d{4}-\d{2}|—) \S+.*║$/.test(l)));
    await screen.press('j', 'j');
    const chosen = shown()[2]!;
    // the words just before that mention, as the concordance shows them
    const [before] = chosen.slice(1, 26).trim().split(/\s+/).slice(-1);
    await screen.press(K.enter);
    f = screen.lastFrame();
    assert.match(f, /2 Reader · /);
    assert.ok(f.includes(`${before} Kazakh`), `the mention ("${before} Kazakh…") is on screen`);
  });
});

describe('a concordance of the filter’s own words', () => {
  it('K shows every hit of the filter’s words in context, s sorts it as AntConc does, Enter reads the article at the hit', async () => {
    screen = await renderSized(100, 30);
    await screen.press('K');
    assert.match(screen.lastFrame(), /K: filter by a word or a "phrase" first/);
    await screen.press('/', ...'security', K.enter, 'K');
    let f = screen.lastFrame();
    const count = Number(/concordance: security \((\d+)\) · Enter reads it there · s sort: article/.exec(f)?.[1]);
    assert.ok(count > 5, f);
    const hitLines = () =>
      screen!
        .lastFrame()
        .split('\n')
        .filter((l) => /\bsecurity\b/i.test(l) && !/concordance:|\/security/.test(l));
    assert.ok(hitLines().length >= 5, 'a line a hit');
    // by the word right of the hit: the first words after "security" in order
    await screen.press('s', 's', 's');
    f = screen.lastFrame();
    assert.match(f, /s sort: 1R/);
    assert.match(f, /concordance sorted by the word right of the hit \(1R\)/);
    // the word after the hit ("security, as" → as); a hit that ends its paragraph has none (sorted first)
    const rights = hitLines()
      .map((l) => /secur\p{L}*[^\p{L}\p{N}]{1,3}(\p{L}+)/iu.exec(l)?.[1]?.toLowerCase() ?? '')
      .filter(Boolean);
    assert.ok(rights.length >= 5);
    assert.deepEqual(rights, [...rights].sort(), rights.join(' '));
    await screen.press('j', K.enter);
    f = screen.lastFrame();
    assert.match(f, /2 Reader · /);
    assert.match(f, /security/i, 'the hit is on screen');
    // back to the concordance as it was
    await screen.press(K.esc, '3');
    assert.match(screen.lastFrame(), /concordance: security .* s sort: 1R/);
  });
});
