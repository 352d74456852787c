/**
 * End to end through the terminals analysts read in besides tmux: GNU screen, and mosh (a
 * mosh-server on this machine, its client in tmux, over UDP on localhost). Each keeps its own
 * copy of the screen and redraws it in the terminal outside, so what tmux shows at the end is
 * what screen's or mosh's emulator made of the bytes steppe sent: scroll regions, cursor moves,
 * synchronized output. The same keys go to the dashboard drawn offscreen, whose last frame is
 * the screen meant.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../src/paths.js';
import { screenWhen } from './helpers.js';
import { LONG } from './long.js';
import { bundledModel, K, memoryReview, renderSized, type SizedScreen } from './uiHarness.js';

const has = (command: string, ...args: string[]) => spawnSync(command, args).error === undefined;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-terminals-'));
const socket = `steppe-terms-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const capture = () => tmux('capture-pane', '-p', '-t', 'outer');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const lines = (frame: string, rows: number) =>
  frame
    .split('\n')
    .map((l) => l.trimEnd())
    .slice(0, rows);

/** steppe's command line, run by sh inside the terminal under test; EXIT= shows how it ended */
const steppeIn = (state: string) =>
  `env -u CI STEPPE_STATE_DIR=${JSON.stringify(state)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --no-mouse; echo "EXIT=$?"; sleep 60`;

/**
 * The walk, the same in every terminal: open at 80×24, read the first article and scroll it
 * 50 lines, the help overlay and back, a resize to 100×30, then quit. After each step tmux's
 * screen must equal the offscreen frame on every row.
 */
async function walk(): Promise<void> {
  const send = (...keys: string[]) => tmux('send-keys', '-t', 'outer', ...keys);
  await screenWhen(capture, /1 Articles \(5\)/, 15_000);
  const meant: SizedScreen = await renderSized(80, 24, bundledModel(), { review: memoryReview() });
  try {
    const same = async (rows: number, what: string, until: RegExp) => {
      const want = lines(meant.lastFrame(), rows);
      // the outer terminal catches up when the inner one has redrawn: wait for the frame's own mark, then for all of it
      await screenWhen(capture, until, 10_000);
      let shown: string[] = [];
      for (let i = 0; i < 40; i++) {
        shown = lines(capture(), rows);
        if (shown.join('\n') === want.join('\n')) break;
        await sleep(100);
      }
      assert.deepEqual(shown, want, `${what}: the terminal shows exactly the frame meant, all ${rows} rows`);
    };
    await same(24, 'the list', /1 Articles \(5\)/);

    send('Enter');
    await meant.press(K.enter);
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 10; i++) send('j');
      await meant.press(...'jjjjjjjjjj');
      await sleep(150);
    }
    const position = meant.lastFrame().match(/\d+%/)?.[0];
    assert.ok(position && position !== '0%', `the reader moved: ${position}`);
    await same(24, 'the reader scrolled 50 lines', new RegExp(`${position}║`));

    send('?');
    await meant.press('?');
    await same(24, 'the help overlay', /Keys — press any key to close/);
    send('Escape');
    await meant.press(K.esc);
    await same(24, 'back from the help overlay', new RegExp(`${position}║`));

    tmux('resize-window', '-t', 'outer', '-x', '100', '-y', '30');
    meant.stdout.resize(100, 30);
    await sleep(200);
    await same(30, 'after a resize to 100×30', new RegExp(`${'═'.repeat(90)}`));

    send('q', 'q');
    await screenWhen(capture, /EXIT=0/, 10_000);
  } finally {
    meant.unmount();
  }
}

describe('steppe through GNU screen and mosh', { skip: hasTmux ? LONG : 'tmux is not installed' }, () => {
  before(() => tmux('new-session', '-d', '-s', 'keeper', 'sleep 3600'));
  after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));

  it('in GNU screen at 80×24 (TERM=screen…): the list, 50 lines scrolled, help, a resize, each the frame meant', {
    skip: has('screen', '-v') ? false : 'GNU screen is not installed',
  }, async (t) => {
    const session = `steppe-${process.pid}`;
    t.after(() => {
      spawnSync('screen', ['-S', session, '-X', 'quit']);
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'outer']);
    });
    const state = mkdtempSync(path.join(scratch, 'screen-'));
    // screen sets TERM inside for itself (screen.xterm-256color or screen): steppe is told nothing
    const command = `TERM=xterm-256color screen -S ${session} sh -c ${JSON.stringify(steppeIn(state))}`;
    tmux('new-session', '-d', '-s', 'outer', '-x', '80', '-y', '24', 'sh', '-c', command);
    await walk();
  });

  it('over mosh at 80×24 (its server here, its client in tmux): the list, 50 lines scrolled, help, a resize, each the frame meant', {
    skip: has('mosh-server', '--version') && has('mosh-client', '--version') ? false : 'mosh is not installed',
  }, async (t) => {
    const state = mkdtempSync(path.join(scratch, 'mosh-'));
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
    // the server starts the command in a pseudo-terminal of its own, detaches, and prints the port and key to connect with
    const server = spawnSync('mosh-server', ['new', '-s', '-i', '127.0.0.1', '-l', 'LANG=C.UTF-8', '--', 'sh', '-c', steppeIn(state)], {
      encoding: 'utf8',
      env,
    });
    const started = `${server.stdout}${server.stderr}`;
    const connect = /MOSH CONNECT (\d+) (\S+)/.exec(started);
    assert.ok(connect, `mosh-server says how to connect: ${started}`);
    const pid = /pid = (\d+)/.exec(started)?.[1];
    t.after(() => {
      if (pid) spawnSync('kill', [pid]);
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'outer']);
    });
    const client = `env MOSH_KEY=${connect[2]} LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color mosh-client 127.0.0.1 ${connect[1]}`;
    tmux('new-session', '-d', '-s', 'outer', '-x', '80', '-y', '24', 'sh', '-c', `${client}; sleep 60`);
    await walk();
  });
});
