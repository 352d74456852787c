/**
 * End to end: the built CLI in a real pseudo-terminal (tmux), as a user runs it — filter,
 * open, resize, quit — and the terminal left as it was found; a large corpus.json's and a
 * large JSON Lines file's first and second open.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../src/paths.js';
import { screenWhen } from './helpers.js';
import { generateCorpus } from '../src/bench/generate.js';
import { serializeCorpus } from '../src/io/corpusFile.js';
import { SNAPSHOT_MIN_BYTES } from '../src/io/openCorpus.js';
import { LONG } from './long.js';
import { bundledModel, K, memoryReview, renderSized } from './uiHarness.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-e2e-'));
const socket = `steppe-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'e2e');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitFor = (what: RegExp, ms = 8000) => screenWhen(screen, what, ms);

describe('steppe in a real terminal (tmux)', { skip: hasTmux ? LONG : 'tmux is not installed' }, () => {
  // a session that outlives every test's: with none left the server exits, and a new session
  // started while it is exiting fails ("server exited unexpectedly")
  before(() => tmux('new-session', '-d', '-s', 'keeper', 'sleep 3600'));
  after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));

  it('filters, opens, resizes, quits, and restores the terminal', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    // CI=true makes Ink print only the last frame: the dashboard must run without it
    const command = `printf 'BEFORE-STEPPE\\n'; env -u CI STEPPE_STATE_DIR=${JSON.stringify(scratch)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
    await waitFor(/1 Articles \(5\)/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{alternate_on}').trim(), '1', 'dashboard runs on the alternate screen');
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{mouse_sgr_flag}').trim(), '1', 'the wheel is reported (SGR)');
    // the wheel over the list, as the terminal reports it: three rows down, three up
    tmux('send-keys', '-t', 'e2e', '-l', '\x1b[<65;10;10M');
    await waitFor(/ 4\/5║/);
    tmux('send-keys', '-t', 'e2e', '-l', '\x1b[<64;10;10M');
    await waitFor(/ 1\/5║/);

    tmux('send-keys', '-t', 'e2e', '/taraz');
    let s = await waitFor(/1 Articles \(1\)/);
    // the list's rows (the reader beside it previews the selected article)
    const rows = s
      .split('\n')
      .map((l) => l.split('║')[1] ?? '')
      .filter((l) => /(?:\d{4}-\d{2}-\d{2}|—) /.test(l));
    assert.equal(rows.length, 1, `exactly one article: ${rows.join(' / ')}`);
    assert.match(rows[0]!, /Kazakstan Faces Up/);

    tmux('send-keys', '-t', 'e2e', 'Enter', 'Enter');
    s = await waitFor(/2 Reader · Kazakstan Faces Up to Terror Threat/);
    assert.match(s, /Publisher: Institute for War and Peace Reporting/);

    tmux('resize-window', '-t', 'e2e', '-x', '70', '-y', '24');
    s = await waitFor(/ 1 Articles {2}2 Reader {2}3 Entities {2}4 Compare/);
    assert.match(s, /Kazakstan Faces Up to Terror Threat/);

    // q in the reader goes back to the list; q there quits
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/1 Articles \(1\)/);
    tmux('send-keys', '-t', 'e2e', 'q');
    s = await waitFor(/EXIT=0/);
    assert.match(s, /BEFORE-STEPPE/, 'the screen from before steppe is back');
    assert.doesNotMatch(s, /1 Articles/, 'no dashboard left on the screen');
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{alternate_on}').trim(), '0', 'alternate screen left');
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{cursor_flag}').trim(), '1', 'cursor visible again');
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{mouse_any_flag}').trim(), '0', 'the mouse is the terminal’s again');
    tmux('kill-session', '-t', 'e2e');
  });

  it('scrolls the reader 50 lines at 80×24, sent as differences, and the screen is the frame meant', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const state = mkdtempSync(path.join(scratch, 'scroll-'));
    const command = `env -u CI TERM=xterm-256color STEPPE_STATE_DIR=${JSON.stringify(state)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '80', '-y', '24', 'sh', '-c', command);
    await waitFor(/1 Articles \(5\)/);
    // the same keys in the dashboard drawn offscreen: its last frame is the screen meant
    const offscreen = await renderSized(80, 24, bundledModel(), { review: memoryReview() });
    tmux('send-keys', '-t', 'e2e', 'Enter');
    await offscreen.press(K.enter);
    await waitFor(/2 Reader · /);
    // a line at a time, in bursts, so frames are sent both for single keys and for several
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 10; i++) tmux('send-keys', '-t', 'e2e', 'j');
      await offscreen.press(...'jjjjjjjjjj');
      await sleep(150);
    }
    const meant = offscreen
      .lastFrame()
      .split('\n')
      .map((l) => l.trimEnd());
    offscreen.unmount();
    const position = meant.find((l) => /\d+%/.test(l))?.match(/\d+%/)?.[0];
    assert.ok(position && position !== '0%', `the reader moved: ${position}`);
    const shown = (await waitFor(new RegExp(position))).split('\n').map((l) => l.trimEnd());
    assert.equal(shown.length >= 24, true);
    assert.deepEqual(shown.slice(0, 24), meant.slice(0, 24), 'tmux shows exactly the frame meant, all 24 rows');
    tmux('send-keys', '-t', 'e2e', 'q', 'q');
    await waitFor(/EXIT=0/);
  });

  it('at 80×24: a title of 45 columns, the article and back with the filter kept, a note in the reader, the concordance and the figures lead to articles, x writes the figures', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const here = mkdtempSync(path.join(scratch, 'walk-'));
    const command = `cd ${JSON.stringify(here)} && env -u CI TERM=xterm-256color STEPPE_STATE_DIR=${JSON.stringify(here)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --no-mouse; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '80', '-y', '24', 'sh', '-c', command);
    const send = (...keys: string[]) => tmux('send-keys', '-t', 'e2e', ...keys);
    let s = await waitFor(/1 Articles \(5\)/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{mouse_any_flag}').trim(), '0', '--no-mouse leaves the mouse to the terminal');
    assert.match(s, /Can Kazakhstan, Uzbekistan Stop The Spread of/, 'a title shows 45 columns and more');

    send('/kazakhstan', 'Enter');
    s = await waitFor(/matches for kazakhstan/);
    const count = /1 Articles \((\d+)\)/.exec(s)![1]!;
    send('Enter');
    s = await waitFor(/2 Reader · /);
    const title = /2 Reader · (.{20})/.exec(s)![1]!;
    send('m');
    await waitFor(/note/i);
    send('-l', 'walked through');
    send('Enter');
    await waitFor(/Note: walked through/);
    send('Escape');
    s = await waitFor(new RegExp(`1 Articles \\(${count}\\)`));
    assert.match(s, /matches for kazakhstan/, 'Esc back to the list, the filter kept');

    // the concordance of the first entity: Enter reads its article at the mention
    send('3');
    await waitFor(/3 Entities/);
    send('c');
    s = await waitFor(/concordance: .+ \(\d+\) · Enter reads it there/);
    const entity = /concordance: (.+?) \(\d+\)/.exec(s)![1]!;
    send('Enter');
    s = await waitFor(/2 Reader · /);
    // the mention is on screen near the top (spelt as the article spells it: "Kazak", "Kazakstan")
    const body = s.split('\n').slice(3, 8).join(' ');
    assert.ok(body.includes(entity.slice(0, 5)), `the reader opens at the mention of ${entity}:\n${s}`);

    // the figures view: x writes exactly it
    send('4', 'V');
    s = await waitFor(/\[figures\]/);
    send('x');
    s = await waitFor(/exported to \S+/);
    const file = /exported to (\S+\.csv)/.exec(s)![1]!;
    const csv = readFileSync(path.join(here, file), 'utf8').split('\n').filter(Boolean);
    assert.match(csv[0]!, /^\uFEFF?country,low,high,qualifier,what/);
    assert.ok(csv.length > 5, `figures written: ${csv.length - 1}`);
    send('q', 'q');
    await waitFor(/EXIT=0/);
    // the note is kept for the article it was written on
    const state = readdirSync(here).filter((f) => !f.endsWith('.csv'));
    assert.ok(state.length > 0, 'review state written');
    assert.ok(title.length === 20);
  });

  it('says at once when marks cannot be saved, and at quit lists them and exits 1', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    // the state folder would have to be made inside a regular file: every save fails
    const blocker = path.join(scratch, 'not-a-folder');
    writeFileSync(blocker, '');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(path.join(blocker, 'state'))} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
    await waitFor(/1 Articles \(5\)/);
    tmux('send-keys', '-t', 'e2e', '*');
    const s = await waitFor(/marks not saved: not a folder; retrying/);
    assert.match(s, /⚠ marks not saved: not a folder/, 'and the status bar keeps saying so');
    tmux('send-keys', '-t', 'e2e', 'q');
    const after = await waitFor(/EXIT=\d+/, 20_000);
    assert.match(after, /EXIT=1\b/);
    assert.match(after, /1 change to review marks not saved \(not a folder\):\s+\S.*: starred/);
  });

  it('a scrape folder that grew: the next open says "1 new" (the last one killed), is:new lists it (dashboard and steppe search), then it is not new', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const folder = mkdtempSync(path.join(scratch, 'scrape-'));
    const state = mkdtempSync(path.join(scratch, 'state-'));
    const raw = path.join(packageRoot, 'data', 'raw');
    const [first, second, third] = readdirSync(raw).sort();
    for (const f of [first!, second!]) writeFileSync(path.join(folder, f), readFileSync(path.join(raw, f)));
    const open = (name: string) => {
      const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(state)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(folder)}; echo "EXIT=$?"; sleep 60`;
      tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', 'sh', '-c', command);
    };
    open('e2e');
    let s = await waitFor(/1 Articles \(2\)/);
    assert.doesNotMatch(s, / new\b/, 'the first open has nothing to compare with: nothing is new');
    // killed, not quit: what this open saw is recorded when it opens, so it is not lost
    const shell = tmux('display', '-p', '-t', 'e2e', '#{pane_pid}').trim();
    const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGKILL');
    await waitFor(/EXIT=137/);
    tmux('kill-session', '-t', 'e2e');

    writeFileSync(path.join(folder, third!), readFileSync(path.join(raw, third!)));
    const search = spawnSync(process.execPath, [cli, 'search', 'is:new', '--json', folder], {
      encoding: 'utf8',
      env: { ...process.env, STEPPE_STATE_DIR: state },
    });
    assert.equal(search.status, 0, search.stderr);
    const found = JSON.parse(search.stdout) as { file: string }[];
    assert.deepEqual(
      found.map((r) => r.file),
      [third],
    );
    open('e2e');
    s = await waitFor(/1 Articles \(3\)/);
    assert.match(s, /1 new article since the last open: is:new lists them/);
    assert.match(s, /│ 1 new │/);
    tmux('send-keys', '-t', 'e2e', '/is:new', 'Enter');
    await waitFor(/1 Articles \(1\)/);
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/EXIT=0/);
    const later = spawnSync(process.execPath, [cli, 'search', 'is:new', '--json', folder], {
      encoding: 'utf8',
      env: { ...process.env, STEPPE_STATE_DIR: state },
    });
    assert.deepEqual(JSON.parse(later.stdout), [], 'seen at the last open: no longer new');
  });

  it('| hands the terminal to a command and takes it back: its output in an overlay, Ctrl-C stops one, the screen whole again', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    // set -m: steppe runs as its own job, as from an interactive shell, so that Ctrl-C reaches it and its command only
    const command = `set -m; env -u CI STEPPE_STATE_DIR=${JSON.stringify(scratch)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '80', '-y', '24', 'sh', '-c', command);
    await waitFor(/1 Articles \(5\)/);
    tmux('send-keys', '-t', 'e2e', '|');
    await waitFor(/piping the article to a command/);
    tmux('send-keys', '-t', 'e2e', '-l', 'sed -n 2p; echo to-the-terminal >&2; sleep 0.5');
    tmux('send-keys', '-t', 'e2e', 'Enter');
    // while it runs, the command has the main screen: its error output shows there
    let s = await waitFor(/to-the-terminal/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{alternate_on}').trim(), '0', 'the dashboard stepped aside');
    s = await waitFor(/Publisher: Caspian News/);
    assert.match(s, /\| sed -n 2p; echo to-the-terminal >&2; sleep 0\.5 — Can Kazakhstan/);
    assert.match(s, /error output:/);
    assert.match(s, /: exit 0/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{alternate_on}').trim(), '1', 'and is back');
    tmux('send-keys', '-t', 'e2e', 'Escape');
    s = await waitFor(/1 Articles \(5\)/);
    assert.doesNotMatch(s, /to-the-terminal|error output/, 'the whole screen is the dashboard again');
    // Ctrl-C stops the command, not steppe
    tmux('send-keys', '-t', 'e2e', '|');
    await waitFor(/\| sed -n 2p.*▏/);
    tmux('send-keys', '-t', 'e2e', 'C-u');
    await waitFor(/\| ▏/);
    tmux('send-keys', '-t', 'e2e', '-l', 'sleep 30');
    tmux('send-keys', '-t', 'e2e', 'Enter');
    await waitFor(/Ctrl-C stops it/);
    tmux('send-keys', '-t', 'e2e', 'C-c');
    s = await waitFor(/sleep 30: stopped by SIGINT|sleep 30: exit 130/);
    tmux('send-keys', '-t', 'e2e', 'Escape');
    await waitFor(/1 Articles \(5\)/);
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/EXIT=0/);
  });

  it('the config file: its sort, its keys in the hints, mouse = false unless --mouse; a broken line is said and the rest applies', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const config = path.join(mkdtempSync(path.join(scratch, 'config-')), 'config.toml');
    writeFileSync(config, 'sort = "title"\nmouse = false\n[keys]\nfilter = "f"\nbogus = "x"\n');
    const open = (flags: string) => {
      const command = `env -u CI TERM=xterm-256color STEPPE_CONFIG=${JSON.stringify(config)} STEPPE_STATE_DIR=${JSON.stringify(scratch)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${flags}; echo "EXIT=$?"; sleep 60`;
      tmux('new-session', '-d', '-s', 'e2e', '-x', '80', '-y', '24', 'sh', '-c', command);
    };
    open('');
    let s = await waitFor(/1 Articles \(5\)/);
    assert.match(s, /sort: title/);
    assert.match(s, /config: .*config\.toml:5: \[keys\] unknown action "bogus"/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{mouse_sgr_flag}').trim(), '0', 'mouse = false');
    tmux('send-keys', '-t', 'e2e', 'j');
    s = await waitFor(/f filter/);
    tmux('send-keys', '-t', 'e2e', 'f');
    await waitFor(/^\/▏/m);
    tmux('send-keys', '-t', 'e2e', 'Escape');
    await sleep(100);
    tmux('send-keys', '-t', 'e2e', 'q');
    s = await waitFor(/EXIT=0/);
    // the line as printed, however the terminal wrapped its long path
    assert.match(s.replace(/\n/g, ''), /steppe: .*config\.toml:5: \[keys\] unknown action "bogus"/, 'said on the terminal too');
    tmux('kill-session', '-t', 'e2e');
    open('--mouse');
    await waitFor(/1 Articles \(5\)/);
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{mouse_sgr_flag}').trim(), '1', '--mouse before the file');
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/EXIT=0/);
  });

  it('reads keys typed the moment the list shows, never echoing them onto the frame', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(scratch)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
    // polled as fast as tmux answers, then typed at once: the terminal must already be raw
    for (const t0 = Date.now(); !/1 Articles \(5\)/.test(screen()); ) if (Date.now() - t0 > 8000) assert.fail(`no list: ${screen()}`);
    tmux('send-keys', '-t', 'e2e', '/taraz', 'Enter');
    const s = await waitFor(/1 Articles \(1\)/);
    const lines = s.split('\n');
    assert.match(lines[0]!, /^╔═/, `the screen did not scroll:\n${s}`);
    assert.match(lines[29]!, /taraz/, 'the status line on the last row says the filter');
    assert.doesNotMatch(lines.slice(1, 29).join('\n'), /\/taraz/, 'the keys were not echoed');
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/EXIT=0/);
  });

  it('opens a large corpus.json at once, indexes it while shown, and opens it from a snapshot next time', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const dir = mkdtempSync(path.join(scratch, 'large-'));
    const file = path.join(dir, 'corpus.json');
    writeFileSync(file, serializeCorpus({ version: 1, articles: [...generateCorpus(1400, 9)] }));
    assert.ok(statSync(file).size >= SNAPSHOT_MIN_BYTES);
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(dir)} STEPPE_CACHE_DIR=${JSON.stringify(path.join(dir, 'cache'))} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(file)}; echo "EXIT=$?"; sleep 60`;
    for (const open of ['first', 'second']) {
      tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
      await waitFor(/1 Articles \(1400\)/, 20_000);
      // once indexed, a filter works
      await waitFor(/1 Articles \(1400\)\s+1\/1400║/, 20_000);
      tmux('send-keys', '-t', 'e2e', '/kazakh', 'Enter');
      // the filter applies: fewer than all, on a screen that did not move (no key was echoed)
      const filtered = await waitFor(/1 Articles \((?!1400\))(\d+)\)\s+1\/\1║/);
      assert.match(filtered, /^╔═/, `the frame's top row is the first: ${open} open`);
      tmux('send-keys', '-t', 'e2e', 'q');
      const after = await waitFor(/EXIT=0/, 20_000);
      if (open === 'first') {
        assert.match(after, /indexing 1,400 articles while the dashboard opens/);
        assert.match(after, /keeping a snapshot of this corpus/);
      } else assert.doesNotMatch(after, /indexing|keeping a snapshot/, 'the second open reads the snapshot');
      tmux('kill-session', '-t', 'e2e');
    }
  });

  it('a large JSON Lines file: the list at once while its entities are found on other threads, then the filter; a snapshot next time', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const dir = mkdtempSync(path.join(scratch, 'jsonl-'));
    const file = path.join(dir, 'scrape.jsonl');
    const lines = [...generateCorpus(2400, 12)].map((a) =>
      JSON.stringify({ title: a.title, published: a.published, publisher: a.publisher, text: a.paragraphs.join('\n\n') }),
    );
    writeFileSync(file, lines.join('\n') + '\n');
    assert.ok(statSync(file).size >= SNAPSHOT_MIN_BYTES, 'large enough to be kept as a snapshot');
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(dir)} STEPPE_CACHE_DIR=${JSON.stringify(path.join(dir, 'cache'))} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(file)}; echo "EXIT=$?"; sleep 60`;
    for (const open of ['first', 'second']) {
      tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
      if (open === 'first') {
        // the articles are listed before their entities are found, and the screen moves on
        // meanwhile (a number between 1 and 99: found on other threads, not this one's)
        const s = await waitFor(/1 Articles \(2400\) · finding entities [1-9]\d?%/, 20_000);
        assert.match(s, /\d{4}-\d{2}-\d{2}/, 'rows listed');
      }
      await waitFor(/1 Articles \(2400\)\s+1\/2400║/, 60_000);
      tmux('send-keys', '-t', 'e2e', '/country:tajikistan', 'Enter');
      await waitFor(/1 Articles \((?!2400\))(\d+)\)\s+1\/\1║/);
      tmux('send-keys', '-t', 'e2e', 'q');
      const after = await waitFor(/EXIT=0/, 20_000);
      if (open === 'first') assert.match(after, /keeping a snapshot of this corpus/);
      else assert.doesNotMatch(after, /indexing|keeping a snapshot/, 'the second open reads the snapshot');
      tmux('kill-session', '-t', 'e2e');
    }
  });

  it('a snapshot whose text is damaged: one line when it is found, the terminal restored, exit 1, the marks made so far kept', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
    const dir = mkdtempSync(path.join(scratch, 'damaged-'));
    const file = path.join(dir, 'corpus.json');
    writeFileSync(file, serializeCorpus({ version: 1, articles: [...generateCorpus(1400, 4)] }));
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const cache = path.join(dir, 'cache');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(dir)} STEPPE_CACHE_DIR=${JSON.stringify(cache)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(file)}; echo "EXIT=$?"; sleep 60`;
    // the first open leaves a snapshot
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
    await waitFor(/1 Articles \(1400\)\s+1\/1400║/, 20_000);
    tmux('send-keys', '-t', 'e2e', 'q');
    await waitFor(/EXIT=0/, 20_000);
    tmux('kill-session', '-t', 'e2e');
    // a byte flipped in every block of its text
    const [folder] = readdirSync(path.join(cache, 'snapshots'));
    const text = path.join(cache, 'snapshots', folder!, 'text.bin');
    const bytes = readFileSync(text);
    for (let at = 100; at < bytes.length; at += 1 << 20) bytes[at]! ^= 1;
    writeFileSync(text, bytes);
    tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
    // the background check may find the damage before the list is seen, or before a key is read
    const opened = await waitFor(/1 Articles \(1400\)|EXIT=\d+/, 20_000);
    let starred = false;
    if (!/EXIT=/.test(opened)) {
      // a mark, acknowledged on the screen; then the reader: the article's text is damaged
      tmux('send-keys', '-t', 'e2e', '*');
      starred = !/EXIT=/.test(await waitFor(/║.\*|EXIT=\d+/, 20_000));
      if (starred) tmux('send-keys', '-t', 'e2e', 'Enter');
    }
    const after = await waitFor(/EXIT=\d+/, 20_000);
    // one line, however the terminal wraps it
    assert.match(
      after.replace(/\n/g, ''),
      /steppe: the corpus's snapshot is damaged \(text\.bin block \d+ fails its checksum\); it was removed: open the corpus again to rebuild itEXIT=1/,
    );
    assert.match(after, /EXIT=1\b/);
    assert.doesNotMatch(after, /^\s+at /m, 'no stack trace');
    assert.equal(tmux('display', '-p', '-t', 'e2e', '#{alternate_on}').trim(), '0', 'alternate screen left');
    assert.deepEqual(readdirSync(path.join(cache, 'snapshots')), [], 'the snapshot removed, to be rebuilt');
    // a star the screen showed is on the disk
    if (starred) {
      const state = readdirSync(dir).find((n) => n.startsWith('review-'));
      assert.ok(state, 'review state written');
      assert.match(readFileSync(path.join(dir, state), 'utf8'), /"starred"/, 'the star made before survives');
    }
  });

  it('a hang-up with the terminal gone (an SSH link dropped): the mark just made is kept, and steppe ends without an abort', async () => {
    const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
    const dir = mkdtempSync(path.join(scratch, 'hup-'));
    const errors = path.join(dir, 'stderr');
    const command = `env -u CI STEPPE_STATE_DIR=${JSON.stringify(dir)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} 2> ${JSON.stringify(errors)}`;
    tmux('new-session', '-d', '-s', 'hup', '-x', '80', '-y', '24', 'sh', '-c', command);
    await screenWhen(() => tmux('capture-pane', '-p', '-t', 'hup'), /1 Articles \(5\)/, 8000);
    const shell = tmux('display', '-p', '-t', 'hup', '#{pane_pid}').trim();
    const node = Number(execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]);
    // the star, and at once the terminal closed under it (its save may still be on the way)
    tmux('send-keys', '-t', 'hup', '*');
    await sleep(30);
    tmux('kill-session', '-t', 'hup');
    const gone = Date.now() + 8000;
    while (spawnSync('kill', ['-0', String(node)]).status === 0) {
      assert.ok(Date.now() < gone, 'steppe ended after the hang-up');
      await sleep(50);
    }
    const said = readFileSync(errors, 'utf8');
    assert.doesNotMatch(said, /Assertion failed|Native stack|node::/, `no abort: ${said}`);
    const state = readdirSync(dir).find((n) => n.startsWith('review-') && n.endsWith('.json'));
    assert.ok(state, 'review state written');
    assert.match(readFileSync(path.join(dir, state), 'utf8'), /"starred"/, 'the star survives the hang-up');
  });

  // what a program can leave changed in a terminal: modes tmux tracks, and the tty settings
  const FLAGS =
    '#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag} #{mouse_any_flag} #{mouse_sgr_flag} #{insert_flag} #{origin_flag} #{wrap_flag}';
  const ways: [string, Record<string, string>, number][] = [
    ['q', {}, 0],
    ['C-c', {}, 0], // read as a key by the dashboard: quit
    ['SIGTERM', {}, 143],
    ['SIGHUP', {}, 129],
    ['an exception inside a component', { STEPPE_FAILPOINT: 'render' }, 70],
  ];
  for (const [way, env, code] of ways) {
    it(`leaves the terminal as it found it when left with ${way}`, async (t) => {
      const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
      const tty = path.join(scratch, `stty-${code}`);
      const vars = Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const command = `printf 'BEFORE-STEPPE\\n'; stty -g > ${tty}.before; env -u CI STEPPE_STATE_DIR=${JSON.stringify(scratch)} ${vars} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}; echo "EXIT=$?"; stty -g > ${tty}.after; cmp -s ${tty}.before ${tty}.after && echo STTY=same || echo STTY=changed; sleep 60`;
      tmux('new-session', '-d', '-s', 'ref', '-x', '100', '-y', '30', 'sh', '-c', 'sleep 60');
      const fresh = tmux('display', '-p', '-t', 'ref', FLAGS).trim();
      tmux('kill-session', '-t', 'ref');
      tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '30', 'sh', '-c', command);
      t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'e2e']));
      await waitFor(/1 Articles \(5\)/);
      if (way === 'q' || way === 'C-c') tmux('send-keys', '-t', 'e2e', way);
      else if (env.STEPPE_FAILPOINT) tmux('send-keys', '-t', 'e2e', 'Enter');
      else {
        const shell = tmux('display', '-p', '-t', 'e2e', '#{pane_pid}').trim();
        const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
        process.kill(Number(node), way as NodeJS.Signals);
      }
      const s = await waitFor(/STTY=\w+/);
      assert.match(s, new RegExp(`EXIT=${code}\\b`), 'the exit status says how it ended');
      assert.match(s, /STTY=same/, 'tty settings (raw mode, echo) restored');
      assert.match(s, /BEFORE-STEPPE/, 'the screen from before steppe is back');
      assert.doesNotMatch(s, /1 Articles/, 'no dashboard left on the screen');
      assert.equal(tmux('display', '-p', '-t', 'e2e', FLAGS).trim(), fresh, 'terminal modes as in a fresh terminal');
      if (env.STEPPE_FAILPOINT) {
        assert.match(s, /steppe: unexpected error: failpoint "render" reached/, 'one line says what happened');
        assert.doesNotMatch(s, /at \S+ \(|node:internal|\.tsx?:\d+/, 'no stack trace');
      }
    });
  }
});
