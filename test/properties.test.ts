/**
 * Whatever it is given, the parser answers: it never throws and always answers the same. And
 * counting from the mention table agrees with counting the articles' mentions directly.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseArticle } from '../src/corpus/article.js';
import { oneSpaced, tidySpaces } from '../src/corpus/text.js';
import { parseFiles } from '../src/pipeline/parse.js';
import { compareCountries, comparisonIn, type Comparison } from '../src/analysis/compare.js';
import { corpusFigures } from '../src/analysis/corpusFigures.js';
import { countEntities, entityCountsIn } from '../src/analysis/entityCounts.js';
import { mentionTable } from '../src/analysis/mentionTable.js';
import { generateCorpus } from '../src/bench/generate.js';
import type { MentionType } from '../src/corpus/types.js';
import { parsedSeeds, seedFiles } from './helpers.js';

const seeds = seedFiles().map((f) => Buffer.from(f.bytes).toString('utf8'));

/** Text with the shapes that steer the rules: lines, blank lines, dates, bylines, quotes. */
const articleLike = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.constantFrom(
        '',
        '1. Home',
        '2. Asia',
        'By Jane Doe',
        'Share this article',
        '© 2020 Reuters',
        'Last updated: 1 May 2020',
        'LONDON (TCA) — Text.',
        'Published 05/28/2009',
        '(To be continued)',
      ),
      fc.lorem({ maxCount: 40, mode: 'sentences' }),
    ),
    { maxLength: 30 },
  )
  .map((ls) => ls.join('\n'));

const seedMutation = fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 50 })).map(([s, a, b, insert]) => {
  const i = a % (s.length + 1);
  const j = i + (b % 200);
  return s.slice(0, i) + insert + s.slice(j);
});

describe('space tidying', () => {
  // the shapes that matter: runs of spaces, tabs, no-break and ideographic spaces, line breaks
  const spacey = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00A0', '\u3000', '\u2009', '\n', '\r', '\u2028', '\uFEFF', 'a', 'б', '中'), maxLength: 30 });
  it('tidies as the plain rule does, found more quickly', () => {
    fc.assert(
      fc.property(spacey, (s) => {
        assert.equal(tidySpaces(s), s.replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g, ' ').trim());
        assert.equal(oneSpaced(s), s.replace(/\s+/g, ' '));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});

describe('parser properties', () => {
  it('never throws on any text, and is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), articleLike, seedMutation), (text) => {
        const a = parseArticle({ file: 'x.txt', text });
        const b = parseArticle({ file: 'x.txt', text });
        assert.deepEqual(a, b);
        assert.match(a.id, /^[0-9a-f]{12}$/);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same id to the same text whatever the file is called', () => {
    fc.assert(
      fc.property(fc.oneof(articleLike, seedMutation), fc.string({ minLength: 1, maxLength: 20 }), (text, name) => {
        assert.equal(parseArticle({ file: 'a.txt', text }).id, parseArticle({ file: name, text }).id);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 4 }), (blobs) => {
        const r = parseFiles(blobs.map((bytes, i) => ({ name: `f${i}.txt`, bytes })));
        // each file is an article or skipped with a reason (other warnings come with an article)
        assert.equal(r.corpus.articles.length + r.warnings.filter((w) => w.message.startsWith('skipped: ')).length, blobs.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mention table properties', () => {
  // the seeds as parsed plus generated articles, and republished copies of a few
  const originals = [...parsedSeeds(), ...generateCorpus(120, 5)];
  const corpus = [...originals, ...[2, 30, 77].map((i) => ({ ...originals[i]!, id: `copy-${i}`, duplicateOf: originals[i]!.id }))];
  const table = mentionTable(corpus);
  const figures = corpusFigures(corpus);
  const subset = fc.uniqueArray(fc.nat({ max: corpus.length - 1 }), { maxLength: corpus.length });
  const shape = (c: Comparison) => ({ countries: c.countries, coMentions: c.coMentions, timeline: c.timeline, figures: c.figures.length });

  it('counts any set of articles from the corpus table as from the articles alone', () => {
    fc.assert(
      fc.property(subset, fc.constantFrom(undefined, 'country', 'person', 'organization', 'place') as fc.Arbitrary<MentionType | undefined>, (ids, type) => {
        const articles = ids.map((i) => corpus[i]!);
        assert.deepEqual(entityCountsIn(table, ids, type), countEntities(articles, type));
        assert.deepEqual(shape(comparisonIn(table, figures, ids)), shape(compareCountries(articles, corpusFigures(articles))));
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order mentions are listed in', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        // a hand-made corpus.json may list an article's mentions in any order
        let s = seed;
        const shuffled = corpus.map((a) => ({ ...a, mentions: [...a.mentions].sort(() => ((s = (s * 1103515245 + 12345) % 2 ** 31) % 3) - 1) }));
        const other = mentionTable(shuffled);
        assert.deepEqual(shape(comparisonIn(other, figures)), shape(comparisonIn(table, figures)));
        assert.deepEqual(
          entityCountsIn(other).map((e) => [e.id, e.articles, e.mentions]),
          entityCountsIn(table).map((e) => [e.id, e.articles, e.mentions]),
        );
      }),
      { numRuns: 20 },
    );
  });
});
