/** data/corpus.json is exactly what the parser makes of data/raw today. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Corpus } from '../src/corpus/types.js';
import { streamCorpusFile } from '../src/io/corpusStream.js';
import { noRepairs, repairArticle } from '../src/corpus/validate.js';
import { parseFiles } from '../src/pipeline/parse.js';
import { serializeCorpus } from '../src/io/corpusFile.js';
import { bundledCorpus } from '../src/paths.js';
import { seedFiles } from './helpers.js';

describe('bundled corpus', () => {
  it('data/corpus.json matches `steppe parse data/raw` (regenerate with `npm run parse`)', () => {
    const fresh = serializeCorpus(parseFiles(seedFiles()).corpus);
    const committed = readFileSync(bundledCorpus, 'utf8');
    assert.ok(committed === fresh, 'data/corpus.json is stale: run `npm run parse` and commit it');
  });

  it('follows the documented format', () => {
    const corpus = JSON.parse(readFileSync(bundledCorpus, 'utf8'));
    assert.equal(corpus.version, 1);
    assert.equal(corpus.articles.length, 5);
    for (const a of corpus.articles) {
      assert.deepEqual(Object.keys(a), [
        'id',
        'file',
        'title',
        'publisher',
        'author',
        'published',
        'section',
        'dateline',
        'paragraphs',
        'removed',
        'mentions',
        'duplicateOf',
      ]);
      if (a.published !== null) assert.match(a.published, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});

describe('streaming corpus reader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'steppe-stream-'));
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const bundled = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;

  it('reads the bundled corpus exactly as JSON.parse does, whatever the chunk size', () => {
    for (const chunk of [1, 2, 7, 64, 4096, 1 << 20]) {
      const r = streamCorpusFile(bundledCorpus, chunk);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.deepEqual(r.articles, bundled.articles, `chunk ${chunk}`);
    }
  });

  it('keeps mentions as columns, made as read, and leaves anything that is not exactly a mention as it was', () => {
    const r = streamCorpusFile(bundledCorpus);
    assert.ok(r.ok);
    const a = r.articles[0]!;
    assert.equal(typeof Object.getOwnPropertyDescriptor(a, 'mentions')?.get, 'function', 'read from columns');
    assert.deepEqual(Object.keys(a), Object.keys(bundled.articles[0]!), 'key order as in the file');
    assert.equal(JSON.stringify(r.articles), JSON.stringify(bundled.articles));
    // an odd mention (an extra field) keeps its article's list as read; a malformed one (a
    // negative offset, null, no name) is dropped and counted
    const odd = structuredClone(bundled);
    (odd.articles[1]!.mentions[0] as unknown as Record<string, unknown>).note = 'hand-made';
    odd.articles[2]!.mentions[0]!.start = -1;
    (odd.articles[3]!.mentions as unknown[]).push(null, { type: 'place', name: null });
    const r2 = streamCorpusFile(write('odd.json', JSON.stringify(odd)));
    assert.ok(r2.ok);
    assert.equal(r2.repaired.mentions, 3);
    odd.articles[2]!.mentions.shift();
    odd.articles[3]!.mentions.splice(-2);
    assert.deepEqual(r2.articles, odd.articles);
    assert.equal(Object.getOwnPropertyDescriptor(r2.articles[1]!, 'mentions')?.get, undefined);
    // assigning mentions stores them as given
    a.mentions = [];
    assert.deepEqual(a.mentions, []);
  });

  it('reads any layout: compact, tabs, a byte order mark, keys in another order, extra keys', () => {
    const layouts = [JSON.stringify(bundled), '\uFEFF' + JSON.stringify({ articles: bundled.articles, note: ['x', { y: '"]}' }], version: 1 }, null, '\t')];
    for (const [k, text] of layouts.entries()) {
      const r = streamCorpusFile(write(`layout${k}.json`, text), 5);
      assert.ok(r.ok, r.ok ? '' : r.reason);
      assert.deepEqual(r.articles, bundled.articles);
    }
  });

  it('agrees with JSON.parse on arbitrary strings, escapes included (property)', () => {
    const article = fc.record({
      id: fc.string({ minLength: 1 }),
      file: fc.string(),
      title: fc.option(fc.string({ unit: 'binary' })),
      paragraphs: fc.array(fc.string({ unit: 'binary' })),
      mentions: fc.array(
        fc.record({ type: fc.constant('place'), id: fc.string(), name: fc.string(), text: fc.string(), paragraph: fc.nat(), start: fc.nat(), end: fc.nat() }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 4 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (articles, chunk, pretty) => {
        const file = write('prop.json', JSON.stringify({ version: 1, articles }, null, pretty ? 2 : undefined));
        const r = streamCorpusFile(file, chunk);
        assert.ok(r.ok, r.ok ? '' : r.reason);
        // JSON.parse's reading, then the one documented repair: malformed mentions dropped
        const parsed = (JSON.parse(readFileSync(file, 'utf8')) as Corpus).articles.map((a) => repairArticle(a, noRepairs()));
        assert.deepEqual(r.articles, parsed);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('refuses broken files with a one-line reason', () => {
    const cases: [string | Buffer, RegExp][] = [
      ['', /^empty file$/],
      ['  \n', /^empty file$/],
      ['[]', /not a corpus file/],
      ['{"version":1,"articles":[', /not valid JSON \(the file ends early\)/],
      ['{"version":1,"articles":[1]}', /article 1: not an object/],
      ['{"version":1,"articles":[{"id":"a","file":"f","paragraphs":[]},]}', /not valid JSON \(unexpected "\]"/],
      ['{"version":1,"articles":[{"id":"a","file":"f","paragraphs":[]} {}]}', /not valid JSON \(expected "," or "\]"/],
      ['{"version":1,"articles":[{"id":"a","file":"f","paragraphs":[],}]}', /not valid JSON \(article 1: /],
      ['{"version":1,"articles":[{"id":"a","file":"f"}]}', /article 1: "paragraphs" must be a list of strings/],
      ['{"version":3,"articles":[]}', /corpus version 3 is newer/],
      ['{"version":1}', /missing "articles" list/],
      ['{"version":1,"articles":[]}}', /not valid JSON/],
      ['hello', /not valid JSON/],
      [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not valid UTF-8/],
      [Buffer.from([0x7b, 0, 0, 0x7d]), /binary file/],
    ];
    for (const [k, [text, reason]] of cases.entries()) {
      const r = streamCorpusFile(write(`bad${k}.json`, text), 3);
      assert.equal(r.ok, false, `case ${k} should fail`);
      if (!r.ok) {
        assert.match(r.reason, reason, `case ${k}`);
        assert.ok(!r.reason.includes('\n'), 'one line');
      }
    }
  });
});
