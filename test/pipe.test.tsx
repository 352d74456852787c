/**
 * `|`: an article piped to a shell command. The runner with a real /bin/sh (output, error
 * output, exit status, a command that reads nothing, a flood of output), the article's text,
 * and the dashboard's prompt and overlay as a user presses the keys.
 */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { articleText } from '../src/corpus/articleText.js';
import { outputLines, PIPE_KEEP_BYTES, runPiped, type PipeResult } from '../src/io/pipeCommand.js';
import { bundledModel, K, renderApp, type Screen } from './uiHarness.js';

describe('running a piped command', () => {
  it('gives the command the text and keeps its output, error output and exit status', async () => {
    const r = await runPiped('wc -w; echo warn >&2; exit 3', 'one two three\nfour\n');
    assert.equal(r.stdout.trim(), '4');
    assert.equal(r.stderr, 'warn\n');
    assert.equal(r.status, 'exit 3');
    assert.equal(r.ok, false);
  });

  it('a command that reads nothing, or one that is not found, is an ordinary ending', async () => {
    const big = 'x'.repeat(4 << 20);
    const r = await runPiped('echo done', big);
    assert.deepEqual([r.stdout, r.status, r.ok], ['done\n', 'exit 0', true]);
    const missing = await runPiped('no-such-command-steppe', 'text');
    assert.equal(missing.status, 'exit 127');
    assert.match(missing.stderr, /not found/);
  });

  it('keeps the first MiB of a flood of output and reads the rest, so the command ends', async () => {
    const r = await runPiped('yes steppe | head -c 3000000', '');
    assert.equal(r.status, 'exit 0');
    assert.equal(Buffer.byteLength(r.stdout), PIPE_KEEP_BYTES);
    assert.equal(r.cut, true);
  });

  it('shows output lines with tabs at 8-column stops and escape codes dropped', () => {
    assert.deepEqual(outputLines('a\tb\n12345678\tc\r\n\x1b[31mred\x1b[0m\n'), ['a       b', '12345678        c', 'red']);
  });

  it("the article's text: title, what is known of it, then its paragraphs", () => {
    const a = bundledModel().articles.find((x) => x.published && x.publisher)!;
    const text = articleText(a);
    assert.ok(text.startsWith(`${a.title}\nPublisher: ${a.publisher}\nDate: ${a.published}\n\n${a.paragraphs[0]}\n\n`));
    assert.ok(text.endsWith(`${a.paragraphs.at(-1)}\n`));
  });
});

describe('| in the dashboard', () => {
  let screen: Screen | undefined;
  afterEach(() => screen?.unmount());

  it('a prompt, the command run on the article under the cursor, its output in an overlay, Esc back', async () => {
    const calls: { command: string; input: string }[] = [];
    let redraws = 0;
    const outside = {
      exportView: async () => '/dev/null',
      copy() {},
      redraw: () => redraws++,
      async pipe(command: string, input: string): Promise<PipeResult> {
        calls.push({ command, input });
        return { stdout: Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n'), stderr: 'careful\n', status: 'exit 0', ok: true, cut: false };
      },
    };
    screen = await renderApp({ outside });
    await screen.press('j', '|');
    assert.match(screen.lastFrame(), /\| ▏ {2}\(Enter runs it on the article, Esc cancels\)/);
    await screen.type('wc -w');
    await screen.press(K.enter);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.command, 'wc -w');
    assert.match(calls[0]!.input, /^Kazakstan Faces Up to Terror Threat\nPublisher: Institute for War and Peace Reporting\n/);
    const frame = screen.lastFrame();
    assert.match(frame, /\| wc -w — Kazakstan Faces Up to Terror Threat · lines 1–\d+ of 63 — Esc closes/);
    assert.match(frame, /line 1\b/);
    assert.match(frame, /wc -w: exit 0/);
    await screen.press(' ', ' ', ' ', ' ', ' ', ' ');
    assert.match(screen.lastFrame(), /error output:/);
    assert.match(screen.lastFrame(), /careful/);
    await screen.press(K.esc);
    assert.match(screen.lastFrame(), /1 Articles \(5\)/);
    assert.ok(redraws >= 1, 'the screen under the overlay is sent whole');
    // the prompt starts with the last command
    await screen.press('|');
    assert.match(screen.lastFrame(), /\| wc -w▏/);
    await screen.press(K.esc);
    assert.doesNotMatch(screen.lastFrame(), /piping/);
  });

  it('says so where there is nothing to pipe or no shell', async () => {
    screen = await renderApp({ outside: { exportView: async () => '/dev/null', copy() {} } });
    await screen.press('|');
    assert.match(screen.lastFrame(), /no shell to pipe to here/);
  });
});
