/** Review state: marks survive kill -9 and a second steppe on the same corpus. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { markOf, mergeMarks, parseReviewFile, serializeReview, type Marks } from '../src/review/marks.js';
import { ReviewStore, stateFileFor } from '../src/review/store.js';
import { packageRoot } from '../src/paths.js';
import { LONG } from './long.js';

const storeModule = path.join(packageRoot, 'dist', 'src', 'review', 'store.js');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'steppe-review-'));

/** A child process that saves marks one after another and prints "ack ID" once each is on disk. */
function writer(file: string, prefix: string, count: number, awaitEach = true) {
  const script = `
    const { ReviewStore } = await import(${JSON.stringify(storeModule)});
    const store = new ReviewStore(${JSON.stringify(file)});
    await store.load();
    const pending = [];
    for (let i = 0; i < ${count}; i++) {
      const id = '${prefix}' + i;
      const saved = store.set(id, { starred: true, note: 'note ' + i }).then(() => process.stdout.write('ack ' + id + '\\n'));
      if (${awaitEach}) await saved; else pending.push(saved);
    }
    await Promise.all(pending);
    await store.flush();
  `;
  return spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

function acks(child: ReturnType<typeof writer>): { lines: string[]; first: Promise<void>; done: Promise<number | null> } {
  const lines: string[] = [];
  let buffer = '';
  let firstAck: () => void = () => undefined;
  const first = new Promise<void>((r) => (firstAck = r));
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const p of parts) if (p.startsWith('ack ')) lines.push(p.slice(4));
    if (lines.length) firstAck();
  });
  const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  void done.then(() => firstAck());
  return { lines, first, done };
}

describe('review marks', () => {
  it('refuses corrupt and newer files instead of reading them wrongly, and reads version 1', () => {
    assert.deepEqual(parseReviewFile('{"version":1,"articles":{'), { ok: false, reason: 'corrupt' });
    assert.deepEqual(parseReviewFile('{"version":4,"articles":{}}'), { ok: false, reason: 'newer' });
    assert.deepEqual(parseReviewFile('{"version":2,"articles":{"a":{"starred":[1,5]}}}'), { ok: false, reason: 'corrupt' });
    const v1 = parseReviewFile('{"version":1,"articles":{"a":{"starred":true,"updated":5}}}');
    assert.ok(v1.ok);
    assert.deepEqual(markOf(v1.marks.get('a')), { starred: true });
  });

  it('merges field by field: a note here and a star there both survive, and an unstar is a change too', () => {
    const disk: Marks = new Map([
      ['a', { starred: [true, 5] as const }],
      ['b', { read: [true, 9] as const, starred: [true, 2] as const }],
    ]);
    const ours: Marks = new Map([
      ['a', { note: ['x', 7] as const }],
      ['b', { read: [false, 3] as const, starred: [false, 4] as const }],
    ]);
    const merged = mergeMarks(disk, ours);
    assert.deepEqual(markOf(merged.get('a')), { starred: true, note: 'x' });
    assert.deepEqual(markOf(merged.get('b')), { read: true }, 'the newer read wins, the newer unstar wins');
  });

  it('keeps marks for any id, "__proto__" and "constructor" included', () => {
    const marks: Marks = new Map([
      ['__proto__', { starred: [true, 1] as const }],
      ['constructor', { note: ['n', 1] as const }],
    ]);
    const parsed = parseReviewFile(serializeReview(marks));
    assert.ok(parsed.ok);
    assert.deepEqual(markOf(parsed.marks.get('__proto__')), { starred: true });
    assert.deepEqual(markOf(parsed.marks.get('constructor')), { note: 'n' });
    assert.equal(parsed.marks.size, 2);
  });
});

describe('review store', () => {
  it('saves at once, atomically, readable only by the user', async () => {
    const file = stateFileFor('/some/corpus', tmp());
    const store = new ReviewStore(file);
    await store.load();
    await store.set('abc', { starred: true });
    await store.set('abc', { note: 'check the figures' });
    const saved = parseReviewFile(readFileSync(file, 'utf8'));
    assert.ok(saved.ok);
    assert.deepEqual(markOf(saved.marks.get('abc')), { starred: true, note: 'check the figures' });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = new ReviewStore(file);
    await again.load();
    assert.equal(again.get('abc')?.note, 'check the figures');
  });

  it('moves a corrupt or newer state file aside, says so, and starts afresh', async () => {
    for (const [content, word] of [
      ['{"version":1,"articles":', 'unreadable'],
      ['{"version":7,"articles":{}}', 'newer'],
    ] as const) {
      const dir = tmp();
      const file = path.join(dir, 'review.json');
      writeFileSync(file, content);
      const store = new ReviewStore(file);
      await store.load();
      assert.match(store.message ?? '', new RegExp(word));
      const aside = readdirSync(dir).find((f) => f.startsWith('review.json.'));
      assert.ok(aside, 'the old file is kept');
      assert.equal(readFileSync(path.join(dir, aside!), 'utf8'), content);
      await store.set('x', { read: true });
      assert.ok(parseReviewFile(readFileSync(file, 'utf8')).ok);
    }
  });

  // kill points drawn at random (replay a failure with STEPPE_KILL_SEED=<seed>)
  const killSeed = Number(process.env.STEPPE_KILL_SEED ?? 424242);
  it(`keeps every acknowledged change when killed with SIGKILL at 25 random moments (seed ${killSeed})`, { skip: LONG }, async () => {
    const file = path.join(tmp(), 'review.json');
    const acknowledged: string[] = [];
    // some kills land before the first save, most in the middle of a burst of saves
    const moments = fc.sample(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 90 })), { numRuns: 25, seed: killSeed });
    for (const [run, moment] of moments.entries()) {
      const child = writer(file, `r${run}-`, 5000);
      const a = acks(child);
      if (moment >= 0) {
        await a.first;
        await new Promise((r) => setTimeout(r, moment));
      }
      child.kill('SIGKILL');
      await a.done;
      acknowledged.push(...a.lines);
      if (!existsSync(file)) {
        assert.equal(acknowledged.length, 0, `seed ${killSeed}, run ${run}: acknowledged saves but no file`);
        continue;
      }
      const parsed = parseReviewFile(readFileSync(file, 'utf8'));
      assert.ok(parsed.ok, `seed ${killSeed}, run ${run} (killed at ${moment} ms): the state file parses`);
      for (const id of acknowledged)
        assert.ok(markOf(parsed.marks.get(id))?.starred, `seed ${killSeed}, run ${run} (killed at ${moment} ms): ${id} was acknowledged but is missing`);
    }
    assert.ok(acknowledged.length >= 15, `only ${acknowledged.length} saves acknowledged`);
  });

  it('keeps both sessions changes when two steppes write at once', async () => {
    const file = path.join(tmp(), 'review.json');
    const one = acks(writer(file, 'one-', 150, false));
    const two = acks(writer(file, 'two-', 150, false));
    assert.deepEqual(await Promise.all([one.done, two.done]), [0, 0]);
    const parsed = parseReviewFile(readFileSync(file, 'utf8'));
    assert.ok(parsed.ok);
    const ids = [...parsed.marks.keys()];
    assert.equal(ids.filter((id) => id.startsWith('one-')).length, 150);
    assert.equal(ids.filter((id) => id.startsWith('two-')).length, 150);
  });
});
