/**
 * is:new's memory of the last open (review/seen.ts): what a growing folder gained, nothing at
 * the first open or after a damaged file, and a record that is whole or not written.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { freshOf, readSeen, recordSeen, seenFileFor } from '../src/review/seen.js';
import { parseQuery } from '../src/search/query.js';

describe('the articles seen at the last open', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'steppe-seen-'));

  it('sits beside the review state file', () => {
    assert.equal(seenFileFor('/s/review-0123abcd.json'), path.join('/s', 'seen-0123abcd.json'));
  });

  it('nothing is new at the first open; what was added since the last is', () => {
    const file = path.join(dir, 'seen-a.json');
    assert.equal(readSeen(file), null);
    assert.deepEqual([...freshOf(['a', 'b'], readSeen(file))], []);
    assert.equal(recordSeen(file, ['a', 'b']), null);
    assert.deepEqual([...freshOf(['a', 'b', 'c', 'd'], readSeen(file))], ['c', 'd']);
    // an article gone from the folder is not "new", and neither is one seen before
    assert.deepEqual([...freshOf(['b'], readSeen(file))], []);
  });

  it('a damaged or foreign file counts as no last open, and the next record replaces it', () => {
    for (const text of ['{"version":1,"ids":[', '\u0000\u0001binary', '{"version":99,"ids":["a"]}', '[]', 'null']) {
      const file = path.join(dir, 'seen-damaged.json');
      writeFileSync(file, text);
      assert.equal(readSeen(file), null, JSON.stringify(text));
      assert.equal(recordSeen(file, ['x']), null);
      assert.deepEqual([...(readSeen(file) ?? [])], ['x']);
    }
  });

  it('a record that cannot be written says why (as root too)', () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    assert.equal(recordSeen(path.join(blocker, 'state', 'seen-x.json'), ['a']), 'not a folder');
    assert.equal(recordSeen(path.join(blocker, 'seen-x.json'), ['a']), 'a file is in the way');
    assert.equal(readFileSync(blocker, 'utf8'), 'not a folder');
  });

  it('is:new is a query of its own, and a wrong is: value names it', () => {
    const q = parseQuery('is:new country:Kazakhstan');
    assert.ok(q.ok && q.query.marks.new === true);
    const bad = parseQuery('is:fresh');
    assert.ok(!bad.ok && /is:new/.test(bad.error));
  });
});
