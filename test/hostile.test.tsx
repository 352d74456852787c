/**
 * Hostile text end to end: each case is parsed, its entities extracted, and the list and the
 * reader rendered; no escape or control from the input reaches a frame, no frame line is
 * wider than the terminal, and the text is still there, neutralised rather than dropped.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { parseFiles } from '../src/pipeline/parse.js';
import { UNSAFE_CHARS } from '../src/text/sanitize.js';
import { fixtureDir, hostileCases } from './hostile.js';
import { K, modelOf, renderSized } from './uiHarness.js';
import { LONG } from './long.js';

// Ink's own styling is SGR (ESC [ … m); anything else escape-like came from the input
const SGR = /\x1b\[[0-9;]*m/g;
// the code's own set of what never reaches a terminal (a frame's line breaks aside)
const UNSAFE = new RegExp(`[${UNSAFE_CHARS.replace('\\u0000-\\u001F', '\\u0000-\\u0009\\u000B-\\u001F')}]`);

function assertClean(frame: string, columns: number, what: string) {
  const text = frame.replace(SGR, '');
  const bad = UNSAFE.exec(text);
  assert.equal(bad, null, `${what}: U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} reached the terminal`);
  for (const line of stripAnsi(frame).split('\n'))
    assert.ok(stringWidth(line) <= columns, `${what}: a line of ${stringWidth(line)} columns in a ${columns}-column terminal`);
}

/** The reader pane's text (between its double borders), lines joined: wrapping undone. */
const readerText = (frame: string) =>
  frame
    .split('\n')
    .map((line) => /║(.*)║/.exec(line)?.[1] ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');

describe('hostile input', () => {
  for (const c of hostileCases()) {
    it(`${c.name}: parsed, extracted and shown safely`, { skip: c.large ? LONG : false }, async () => {
      if (!c.large)
        assert.deepEqual(readFileSync(path.join(fixtureDir, c.name)), c.bytes, `test/fixtures/hostile/${c.name} is stale: run node dist/test/hostile.js`);
      const { corpus, warnings } = parseFiles([{ name: c.name, bytes: c.bytes }]);
      assert.equal(corpus.articles.length, 1, `kept, not skipped (${warnings.map((w) => w.message).join('; ')})`);
      const [article] = corpus.articles;
      assert.ok(
        article!.paragraphs.some((p) => p.includes('Officials in Almaty said')),
        'the body survives',
      );
      assert.ok(
        article!.mentions.some((m) => m.id === 'country:KGZ'),
        'entities are still found',
      );
      for (const columns of [100, 60]) {
        const s = await renderSized(columns, 24, modelOf(corpus, c.name));
        await s.press(K.enter);
        assert.match(s.lastFrame(), /Reader/);
        assert.ok(readerText(s.lastFrame()).includes(c.visible), `"${c.visible}" is visible in the ${columns}-column reader:\n${s.lastFrame()}`);
        for (const frame of s.stdout.frames) assertClean(frame, columns, c.name);
        s.unmount();
      }
    });
  }
});
