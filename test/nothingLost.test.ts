/**
 * Nothing the user has is ever lost, tried the way a user meets it: a real full file system
 * (a small tmpfs), a read-only one, two processes writing one state file, damaged snapshots
 * and caches, FIFOs and devices in a folder, names that are not UTF-8, malformed corpora, and
 * names full of escape sequences through every command.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import { decodeBytes } from '../src/corpus/decode.js';
import type { Corpus } from '../src/corpus/types.js';
import { exportTable } from '../src/analysis/exportTable.js';
import { formatTable } from '../src/text/tableFormats.js';
import { sessionOf } from '../src/session/session.js';
import { serializeCorpus } from '../src/io/corpusFile.js';
import { SNAPSHOT_MIN_BYTES } from '../src/io/openCorpus.js';
import { writeFileSafely } from '../src/io/safeWrite.js';
import { readSnapshot, snapshotFolderFor, writeSnapshot, writeSnapshotFigures } from '../src/io/snapshot.js';
import { markOf, parseReviewFile } from '../src/review/marks.js';
import { ReviewStore, stateFileFor } from '../src/review/store.js';
import { mentionTable } from '../src/analysis/mentionTable.js';
import { corpusFigures } from '../src/analysis/corpusFigures.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { bundledCorpus, bundledRaw, packageRoot } from '../src/paths.js';
import { LONG } from './long.js';

const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const storeModule = path.join(packageRoot, 'dist', 'src', 'review', 'store.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-lost-'));
const tmp = () => mkdtempSync(path.join(scratch, 'd-'));
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  FORCE_COLOR: '0',
  STEPPE_CACHE_DIR: path.join(scratch, 'cache'),
  STEPPE_STATE_DIR: path.join(scratch, 'state'),
  ...extra,
});

function run(args: string[], extra: Record<string, string> = {}, input?: string) {
  // a bounded run: a hang (a FIFO read, /dev/zero) fails the test instead of stalling it
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: packageRoot, encoding: 'utf8', env: env(extra), timeout: 30_000, input, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

function assertOneLineErrors(stderr: string) {
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  assert.doesNotMatch(stderr, /\x1b/, 'no escape sequence');
}

/** Bytes a terminal could act on: ESC, C1 controls, bidi overrides, a bare CR. */
const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

// ---- a real small file system, mounted when this runs as root --------------------------------

const mounts: string[] = [];
after(() => {
  for (const m of mounts) spawnSync('umount', ['-l', m]);
});

/** A fresh tmpfs of `size` (e.g. "64k"), or null when this process may not mount one. */
function tmpfs(size: string, options = ''): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = tmp();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? ',' + options : ''}`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

/** Fills a file system to the last byte; returns the filler, to free space later. */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // full
  }
  // and the last few bytes
  try {
    for (;;) writeSync(fd, block, 0, 1);
  } catch {
    // full
  } finally {
    closeSync(fd);
  }
  return filler;
}

function needMount(t: TestContext, dir: string | null): dir is string {
  if (dir) return true;
  t.skip('needs root to mount a tmpfs; not run here');
  return false;
}

describe('writes on a full disk are complete or leave the old file untouched', () => {
  it('steppe parse --out over an existing corpus: exit 1, one line, the old file as it was', (t) => {
    const disk = tmpfs('64k');
    if (!needMount(t, disk)) return;
    const out = path.join(disk, 'out.json');
    writeFileSync(out, '{"version":1,"articles":[]}\n');
    const before = readFileSync(out);
    const r = run(['parse', bundledRaw, '--out', out]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /out\.json: not written \(disk full\); the previous file is unchanged/);
    assertOneLineErrors(r.stderr);
    assert.deepEqual(readFileSync(out), before, 'the old corpus is exactly as it was');
    assert.deepEqual(readdirSync(disk), ['out.json'], 'no temporary file left behind');
  });

  it('steppe export --out: exit 1, no half-written CSV', (t) => {
    const disk = tmpfs('64k');
    if (!needMount(t, disk)) return;
    fill(disk);
    const out = path.join(disk, 'x.csv');
    const r = run(['export', '--format', 'csv', '--out', out]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /x\.csv: not written \(disk full\)/);
    assert.doesNotMatch(r.stderr, /exported/);
    assert.equal(existsSync(out), false);
  });

  it('writeFileSafely names read-only file systems and folders', (t) => {
    const ro = tmpfs('64k', 'ro');
    if (needMount(t, ro)) assert.throws(() => writeFileSafely(path.join(ro, 'a.json'), 'x'), /a\.json: not written \(read-only\)/);
    const dir = tmp();
    mkdirSync(path.join(dir, 'state.json'));
    assert.throws(() => writeFileSafely(path.join(dir, 'state.json'), 'x'), /state\.json: not written \(is a folder\)/);
  });

  it('review marks on a nearly full disk: the state file stays whole, the change waits, says so, and is saved once there is room', async (t) => {
    const disk = tmpfs('64k');
    if (!needMount(t, disk)) return;
    const file = path.join(disk, 'review.json');
    const store = new ReviewStore(file);
    await store.load();
    await store.set('a', { note: 'hours of work' });
    const before = readFileSync(file);
    const filler = fill(disk);
    await store.set('a', { starred: true });
    assert.equal(store.failure, 'disk full');
    assert.match(store.message ?? '', /marks not saved: disk full; retrying/);
    assert.deepEqual(readFileSync(file), before, 'the state file is untouched');
    assert.deepEqual(store.get('a'), { starred: true, note: 'hours of work' }, 'the star shows meanwhile');
    assert.deepEqual(store.unsaved(), [{ id: 'a', fields: ['starred'] }]);
    rmSync(filler);
    // the retry runs on its own (first after 1 s)
    for (let waited = 0; store.failure && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    assert.equal(store.failure, null, 'saved by a retry');
    assert.equal(store.message, 'marks saved');
    const saved = parseReviewFile(readFileSync(file, 'utf8'));
    assert.ok(saved.ok);
    assert.deepEqual(markOf(saved.marks.get('a')), { starred: true, note: 'hours of work' });
    assert.deepEqual(await store.close(), []);
  });

  it('review marks that cannot be saved by quit are listed, with the note itself', async (t) => {
    const dir = tmp();
    const file = path.join(dir, 'review.json');
    mkdirSync(file); // the state path is a folder: every save fails
    const store = new ReviewStore(file);
    await store.load();
    await store.set('x', { note: 'keep this' });
    assert.match(store.message ?? '', /marks not saved: is a folder; retrying/);
    assert.deepEqual(await store.close(), [{ id: 'x', fields: ['note: keep this'] }]);
    t.diagnostic('the dashboard prints these on quit and exits 1 (see the tmux test)');
  });
});

describe('leftovers of a killed writer are removed on the next run', () => {
  /** A pid that surely belongs to no running process: one that just exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('a temporary corpus beside --out', () => {
    const dir = tmp();
    const leftover = path.join(dir, `.out.json.steppe-${deadPid()}-1.tmp`);
    writeFileSync(leftover, '{"version":1,"arti');
    const alive = path.join(dir, `.out.json.steppe-${process.pid}-1.tmp`);
    writeFileSync(alive, 'a writer still at work');
    const r = run(['parse', bundledRaw, '--out', path.join(dir, 'out.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(leftover), false, "the dead writer's file is gone");
    assert.equal(existsSync(alive), true, "a live writer's file is left alone");
  });

  it('a half-written snapshot folder', () => {
    const cache = path.join(tmp(), 'cache');
    process.env.STEPPE_CACHE_DIR = cache;
    const file = path.join(tmp(), 'corpus.json');
    copyFileSync(bundledCorpus, file);
    const folder = snapshotFolderFor(file);
    const leftover = path.join(path.dirname(folder), `.${path.basename(folder)}.steppe-${deadPid()}-1.tmp`);
    mkdirSync(leftover, { recursive: true });
    writeFileSync(path.join(leftover, 'text.bin'), Buffer.alloc(1 << 20));
    readSnapshot(file);
    assert.equal(existsSync(leftover), false);
  });
});

describe('two writers on one state file', () => {
  it('keep every acknowledged field: one writes notes while the other stars the same articles', async () => {
    const file = path.join(tmp(), 'review.json');
    const writer = (change: string) =>
      new Promise<number | null>((resolve) => {
        const script = `
          const { ReviewStore } = await import(${JSON.stringify(storeModule)});
          const store = new ReviewStore(${JSON.stringify(file)});
          await store.load();
          const saves = [];
          for (let i = 0; i < 60; i++) saves.push(store.set('a' + (i % 20), ${change}));
          await Promise.all(saves);
          const left = await store.close();
          process.exit(left.length ? 3 : 0);
        `;
        spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('exit', resolve);
      });
    assert.deepEqual(await Promise.all([writer("{ note: 'note ' + i }"), writer('{ starred: true }'), writer('{ read: true }')]), [0, 0, 0]);
    const parsed = parseReviewFile(readFileSync(file, 'utf8'));
    assert.ok(parsed.ok);
    for (let k = 0; k < 20; k++) {
      const m = markOf(parsed.marks.get('a' + k));
      assert.equal(m?.starred, true, `a${k} starred`);
      assert.equal(m?.read, true, `a${k} read`);
      assert.match(m?.note ?? '', /^note \d+$/, `a${k} has its note`);
    }
  });

  it("an unstar in one steppe is not undone by the other's older star", async () => {
    const file = path.join(tmp(), 'review.json');
    const a = new ReviewStore(file);
    const b = new ReviewStore(file);
    await a.load();
    await b.load();
    await a.set('x', { starred: true });
    await b.set('x', { note: 'from b' });
    await a.set('x', { starred: false });
    await b.set('x', { read: true });
    const c = new ReviewStore(file);
    await c.load();
    assert.deepEqual(c.get('x'), { read: true, note: 'from b' });
  });
});

describe('the plain commands see the same marks as the dashboard', () => {
  it('search, export, compare --query and entities --query read the review state', async () => {
    const state = tmp();
    const articles = (JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus).articles;
    const [first, second] = articles;
    const store = new ReviewStore(stateFileFor(bundledCorpus, state));
    await store.load();
    await store.set(first!.id, { starred: true, read: true });
    await store.set(second!.id, { note: 'check the figures' });
    const e = { STEPPE_STATE_DIR: state };

    const starred = JSON.parse(run(['search', 'is:starred', '--json'], e).stdout) as { id: string }[];
    assert.deepEqual(
      starred.map((r) => r.id),
      [first!.id],
    );
    const noted = JSON.parse(run(['search', 'has:note', '--json'], e).stdout) as { id: string }[];
    assert.deepEqual(
      noted.map((r) => r.id),
      [second!.id],
    );
    const unread = JSON.parse(run(['search', 'is:unread', '--json'], e).stdout) as { id: string }[];
    assert.equal(unread.length, articles.length - 1);

    const exported = JSON.parse(run(['export', '--format', 'json'], e).stdout) as Record<string, string>[];
    const row = exported.find((r) => r.id === first!.id)!;
    assert.equal(row.starred, 'yes');
    assert.equal(row.read, 'yes');
    assert.equal(exported.find((r) => r.id === second!.id)!.note, 'check the figures');

    const compared = JSON.parse(run(['compare', '--json', '--query', 'is:starred'], e).stdout) as { countries: { articles: number }[] };
    assert.ok(
      compared.countries.every((c) => c.articles <= 1),
      'only the starred article is compared',
    );
    assert.ok(compared.countries.length > 0);
    const entities = JSON.parse(run(['entities', '--json', '--query', 'has:note'], e).stdout) as { articles: number }[];
    assert.ok(entities.length > 0 && entities.every((x) => x.articles === 1));
  });

  it('keeps marks for an article whose id is __proto__, and apart for repeated ids', async () => {
    const dir = tmp();
    const base = (JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus).articles;
    const corpus: Corpus = {
      version: 1,
      articles: [
        { ...base[0]!, id: '__proto__' },
        { ...base[1]!, id: 'same' },
        { ...base[2]!, id: 'same' },
      ],
    };
    const file = path.join(dir, 'c.json');
    writeFileSync(file, serializeCorpus(corpus));
    const state = tmp();
    const store = new ReviewStore(stateFileFor(path.resolve(file), state));
    await store.load();
    await store.set('__proto__', { starred: true });
    await store.set('same', { note: 'first only' });
    const r = run(['search', 'is:starred', '--json', file], { STEPPE_STATE_DIR: state });
    assert.deepEqual(
      (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id),
      ['__proto__'],
    );
    assert.match(r.stderr, /1 article with a repeated id renamed/);
    const noted = JSON.parse(run(['search', 'has:note', '--json', file], { STEPPE_STATE_DIR: state }).stdout) as { id: string }[];
    assert.deepEqual(
      noted.map((x) => x.id),
      ['same'],
      'the repeat is "same-2", with no marks of its own yet',
    );
  });
});

describe('damaged snapshots and caches are reported and rebuilt', () => {
  it('a flipped byte in any file of a snapshot is found (checksums), and the snapshot is removed', () => {
    process.env.STEPPE_CACHE_DIR = path.join(tmp(), 'cache');
    const file = path.join(tmp(), 'corpus.json');
    copyFileSync(bundledCorpus, file);
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
    const write = () => {
      assert.ok(writeSnapshot(file, corpus.articles, buildIndex(corpus.articles), mentionTable(corpus.articles)));
      assert.ok(writeSnapshotFigures(file, corpusFigures(corpus.articles)));
    };
    write();
    const folder = snapshotFolderFor(file);
    const names = readdirSync(folder).sort();
    assert.ok(names.length >= 20, `every part of the snapshot: ${names.join(', ')}`);
    for (const name of names) {
      write();
      const p = path.join(folder, name);
      const bytes = readFileSync(p);
      if (bytes.length === 0) continue;
      bytes[Math.floor(bytes.length / 2)]! ^= 0x5a;
      writeFileSync(p, bytes);
      const r = readSnapshot(file);
      assert.ok(!r.ok && r.damaged, `${name}: a flipped byte is found`);
      assert.equal(existsSync(folder), false, `${name}: the damaged snapshot is removed`);
    }
  });

  it('the CLI on a large corpus with a damaged snapshot says so in one line and answers as without one', { skip: LONG }, () => {
    const cache = path.join(tmp(), 'cache');
    process.env.STEPPE_CACHE_DIR = cache;
    const file = path.join(tmp(), 'large.json');
    const corpus: Corpus = { version: 1, articles: [...generateCorpus(1400, 11)] };
    writeFileSync(file, serializeCorpus(corpus));
    assert.ok(statSync(file).size >= SNAPSHOT_MIN_BYTES);
    const truth = run(['entities', '--json', file], { STEPPE_CACHE_DIR: path.join(tmp(), 'none') });
    assert.equal(truth.code, 0);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
    for (const [name, command] of [
      ['articleParagraphs.bin', ['compare', '--json', '--query', 'kazakhstan']],
      ['paragraphStarts.bin', ['compare', '--json']],
      ['mentions.bin', ['entities', '--json']],
      ['text.bin', ['search', 'almaty', '--json']],
      ['meta.json', ['entities', '--json']],
    ] as const) {
      assert.ok(writeSnapshot(file, parsed.articles, buildIndex(parsed.articles), mentionTable(parsed.articles)));
      const p = path.join(snapshotFolderFor(file), name);
      const bytes = readFileSync(p);
      for (let k = 0; k < 8; k++) bytes[(k * 7919 + 13) % bytes.length]! ^= 0xff;
      writeFileSync(p, bytes);
      const r = run([...command, file], { STEPPE_CACHE_DIR: cache });
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      assert.match(r.stderr, /large\.json: snapshot damaged \(.+\); rebuilding/, name);
      assert.equal(r.stderr.trim().split('\n').length, 1, `${name}: one line`);
      const expected = run([...command, file], { STEPPE_CACHE_DIR: path.join(tmp(), 'none') });
      assert.equal(r.stdout, expected.stdout, `${name}: the same answer as without a snapshot`);
    }
  });

  it('a damaged parse cache entry is parsed again, with one line', () => {
    const cache = path.join(tmp(), 'cache');
    const dir = tmp();
    copyFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt'), path.join(dir, 'a.txt'));
    const first = run(['search', 'taraz', '--json', dir], { STEPPE_CACHE_DIR: cache });
    assert.equal(first.code, 0);
    for (const name of readdirSync(path.join(cache))) {
      const p = path.join(cache, name);
      const bytes = readFileSync(p);
      bytes[Math.floor(bytes.length / 3)]! ^= 0x20;
      writeFileSync(p, bytes);
    }
    const again = run(['search', 'taraz', '--json', dir], { STEPPE_CACHE_DIR: cache });
    assert.equal(again.code, 0);
    assert.match(again.stderr, /damaged cache entr(y|ies) removed; parsed again/);
    assert.equal(again.stdout, first.stdout);
  });
});

describe('folders and files', () => {
  it('skips a FIFO and a link to /dev/zero with a warning instead of blocking or filling memory', () => {
    const dir = tmp();
    copyFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt'), path.join(dir, 'good.txt'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]).status, 0);
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const r = run(['parse', dir]);
    assert.equal(r.signal, null, 'finished');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /pipe\.txt: skipped: a FIFO/);
    assert.match(r.stderr, /zero\.txt: skipped: a device/);
    assert.equal((JSON.parse(r.stdout) as Corpus).articles.length, 1);
  });

  it('skips a raw file over 64 MB', () => {
    const dir = tmp();
    const big = path.join(dir, 'huge.txt');
    writeFileSync(big, '');
    spawnSync('truncate', ['-s', '65M', big]);
    copyFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt'), path.join(dir, 'good.txt'));
    const r = run(['parse', dir]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /huge\.txt: skipped: larger than 64 MB/);
  });

  it('reads a file whose name is not UTF-8, and shows the name safely', () => {
    const dir = tmp();
    writeFileSync(
      Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]),
      readFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt')),
    );
    const r = run(['parse', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Corpus).articles.map((a) => a.file),
      ['caf\uFFFD.txt'],
    );
  });

  it('keeps a page with a few broken bytes or with U+FFFD written in it; reads legacy encodings', () => {
    const page = Buffer.from('Президент Казахстана заявил — угроза терроризма остаётся. '.repeat(3) + 'x'.repeat(40));
    page[10] = 0xff;
    page[60] = 0xfe;
    const damaged = decodeBytes(page);
    assert.ok(damaged.ok && damaged.replaced! >= 2 && !damaged.encoding, 'kept as UTF-8, the bad bytes counted');
    const plain = Buffer.from('The ministry said:' + ' text'.repeat(35));
    plain[30] = 0xff;
    plain[90] = 0x80;
    const few = decodeBytes(plain);
    assert.ok(few.ok && few.replaced === 2 && !few.encoding, 'ASCII with two stray bytes: damaged UTF-8, not a legacy page');
    const literal = decodeBytes(Buffer.from('Unknown characters are shown as \uFFFD\uFFFD\uFFFD in the source.'));
    assert.ok(literal.ok && !literal.replaced, 'U+FFFD written as text is text');
    const ru = 'Президент Казахстана заявил, что угроза терроризма в регионе остается высокой. Силовые структуры задержали группу.';
    for (const [encoding, bytes] of [
      [
        'windows-1251',
        Buffer.from(ru.split('').map((c) => (c.charCodeAt(0) >= 0x410 && c.charCodeAt(0) <= 0x44f ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0)))),
      ],
      ['windows-1252', Buffer.from('Die Behörden in Usbekistan haben mehrere Männer festgenommen, die Anschläge geplant hätten.', 'latin1')],
    ] as const) {
      const d = decodeBytes(bytes);
      assert.ok(d.ok, encoding);
      assert.equal(d.encoding, encoding);
      assert.ok(!d.text.includes('\uFFFD'));
    }
  });

  it("reads a windows-1252 page's curly quotes, dashes and euro sign as such, on Node 20 as on 22", () => {
    // 0x93 0x94 “ ”, 0x96 –, 0x97 —, 0x80 €, 0x92 ’: Node 20's own decoder gives C1 controls for these
    const text = 'Les autorités ont déclaré : « la menace reste élevée » 0x97 0x93guerre0x94 0x96 5 0x80 d0x92amende, l0x92État.';
    const bytes = Buffer.from(
      text.replace(/0x(9[0-9a-f]|8[0-9a-f])/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    );
    const d = decodeBytes(bytes);
    assert.ok(d.ok);
    assert.equal(d.encoding, 'windows-1252');
    assert.ok(d.text.includes('» — “guerre” – 5 € d’amende, l’État'), d.text);
    assert.doesNotMatch(d.text, /[\u0080-\u009F]/);
  });
});

describe('corpus files read exactly as JSON.parse reads them, and bad parts are dropped, not fatal', () => {
  const base = () => JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;

  it('malformed mentions are dropped with a counted warning in every command', () => {
    const c = base() as unknown as { articles: { mentions: unknown[] }[] };
    c.articles[0]!.mentions.push(null, { type: 'person', name: null }, { type: 'country' });
    c.articles[1]!.mentions = [null];
    const file = path.join(tmp(), 'c.json');
    writeFileSync(file, JSON.stringify(c));
    for (const command of [['entities'], ['compare'], ['search', 'kazakhstan'], ['export', '--format', 'csv']]) {
      const r = run([...command, file]);
      assert.equal(r.code, 0, `${command[0]}: ${r.stderr}`);
      assert.match(r.stderr, /4 malformed mentions dropped/);
      assertOneLineErrors(r.stderr);
    }
  });

  it('escapes in keys, and the last of two "articles" keys, as jq reads them', () => {
    const c = base();
    const text = serializeCorpus(c).replace('"articles"', '"\\u0061rticles"');
    const file = path.join(tmp(), 'escaped.json');
    writeFileSync(file, text);
    assert.equal((JSON.parse(run(['search', 'kazakhstan', '--json', file]).stdout) as unknown[]).length > 0, true);
    const dup = path.join(tmp(), 'dup.json');
    writeFileSync(dup, `{"version":1,"articles":${JSON.stringify(c.articles.slice(0, 1))},"articles":${JSON.stringify(c.articles.slice(1, 3))}}`);
    const rows = JSON.parse(run(['export', '--format', 'json', dup]).stdout) as { id: string }[];
    assert.deepEqual(
      rows.map((r) => r.id),
      c.articles.slice(1, 3).map((a) => a.id),
    );
  });

  it('JSON Lines with CR-only line ends', () => {
    const file = path.join(tmp(), 'c.jsonl');
    writeFileSync(
      file,
      ['{"title":"One","text":"Police in Almaty detained two men."}', '{"title":"Two","text":"Tajikistan closed a border post."}'].join('\r'),
    );
    const rows = JSON.parse(run(['export', '--format', 'json', file]).stdout) as { title: string }[];
    assert.deepEqual(
      rows.map((r) => r.title),
      ['One', 'Two'],
    );
  });

  it('steppe parse given a corpus says to open it directly', () => {
    for (const [name, text] of [
      ['c.json', serializeCorpus(base())],
      ['c.jsonl', '{"title":"One","text":"Police detained two men."}\n'],
    ] as const) {
      const file = path.join(tmp(), name);
      writeFileSync(file, text);
      const r = run(['parse', file]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /already a corpus \((corpus\.json|JSON Lines)\); open it directly/);
    }
  });
});

describe('every string printed to a terminal is sanitised', () => {
  const EVIL = 'Evil\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZWNobyBoaQ==\x07\u202eNews\nFORGED LINE\r';
  function evilCorpus(): string {
    const c = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
    const a = c.articles[0]!;
    a.file = `file${EVIL}.txt`;
    a.publisher = EVIL;
    a.title = `Title ${EVIL}`;
    a.paragraphs[0] = `${EVIL} ${a.paragraphs[0]}`;
    a.mentions.push({ type: 'person', id: 'person:evil', name: EVIL, text: EVIL.slice(0, 4), paragraph: 0, start: 0, end: 4 });
    const file = path.join(tmp(), 'evil.json');
    writeFileSync(file, JSON.stringify(c));
    return file;
  }

  it('tables, JSON and warnings of every command carry no escape, control or bidi override, and no forged line', () => {
    const file = evilCorpus();
    for (const command of [
      ['search', 'kazakhstan'],
      ['search', 'kazakhstan', '--json'],
      ['entities'],
      ['entities', '--json'],
      ['compare'],
      ['compare', '--json'],
      ['export', '--format', 'json'],
    ]) {
      const r = run([...command, file]);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, TERMINAL_UNSAFE, `${command.join(' ')}: stdout`);
      assert.doesNotMatch(r.stdout, /^FORGED LINE/m, `${command.join(' ')}: no forged line`);
      assert.doesNotMatch(r.stderr, TERMINAL_UNSAFE, `${command.join(' ')}: stderr`);
    }
    const json = JSON.parse(run(['entities', '--json', file]).stdout) as { name: string }[];
    assert.ok(
      json.some((e) => e.name === EVIL),
      'JSON keeps the data exactly, escaped',
    );
  });

  it('file names with escapes in parse warnings and errors', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad\x1b[2J\nFORGED.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    copyFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt'), path.join(dir, 'good.txt'));
    const r = run(['parse', dir]);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stderr, TERMINAL_UNSAFE);
    assert.doesNotMatch(r.stderr, /^FORGED/m);
    const missing = run(['search', 'x', path.join(dir, 'gone\x1b]52;c;aGk=\x07.json')]);
    assert.equal(missing.code, 1);
    assert.doesNotMatch(missing.stderr, TERMINAL_UNSAFE);
  });

  it('CSV on a terminal is sanitised; piped, it keeps its text', () => {
    const file = evilCorpus();
    const piped = run(['export', '--format', 'csv', file]);
    assert.ok(piped.stdout.includes('\x1b]0;pwned'), 'data keeps its text when piped');
    if (spawnSync('script', ['--version']).status !== 0) return;
    const log = path.join(tmp(), 'tty.log');
    const r = spawnSync(
      'script',
      ['-q', '-e', '-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} export --format csv ${JSON.stringify(file)}`, log],
      { env: env(), encoding: 'utf8', timeout: 30_000 },
    );
    assert.equal(r.status, 0);
    const shown = readFileSync(log, 'utf8')
      .replace(/^Script started.*\n/, '')
      .replace(/\nScript done.*\n?$/, '');
    assert.ok(shown.includes('Evil'));
    assert.doesNotMatch(shown.replace(/\r\n/g, '\n'), /\x1b|\u202e/, 'no escape reaches the terminal');
  });
});

describe('exports defuse formulas and keep Markdown tables whole', () => {
  const table = (values: string[]) => ({ columns: ['v'], rows: values.map((v) => ({ v })) });

  it('CSV: formulas after spaces and in full-width signs, tabs, CR; bidi controls shown', () => {
    const csv = formatTable(table(['=1+1', ' =1+1', '\u3000+1', '＝1+1', '－2', '＠SUM(A1)', '\tx', 'a\u202eb', 'plain']), 'csv')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    assert.deepEqual(csv.slice(1, -1), ["'=1+1", "' =1+1", "'\u3000+1", "'＝1+1", "'－2", "'＠SUM(A1)", "'\tx", 'a\uFFFDb', 'plain']);
  });

  it('Markdown: a pipe never adds a column; every line break stays inside its row', () => {
    const md = formatTable(table(['a|b', 'a\\|b', 'line\rbreak', 'two\nlines', 'crlf\r\nend']), 'md')
      .trimEnd()
      .split('\n');
    assert.equal(md.length, 2 + 5, 'one line a row');
    for (const row of md.slice(2)) assert.equal(row.replace(/&#124;/g, '').split('|').length, 3, row);
    assert.ok(md[2]!.includes('a&#124;b'));
    assert.ok(md[4]!.includes('line<br>break'));
    const articles = exportTable(sessionOf({ version: 1, articles: [] }), 'articles');
    assert.ok(articles.columns.includes('starred'));
  });
});
