/**
 * Endurance: a resize storm, and a soak of random keys with filters typed in between. The
 * full soak (100,000 keys on the bundled corpus and on 10,000 generated articles) is
 * `npm run soak`; here a shorter one keeps the suite quick, with the same checks.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { K, renderSized, widestLine } from './uiHarness.js';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../src/paths.js';
import { LONG } from './long.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('resize storm', { skip: LONG }, () => {
  it('survives 400 resizes between 20×5 and 300×100, keys in between, and ends on a correct frame', async () => {
    const s = await renderSized(100, 30);
    const sizes = fc.sample(fc.tuple(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 5, max: 100 })), { numRuns: 400, seed: 11 });
    sizes.push([20, 5], [300, 100], [20, 100], [300, 5]);
    for (const [k, [columns, rows]] of sizes.entries()) {
      s.stdout.resize(columns, rows);
      // most resizes land before the last frame is drawn, as in a window being dragged
      if (k % 20 === 0) await s.press(['j', K.tab, K.enter, K.esc, 'k'][k % 5]!);
      if (k % 50 === 0) await pause(5);
    }
    s.stdout.resize(100, 30);
    await pause(30);
    await s.press(K.esc, K.esc);
    const fresh = await renderSized(100, 30);
    await s.press('1');
    await fresh.press('1');
    assert.ok(widestLine(s.lastFrame()) <= 100);
    assert.equal(s.lastFrame().split('\n').length, fresh.lastFrame().split('\n').length, 'a full-height frame');
    assert.match(s.lastFrame(), /1 Articles \(5\)/);
    assert.match(s.lastFrame(), /steppe │ \[Articles\] │ bundled corpus/);
    s.unmount();
    fresh.unmount();
  });
});

describe('soak', { skip: LONG }, () => {
  it('takes 5,000 random keys and typed filters on the bundled corpus: no exception, heap within 10 %', () => {
    // in its own process with React's production build, as the shipped CLI runs (React's
    // development build keeps diagnostics for every render and grows without bound)
    const r = spawnSync(
      process.execPath,
      [path.join(packageRoot, 'dist', 'src', 'bench', 'soak.js'), '--keys', '5000', '--only', 'bundled', '--seed', '5', '--json'],
      { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
    );
    const [row] = JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]') as { keys: number; frames: number; errors: string[]; heapGrowth: number }[];
    assert.ok(row, `the soak printed its result (${r.stderr.split('\n')[0]})`);
    assert.equal(row.keys, 5000);
    assert.ok(row.frames > 1000, `frames were drawn (${row.frames})`);
    assert.deepEqual(row.errors, []);
    assert.ok(row.heapGrowth < 0.1, `heap grew ${(row.heapGrowth * 100).toFixed(1)} %`);
  });
});
