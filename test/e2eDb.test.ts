/**
 * End to end over a real PostgreSQL server (STEPPE_TEST_DB; .ci/run starts Debian's): the
 * built CLI loads the bundled corpus, then the dashboard (--db) in tmux at 80×24 lists,
 * filters and reads it through a socket proxy that the test cuts and restores, as a network
 * or a server restart does. The screen keeps its list and says the database is unreachable,
 * then answers once it is back.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect, type Sql } from '../src/backend/pg/connect.js';
import { packageRoot } from '../src/paths.js';
import { screenWhen } from './helpers.js';

const server = process.env.STEPPE_TEST_DB;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skip = !server ? 'needs a PostgreSQL server (STEPPE_TEST_DB; .ci/run starts one)' : !hasTmux ? 'tmux is not installed' : false;
const socket = `steppe-e2e-db-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'db');
const cli = path.join(packageRoot, 'dist', 'steppe.mjs');

const waitFor = (what: RegExp, ms = 10000) => screenWhen(screen, what, ms);

/** A Unix-socket proxy in front of the server's socket: cut() drops every connection and refuses new ones, restore() lets them through again. */
function socketProxy(upstream: string, at: string) {
  const open = new Set<net.Socket>();
  let listening: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      rmSync(at, { force: true });
      listening = net.createServer((client) => {
        const up = net.connect(upstream);
        for (const s of [client, up]) {
          open.add(s);
          s.on('close', () => open.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(up).pipe(client);
        client.on('close', () => up.destroy());
        up.on('close', () => client.destroy());
      });
      listening.listen(at, resolve);
    });
  return {
    restore: listen,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        if (!listening) return resolve();
        listening.close(() => resolve());
        listening = null;
      }),
  };
}

describe('the dashboard over PostgreSQL in a real terminal (tmux)', { skip }, () => {
  let admin: Sql;
  const name = `steppe_e2e_${process.pid}`;
  const proxyDir = mkdtempSync(path.join(tmpdir(), 'steppe-pg-'));
  const stateDir = mkdtempSync(path.join(tmpdir(), 'steppe-state-'));
  // postgres://user@/db?host=DIR&port=N: the server's socket, and the same URL for another database or socket folder
  const [, prefix = '', , query = ''] = /^([^/]*\/\/[^/]*)\/([^?]*)(?:\?(.*))?$/.exec(server ?? '') ?? [];
  const params = new URLSearchParams(query);
  const direct = `${prefix}/${name}?${params}`;
  const port = params.get('port') ?? '5432';
  const upstream = path.join(params.get('host') ?? '/var/run/postgresql', `.s.PGSQL.${port}`);
  params.set('host', proxyDir);
  const proxied = `${prefix}/${name}?${params}`;
  const proxy = socketProxy(upstream, path.join(proxyDir, `.s.PGSQL.${port}`));

  before(async () => {
    admin = await connect(server!);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const load = spawnSync(process.execPath, [cli, 'load', 'data/raw', '--db', direct, '--migrate'], { cwd: packageRoot, encoding: 'utf8' });
    assert.equal(load.status, 0, load.stderr);
    // its progress and its summary, nothing else (no driver's warning)
    assert.doesNotMatch(load.stderr, /Warning|deprecat/i, load.stderr);
    await proxy.restore();
    tmux('new-session', '-d', '-s', 'keeper', 'sleep 3600');
  });
  after(async () => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    await proxy.cut();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  });

  it('lists, filters and reads; a cut connection is said while the screen is kept, and answers come once it is back', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'db']));
    const isis = spawnSync(process.execPath, [cli, 'search', 'isis', '--json', '--db', direct], { cwd: packageRoot, encoding: 'utf8' });
    assert.equal(isis.status, 0, isis.stderr);
    const found = (JSON.parse(isis.stdout) as unknown[]).length;
    assert.ok(found > 0 && found < 5, `isis finds some: ${found}`);

    const command = `cd ${JSON.stringify(stateDir)} && env -u CI STEPPE_STATE_DIR=${JSON.stringify(stateDir)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --db ${JSON.stringify(proxied)}; echo "EXIT=$?"; sleep 60`;
    tmux('new-session', '-d', '-s', 'db', '-x', '80', '-y', '24', 'sh', '-c', command);
    let s = await waitFor(/1 Articles \(5\)/);
    assert.match(s, /Kazakstan Faces Up to Terror Threat/);
    assert.match(s, /5 articles/);

    await proxy.cut();
    tmux('send-keys', '-t', 'db', '/isis', 'Enter');
    s = await waitFor(/database unreachable, retrying/);
    assert.match(s, /Kazakstan Faces Up to Terror Threat/, 'the last list is kept');
    assert.doesNotMatch(s, /no articles match|Error|at .*\.js/);

    await proxy.restore();
    s = await waitFor(new RegExp(`1 Articles \\(${found}\\)`), 15000);
    assert.doesNotMatch(s, /unreachable/);

    // the best match read from the database
    tmux('send-keys', '-t', 'db', 'Enter');
    s = await waitFor(/Publisher: /);
    assert.match(s, /2 Reader/);
    tmux('send-keys', '-t', 'db', 'q');
    await waitFor(/1 Articles/);
    // x: the list's view exported from the database's answers, as a CSV in the working folder
    tmux('send-keys', '-t', 'db', 'x');
    s = await waitFor(/exported to \S+\.csv/);
    const file = /exported to (\S+\.csv)/.exec(s)![1]!;
    const csv = readFileSync(path.join(stateDir, file), 'utf8').trim().split('\n');
    assert.equal(csv.length, found + 1, 'a header and a row per match');
    tmux('send-keys', '-t', 'db', 'q');
    s = await waitFor(/EXIT=0/);
  });

  it('a server that cannot be reached at start: one line in the terminal and exit 1, before the screen changes', async (t) => {
    t.after(() => spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'db']));
    await proxy.cut();
    try {
      const command = `printf 'BEFORE-STEPPE\\n'; env -u CI STEPPE_STATE_DIR=${JSON.stringify(stateDir)} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} --db ${JSON.stringify(proxied)}; echo "EXIT=$?"; sleep 60`;
      tmux('new-session', '-d', '-s', 'db', '-x', '80', '-y', '24', 'sh', '-c', command);
      const s = await waitFor(/EXIT=\d+/);
      assert.match(s, /EXIT=1/);
      // one line, wrapped at 80 columns
      const said = /BEFORE-STEPPE\n([\s\S]*?)\nEXIT=1/.exec(s)?.[1] ?? '';
      assert.match(said.replace(/\n/g, ''), /^steppe: database .*: (no server at that socket|connection refused)/);
      assert.ok(said.length <= 160 && !said.replace(/\n/g, '').includes('steppe:', 1), said);
      assert.doesNotMatch(s, /\n\s+at /, 'no stack trace');
      assert.equal(tmux('display', '-p', '-t', 'db', '#{alternate_on}').trim(), '0', 'the screen was never changed');
    } finally {
      await proxy.restore();
    }
  });
});
