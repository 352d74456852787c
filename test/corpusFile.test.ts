/** data/corpus.json is exactly what the parser makes of data/raw today. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFiles } from '../src/corpus/corpus.js';
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
      assert.deepEqual(Object.keys(a), ['id', 'file', 'title', 'publisher', 'author', 'published', 'section', 'dateline', 'paragraphs', 'removed', 'mentions', 'duplicateOf']);
      if (a.published !== null) assert.match(a.published, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});
