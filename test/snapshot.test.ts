/**
 * Snapshots of large corpora: what a snapshot gives back is what parsing the corpus.json
 * gives (articles, and the same answers to every query), a changed or damaged snapshot is
 * never used, and the first open of a large file leaves one for the next.
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import { generateCorpus } from '../src/bench/generate.js';
import { QUERIES } from '../src/bench/queries.js';
import type { Corpus } from '../src/corpus/types.js';
import { serializeCorpus } from '../src/io/corpusFile.js';
import { openCorpus, SNAPSHOT_MIN_BYTES } from '../src/io/openCorpus.js';
import { openSession } from '../src/session/open.js';
import { readSnapshot, snapshotFolderFor, writeSnapshot, writeSnapshotFigures } from '../src/io/snapshot.js';
import { corpusFigures } from '../src/analysis/corpusFigures.js';
import { listOf } from '../src/analysis/figureStore.js';
import { parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { mentionTable } from '../src/analysis/mentionTable.js';
import { bundledCorpus } from '../src/paths.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-snapshot-'));
process.env.STEPPE_CACHE_DIR = path.join(scratch, 'cache');

const queries = [...QUERIES, 'kazakhstan', 'nazarbaev', 'person:nazarbayev', '"islamic state" -taliban', 'year:2000..2015 almaty', 'zzzz'];

function sameAnswers(a: ReturnType<typeof buildIndex>, b: ReturnType<typeof buildIndex>) {
  for (const text of queries) {
    const q = parseQuery(text);
    assert.ok(q.ok);
    const x = searchAll(a, q.query);
    const y = searchAll(b, q.query);
    assert.deepEqual(y.ids, x.ids, `same results for ${text}`);
    assert.deepEqual([...y.terms].sort(), [...x.terms].sort());
  }
}

describe('snapshots', () => {
  it('give back the bundled corpus and its index exactly', () => {
    const file = path.join(scratch, 'bundled.json');
    writeFileSync(file, readFileSync(bundledCorpus));
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
    const index = buildIndex(corpus.articles);
    assert.deepEqual(readSnapshot(file), { ok: false }, 'none before one is written');
    const table = mentionTable(corpus.articles);
    assert.ok(writeSnapshot(file, corpus.articles, index, table));
    const snap = readSnapshot(file);
    assert.ok(snap.ok);
    assert.deepEqual(snap.table, table, 'the mention table as built');
    assert.ok(JSON.stringify({ version: 1, articles: snap.articles }) === JSON.stringify(corpus), 'articles as parsed, key order included');
    sameAnswers(index, snap.index);
    assert.equal(snap.figures, undefined, 'no figures until a session has extracted them');
    const figures = corpusFigures(corpus.articles);
    assert.ok(writeSnapshotFigures(file, figures));
    const again = readSnapshot(file);
    const kept = again.ok ? again.figures : undefined;
    assert.ok(kept, 'figures kept');
    assert.deepEqual(
      listOf(kept),
      figures.map(({ snippet: _, ...f }) => f),
      'every figure, without its snippet',
    );
  });

  it('are ignored once the corpus file changes, and when damaged', () => {
    const file = path.join(scratch, 'changing.json');
    writeFileSync(file, readFileSync(bundledCorpus));
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
    assert.ok(writeSnapshot(file, corpus.articles, buildIndex(corpus.articles), mentionTable(corpus.articles)));
    appendFileSync(file, '\n');
    assert.deepEqual(readSnapshot(file), { ok: false }, 'a changed file has no snapshot, and says nothing');
    assert.ok(writeSnapshot(file, corpus.articles, buildIndex(corpus.articles), mentionTable(corpus.articles)));
    assert.ok(readSnapshot(file).ok);
    const dir = snapshotFolderFor(file);
    writeFileSync(path.join(dir, 'postingData.bin'), 'truncated');
    const damaged = readSnapshot(file);
    assert.ok(!damaged.ok && damaged.damaged, 'a damaged snapshot is not used, and is reported');
    assert.deepEqual(readSnapshot(file), { ok: false }, 'and removed, so that it is rebuilt');
  });

  it('read their text when an article is read (the dashboard), and a damaged text block is found then or by the background check, never read as text', () => {
    const file = path.join(scratch, 'later.json');
    writeFileSync(file, readFileSync(bundledCorpus));
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
    const write = () => assert.ok(writeSnapshot(file, corpus.articles, buildIndex(corpus.articles), mentionTable(corpus.articles)));
    write();
    const whole = readSnapshot(file, { readLater: true });
    assert.ok(whole.ok && whole.checkRest);
    assert.deepEqual(
      whole.articles.map((a) => a.paragraphs),
      corpus.articles.map((a) => a.paragraphs),
      'every paragraph as written',
    );
    assert.equal(whole.checkRest(Infinity), true, 'the rest checks whole');

    const flip = () => {
      const p = path.join(snapshotFolderFor(file), 'text.bin');
      const bytes = readFileSync(p);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      writeFileSync(p, bytes);
    };
    flip();
    const opened = readSnapshot(file, { readLater: true });
    assert.ok(opened.ok, 'opens: the text is not read yet');
    assert.throws(() => opened.articles[0]!.paragraphs, /^Error: the corpus's snapshot is damaged \(text\.bin block 0 fails its checksum\); it was removed/);
    assert.deepEqual(readSnapshot(file), { ok: false }, 'removed, so that the next open rebuilds it');

    write();
    flip();
    const checked = readSnapshot(file, { readLater: true });
    assert.ok(checked.ok && checked.checkRest);
    assert.throws(() => checked.checkRest!(Infinity), /snapshot is damaged/, 'the background check finds it before anything reads it');
    assert.deepEqual(readSnapshot(file), { ok: false });

    write();
    const mentionsFile = path.join(snapshotFolderFor(file), 'mentions.bin');
    const columns = readFileSync(mentionsFile);
    columns[7]! ^= 0x10;
    writeFileSync(mentionsFile, columns);
    const laterMentions = readSnapshot(file, { readLater: true });
    assert.ok(laterMentions.ok, 'opens: the mention columns are not read yet');
    assert.deepEqual(laterMentions.articles[1]!.removed, corpus.articles[1]!.removed, 'removed lines read when first asked for');
    assert.throws(() => laterMentions.articles[0]!.mentions, /snapshot is damaged \(mentions\.bin fails its checksum\)/);
    assert.deepEqual(readSnapshot(file), { ok: false });

    write();
    flip();
    const eager = readSnapshot(file);
    assert.ok(!eager.ok && eager.damaged === 'text.bin block 0 fails its checksum', 'a plain open checks the text whole, at once');
  });

  it('are kept for the three most recently opened corpora only', () => {
    const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
    const index = buildIndex(corpus.articles);
    const files = [1, 2, 3, 4, 5].map((k) => {
      const file = path.join(scratch, `many-${k}.json`);
      writeFileSync(file, readFileSync(bundledCorpus));
      assert.ok(writeSnapshot(file, corpus.articles, index, mentionTable(corpus.articles)));
      return file;
    });
    assert.deepEqual(
      files.map((f) => readSnapshot(f).ok),
      [false, false, true, true, true],
    );
  });

  it('are made on the first open of a large corpus.json and used on the next, with the same answers', async () => {
    const file = path.join(scratch, 'large.json');
    const corpus: Corpus = { version: 1, articles: [...generateCorpus(1400, 3)] };
    writeFileSync(file, serializeCorpus(corpus));
    assert.ok(readFileSync(file).length >= SNAPSHOT_MIN_BYTES, 'large enough to be snapshotted');
    const session = await openSession([file]);
    const first = await openCorpus([file]);
    assert.equal(first.index, undefined);
    assert.ok(session.firstOpen, 'a snapshot to keep');
    const built = session.index();
    const table = session.table();
    session.keep();
    const second = await openCorpus([file]);
    assert.ok(second.index, 'the second open uses the snapshot');
    // compared as values (a failure would print megabytes): key order is the generator's own
    assert.ok(isDeepStrictEqual(JSON.parse(JSON.stringify(second.corpus)), JSON.parse(JSON.stringify(first.corpus))), 'the same articles');
    sameAnswers(built, second.index);
    assert.deepEqual(second.table, table, 'the same mention table');
  });
});
