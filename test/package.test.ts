/**
 * The package as a user installs it: `npm pack`, then the tarball installed in an empty folder
 * without devDependencies gives a `steppe` that parses, searches, compares, has its man page
 * and opens the dashboard at 80×24 in a real terminal (tmux). Nothing the bundle carries is
 * installed again.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../src/paths.js';
import { fixtures } from './helpers.js';
import { LONG } from './long.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-package-'));
const app = path.join(scratch, 'app');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
const bin = () => path.join(app, 'node_modules', '.bin', 'steppe');
const run = (args: string[], input?: string) =>
  spawnSync(bin(), args, {
    cwd: app,
    encoding: 'utf8',
    input,
    env: { ...process.env, STEPPE_STATE_DIR: path.join(scratch, 'state'), STEPPE_CACHE_DIR: path.join(scratch, 'cache') },
  });
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('the package, installed from its own tarball', { skip: LONG }, () => {
  before(() => {
    // --ignore-scripts: dist/ is built already (npm test builds first), and must not be rebuilt under the other tests
    const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], packageRoot).trim().split('\n').pop()!;
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    // the runtime dependencies are in npm's cache after `npm ci`: no network needed
    npm(['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(scratch, tarball)], app);
  });

  it('installs only what the bundle does not carry, and ships what the command needs', () => {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    for (const dev of ['ink', 'react', 'patch-package', 'typescript', 'esbuild', 'meow']) assert.ok(!installed.includes(dev), `${dev} is not installed`);
    for (const dep of Object.keys(manifest.dependencies)) assert.ok(installed.includes(dep), `${dep} is installed`);
    const shipped = path.join(app, 'node_modules', 'steppe');
    for (const f of [
      'dist/steppe.mjs',
      'dist/main.mjs',
      'dist/finishWorker.js',
      'dist/pageWorker.js',
      'dist/steppe.1',
      'data/corpus.json',
      'data/gazetteer/countries.json',
      'data/outlets.json',
    ])
      assert.ok(existsSync(path.join(shipped, f)), f);
    assert.ok(!existsSync(path.join(shipped, 'dist', 'test')), 'no tests in the package');
    assert.ok(!existsSync(path.join(shipped, 'patches')), 'the Ink patch is in the bundle, not applied at install');
  });

  it('runs its commands: version, help, parse, search, compare, completion', () => {
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match(run(['-h']).stdout, /Exit codes/);
    const raw = path.join(app, 'node_modules', 'steppe', 'data', 'raw');
    const parsed = run(['parse', raw]);
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.equal((JSON.parse(parsed.stdout) as { articles: unknown[] }).articles.length, 5);
    const found = run(['search', '--json', 'country:Таджикистан']);
    assert.equal(found.status, 0, found.stderr);
    assert.equal((JSON.parse(found.stdout) as unknown[]).length, 2);
    const compared = run(['compare', '--json']);
    assert.equal(compared.status, 0, compared.stderr);
    assert.ok((JSON.parse(compared.stdout) as { countries: { country: string }[] }).countries.some((c) => c.country === 'Kazakhstan'));
    const completion = run(['completion', 'bash']);
    assert.equal(spawnSync('bash', ['-n'], { input: completion.stdout }).status, 0, 'the bash completion parses');
    assert.match(readFileSync(path.join(app, 'node_modules', 'steppe', 'dist', 'steppe.1'), 'utf8'), /^\.TH STEPPE 1/);
  });

  it('parses a folder too large for one thread on its own worker threads, which it ships', () => {
    // the dev set's full pages five times over: past the size where pages go to workers (2 Mi characters)
    const folder = path.join(scratch, 'scrape');
    const pages = path.join(fixtures, 'devset-body', 'raw');
    let files = 0;
    for (const copy of ['a', 'b', 'c', 'd', 'e']) {
      mkdirSync(path.join(folder, copy), { recursive: true });
      for (const name of readdirSync(pages)) {
        copyFileSync(path.join(pages, name), path.join(folder, copy, name));
        files++;
      }
    }
    const out = path.join(scratch, 'scrape.json');
    const parsed = run(['parse', folder, '--out', out]);
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.doesNotMatch(parsed.stderr, /on one thread/, 'the page and entity workers started from the installed package');
    assert.match(parsed.stderr, new RegExp(`from ${files} files`));
    assert.ok((JSON.parse(readFileSync(out, 'utf8')) as { articles: unknown[] }).articles.length > files / 2);
  });

  it('opens the dashboard at 80×24 in tmux and quits cleanly', { skip: hasTmux ? false : 'tmux is not installed' }, async () => {
    const socket = `steppe-package-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    after(() => spawnSync('tmux', ['-L', socket, 'kill-server']));
    const command = `cd ${JSON.stringify(app)} && env -u CI STEPPE_STATE_DIR=${JSON.stringify(path.join(scratch, 'state'))} ${JSON.stringify(bin())}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'pkg', '-x', '80', '-y', '24', 'sh', '-c', command);
    const waitFor = async (what: RegExp) => {
      for (let waited = 0; ; waited += 50) {
        const s = tmux('capture-pane', '-p', '-t', 'pkg');
        if (what.test(s)) return s;
        if (waited > 10_000) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor(/1 Articles \(5\)/);
    tmux('send-keys', '-t', 'pkg', 'q');
    await waitFor(/EXIT=0/);
  });
});
