/**
 * The config file: what it may say and how each mistake is named (file, line, problem) while
 * the rest applies; the remapped keymap in the router, the hints and the help; `steppe config
 * --print` as a file that reads back the same; files that are not files.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { DEFAULT_CONFIG, parseConfig } from '../src/config/config.js';
import { loadConfig } from '../src/config/configFile.js';
import { hintsFor, NORMAL_KEYS, remapKeys, route } from '../src/ui/keymap.js';
import { helpLines } from '../src/ui/components/HelpOverlay.js';
import { COLOR, MONO, themeWith } from '../src/ui/theme.js';
import { initialState } from '../src/ui/state.js';
import { packageRoot } from '../src/paths.js';
import { K, renderApp, type Screen } from './uiHarness.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'steppe-config-'));
const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const steppe = (args: string[], config: string) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, STEPPE_CONFIG: config } });

describe('the config file', () => {
  it('reads every setting', () => {
    const { config, problems } = parseConfig(
      [
        'sort = "title"',
        'browser = "firefox %s"',
        'pager = "less -R"',
        'mouse = false',
        '[keys]',
        'filter = "f"',
        'next-pane = ["tab", "ctrl-n"]',
        '[colors]',
        'focus = "#ff8800"',
        'hit = "yellowBright"',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.equal(config.sort, 'title');
    assert.equal(config.browser, 'firefox %s');
    assert.equal(config.pager, 'less -R');
    assert.equal(config.mouse, false);
    assert.deepEqual(
      [...config.keys],
      [
        ['filter', ['f']],
        ['next-pane', ['tab', 'ctrl-n']],
      ],
    );
    assert.deepEqual(config.colors, { focus: '#ff8800', hit: 'yellowBright' });
  });

  it('names the line of each mistake and keeps the rest', () => {
    const text = [
      'sort = "size"',
      'colour = "red"',
      'mouse = "yes"',
      '[keys]',
      'filter = 3',
      'quit = "Q"',
      '[colors]',
      'hit = "pinkish"',
      'person = "red"',
    ].join('\n');
    const { config, problems } = parseConfig(text);
    assert.deepEqual(
      problems.map((p) => p.line),
      [2, 1, 3, 5, 8],
    );
    assert.match(problems[0]!.message, /unknown setting "colour"/);
    assert.match(problems[1]!.message, /sort must be one of date, publisher, title/);
    assert.equal(config.sort, null);
    assert.deepEqual([...config.keys], [['quit', ['Q']]]);
    assert.deepEqual(config.colors, { person: 'red' });
  });

  it('a file that is not TOML is one problem at its line, and the defaults', () => {
    const { config, problems } = parseConfig('sort = "date"\n[keys\nfilter = "f"\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 2);
    assert.match(problems[0]!.message, /^not TOML: /);
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  it('no file is the defaults, said by nobody; a folder, a FIFO or binary bytes are named', async () => {
    const dir = tmp();
    assert.deepEqual((await loadConfig(path.join(dir, 'none.toml'))).problems, []);
    mkdirSync(path.join(dir, 'folder.toml'));
    assert.match((await loadConfig(path.join(dir, 'folder.toml'))).problems[0]!, /folder\.toml: not read \(not a regular file\); the defaults are used/);
    if (spawnSync('mkfifo', [path.join(dir, 'fifo.toml')]).status === 0) {
      // opened, a FIFO would wait for a writer for ever
      assert.match((await loadConfig(path.join(dir, 'fifo.toml'))).problems[0]!, /fifo\.toml: not read \(not a regular file\)/);
    }
    writeFileSync(path.join(dir, 'binary.toml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    assert.match((await loadConfig(path.join(dir, 'binary.toml'))).problems[0]!, /binary\.toml: not UTF-8 text; the defaults are used/);
    writeFileSync(path.join(dir, 'bad.toml'), 'sort = "title"\n\n[colors]\nhit = 7\n');
    const bad = await loadConfig(path.join(dir, 'bad.toml'));
    assert.deepEqual(bad.problems, [`${path.join(dir, 'bad.toml')}:4: colors.hit must be a colour name (red, cyan, grayBright …) or #rrggbb`]);
    assert.equal(bad.config.sort, 'title');
  });
});

describe('remapped keys', () => {
  it('apply to the router, the hints and the help; unknown actions, fixed keys and clashes are refused by name', () => {
    const { keymap, problems } = remapKeys(
      new Map([
        ['filter', ['f']],
        ['open', ['o', 'enter']],
        ['nonsense', ['x']],
        ['redraw', ['r']],
        ['next-pane', ['ctrl-c']],
        ['down', ['k']],
      ]),
    );
    assert.deepEqual(
      problems.map((p) => p.name),
      ['nonsense', 'redraw', 'next-pane', 'down', 'open'],
    );
    assert.match(problems[1]!.problem, /redraw keeps its key \(\^L\)/);
    assert.match(problems[4]!.problem, /"o" would be both open and open-address in the list pane: open left as they were/);
    assert.match(problems[3]!.problem, /"k" would be both down and up in the list pane/);
    const s = initialState();
    assert.deepEqual(route(s, { input: 'f' }, undefined, keymap), { type: 'startFilter' });
    assert.equal(route(s, { input: '/' }, undefined, keymap), null, 'the old key is free');
    assert.deepEqual(route(s, { input: '', return: true }, undefined, keymap), { type: 'open' });
    assert.deepEqual(route(s, { input: 'j' }, undefined, keymap), { type: 'move', delta: 1 }, 'a refused remap leaves the default');
    assert.match(hintsFor('list', keymap).join(' · '), /f filter/);
    assert.ok(helpLines(80, keymap).some((l) => /^f\s+filter$/.test(l)));
    assert.equal(hintsFor('list').join(' · '), hintsFor('list', NORMAL_KEYS).join(' · '));
    assert.match(hintsFor('list').join(' · '), /^j\/k move · Enter read · \/ filter/);
  });

  it('colours per token, none in the mono theme', () => {
    const t = themeWith(COLOR, { focus: 'blue', hit: 'yellow', person: '#ff0000' });
    assert.deepEqual([t.accent, t.hit, t.entity.person, t.entity.country], ['blue', 'yellow', '#ff0000', COLOR.entity.country]);
    assert.equal(themeWith(MONO, { focus: 'blue' }), MONO);
  });
});

describe('the dashboard with a config', () => {
  let screen: Screen | undefined;
  afterEach(() => screen?.unmount());

  it('a remapped key opens the filter and the status bar says it', async () => {
    const { keymap } = remapKeys(new Map([['filter', ['f']]]));
    screen = await renderApp({ keymap, initial: { sort: 'title' } });
    assert.match(screen.lastFrame(), /f filter/);
    assert.match(screen.lastFrame(), /sort: title/);
    await screen.press('f');
    await screen.type('taraz');
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(1\)/);
  });
});

describe('steppe config --print', () => {
  it('prints the defaults as a file that reads back the same; a broken file is named, exit 1', () => {
    const dir = tmp();
    const none = steppe(['config', '--print'], path.join(dir, 'none.toml'));
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /\(none: these are the defaults\)/);
    assert.match(none.stdout, /^filter = \["\/"\]/m);
    const back = parseConfig(none.stdout);
    assert.deepEqual(back.problems, []);
    assert.equal(remapKeys(back.config.keys).problems.length, 0);
    assert.deepEqual(
      remapKeys(back.config.keys).keymap.map((b) => b.keys),
      NORMAL_KEYS.map((b) => b.keys),
    );
    const file = path.join(dir, 'config.toml');
    writeFileSync(file, '[keys]\nfilter = "f"\nquit = "ctrl-c"\n');
    const broken = steppe(['config', '--print'], file);
    assert.equal(broken.status, 1);
    assert.match(
      broken.stderr,
      new RegExp(`^steppe: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: \\[keys\\] quit: "ctrl-c" is not a key steppe can bind`, 'm'),
    );
    assert.match(broken.stdout, /^filter = \["f"\]/m);
    assert.equal(steppe(['config'], file).status, 2);
  });
});
