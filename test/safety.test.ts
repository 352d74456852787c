/**
 * Data safety, end to end with the built CLI: the corpus files a user opens are never written
 * (read-only copies, hashed before and after, every command and a dashboard session that
 * stars, notes and exports), and no command ever opens a network connection (every network
 * API is made to refuse and log through a preloaded module).
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bundledCorpus, bundledRaw, packageRoot } from '../src/paths.js';

const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const guard = path.join(packageRoot, 'test', 'fixtures', 'no-network.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-safety-'));
const netlog = path.join(scratch, 'network.log');
const corpusDir = path.join(scratch, 'corpus');
const out = path.join(scratch, 'out');
mkdirSync(path.join(corpusDir, 'raw'), { recursive: true });
mkdirSync(out);
copyFileSync(bundledCorpus, path.join(corpusDir, 'corpus.json'));
for (const f of readdirSync(bundledRaw)) copyFileSync(path.join(bundledRaw, f), path.join(corpusDir, 'raw', f));
writeFileSync(
  path.join(corpusDir, 'feed.jsonl'),
  '{"title":"A JSONL article","text":"Officials in Almaty said the border stayed open.","date":"2020-01-02"}\n',
);

const env = {
  ...process.env,
  FORCE_COLOR: '0',
  STEPPE_CACHE_DIR: path.join(scratch, 'cache'),
  STEPPE_STATE_DIR: path.join(scratch, 'state'),
  STEPPE_NETLOG: netlog,
  NODE_OPTIONS: `--import=${guard}`,
};

/** Every file under the corpus folder: its bytes' hash and its modification time. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(corpusDir, p), `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`);
    }
  };
  walk(corpusDir);
  return files;
}

function lock(dir: string) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) lock(p);
    chmodSync(p, e.isDirectory() ? 0o555 : 0o444);
  }
  chmodSync(dir, 0o555);
}

const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, cwd: scratch });
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const before = snapshot();
lock(corpusDir);

describe('data safety', () => {
  after(() => chmodSync(corpusDir, 0o755));

  it('the network guard works: a connection attempt is logged and refused', () => {
    const r = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8', env });
    assert.notEqual(r.status, 0);
    assert.match(readFileSync(netlog, 'utf8'), /net\.(Socket\.)?connect/);
    writeFileSync(netlog, '');
  });

  it('every command runs on read-only corpus files, writes none of them, and opens no socket', () => {
    const c = (f: string) => path.join(corpusDir, f);
    const commands: string[][] = [
      ['parse', c('raw'), '--out', path.join(out, 'parsed.json')],
      ['parse', c('raw')],
      ['search', 'kazakhstan', c('corpus.json')],
      ['search', 'almaty', '--json', c('feed.jsonl'), c('raw')],
      ['entities', '--json', c('corpus.json')],
      ['compare', '--json', c('corpus.json')],
      ['export', '--format', 'csv', '--out', path.join(out, 'a.csv'), c('corpus.json')],
      ['export', '--what', 'figures', '--format', 'md', c('raw')],
      ['--version'],
      ['--help'],
    ];
    for (const args of commands) {
      const r = run(args);
      assert.equal(r.status, 0, `steppe ${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(existsSync(netlog) ? readFileSync(netlog, 'utf8') : '', '', 'a network API was called');
    assert.deepEqual(snapshot(), before, 'a corpus file changed');
  });

  it('a dashboard session that stars, notes and exports leaves the corpus files as they were', {
    skip: hasTmux ? false : 'tmux is not installed',
  }, async () => {
    const socket = `steppe-safety-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    const vars = Object.entries({
      STEPPE_CACHE_DIR: env.STEPPE_CACHE_DIR,
      STEPPE_STATE_DIR: env.STEPPE_STATE_DIR,
      STEPPE_NETLOG: netlog,
      NODE_OPTIONS: env.NODE_OPTIONS,
      EDITOR: 'true',
      VISUAL: 'true',
    })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    try {
      tmux(
        'new-session',
        '-d',
        '-s',
        's',
        '-x',
        '120',
        '-y',
        '30',
        'sh',
        '-c',
        `cd ${JSON.stringify(out)}; env -u CI ${vars} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(path.join(corpusDir, 'corpus.json'))} ${JSON.stringify(path.join(corpusDir, 'raw'))}; echo EXIT=$?; sleep 30`,
      );
      const waitFor = async (re: RegExp) => {
        for (let t = 0; t < 160 && !re.test(tmux('capture-pane', '-p', '-t', 's')); t++) await new Promise((r) => setTimeout(r, 50));
        return tmux('capture-pane', '-p', '-t', 's');
      };
      assert.match(await waitFor(/1 Articles/), /1 Articles/);
      for (const key of ['*', 'j', 'r', 'x', 'Enter', '/', 'a', 'l', 'm', 'Enter', 'Escape', 'q']) {
        tmux('send-keys', '-t', 's', key);
        await new Promise((r) => setTimeout(r, 120));
      }
      assert.match(await waitFor(/EXIT=\d/), /EXIT=0/);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    }
    assert.equal(existsSync(netlog) ? readFileSync(netlog, 'utf8') : '', '', 'a network API was called');
    assert.deepEqual(snapshot(), before, 'a corpus file changed');
    assert.ok(readdirSync(env.STEPPE_STATE_DIR!, { recursive: true }).length > 0, 'the marks went to the state folder');
  });
});
