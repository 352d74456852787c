/** The filter language and the index behind it. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { articleOf, parsedSeeds } from './helpers.js';
import { generateCorpus } from '../src/bench/generate.js';

const index = buildIndex(parsedSeeds());
const files = (q: string) => {
  const p = parseQuery(q);
  assert.ok(p.ok, `${q}: ${p.ok ? '' : p.error}`);
  return searchAll(index, p.query)
    .ids.map((i) => index.docs[i]!.article.file.slice(0, 3))
    .sort();
};

describe('query language', () => {
  it('parses words, phrases, exclusions, fields and year ranges', () => {
    const p = parseQuery('isis "islamic state" -taliban country:"Kyrgyz Republic" year:2011..2017');
    assert.ok(p.ok);
    assert.deepEqual(p.query, {
      words: ['isis'],
      phrases: ['islamic state'],
      excluded: ['taliban'],
      fields: [{ field: 'country', value: 'Kyrgyz Republic' }],
      years: { from: 2011, to: 2017 },
      marks: {},
    });
  });

  it('explains malformed queries instead of throwing', () => {
    for (const [q, error] of [
      ['"open', /unclosed quote/],
      ['year:abc', /year: wants 2011 or 2011\.\.2017/],
      ['year:2017..2011', /runs backwards/],
      ['colour:red', /unknown field "colour:"/],
      ['country:', /needs a value/],
    ] as const) {
      const p = parseQuery(q);
      assert.ok(!p.ok && error.test(p.error), q);
    }
  });
});

describe('search over the seeds', () => {
  it('matches words fuzzily through the vocabulary', () => {
    assert.deepEqual(files('nazarbaev'), ['001', '003']);
    assert.deepEqual(files('kazakstan'), ['000', '001', '002', '003', '004']);
    assert.deepEqual(files('taraz'), ['002']);
  });

  it('does not empty the list on a first letter that is no word of its own', () => {
    assert.deepEqual(files('q'), files(''));
    assert.deepEqual(files('taraz q'), files('taraz'));
  });

  it('matches what is still being typed by prefix', () => {
    assert.deepEqual(files('tar'), ['002', '004']);
  });

  it('finds a phrase as consecutive words of one paragraph, whatever stands between them, in any script', () => {
    const texts = [
      'Fighters of the Islamic State, officials said.', // 0 plain
      "The Islamic-State's fighters", // 1 apostrophe: the term is "state"
      'islamic\n\n   STATE', // 2 any run of non-letters between
      'Islamic statehood is not at issue', // 3 a longer word: no
      'islamic', // 4 an article whose paragraph ends …
      'state', // 5 … and another's
      'Türkmenistan border guards', // 6 accents folded
      'Исла\u0301мское государство запрещено', // 7 Cyrillic with a combining accent
      'الدولة الإسلامية في العراق', // 8 Arabic
      'o’clock news islamic  state', // 9 a typographic apostrophe elsewhere in the paragraph
    ];
    const idx = buildIndex(texts.map((p, i) => articleOf(String(i), p)));
    const ids = (q: string) => {
      const p = parseQuery(q);
      assert.ok(p.ok);
      return searchAll(idx, p.query).ids.sort((a, b) => a - b);
    };
    assert.deepEqual(ids('"islamic state"'), [0, 1, 2, 9]);
    assert.deepEqual(ids('"turkmenistan border"'), [6]);
    assert.deepEqual(ids('"исламское государство"'), [7]);
    assert.deepEqual(ids('"الدولة الإسلامية"'), [8]);
    assert.deepEqual(ids('"news islamic"'), [9]);
    assert.deepEqual(ids('"oclock news"'), [9], "the apostrophe dropped, as in the word's term");
  });

  it('checks a phrase a slice at a time when given a budget: what is found so far, how far, then the whole answer', () => {
    const articles = [...generateCorpus(400, 3)];
    const idx = buildIndex(articles);
    const p = parseQuery('"security services" kazakhstan');
    assert.ok(p.ok);
    const whole = searchAll(buildIndex(articles), p.query);
    assert.ok(whole.ids.length > 20 && whole.pending === undefined, 'without a budget: the whole answer at once');
    const seen: number[] = [];
    let r = searchAll(idx, p.query, undefined, 0);
    for (let rounds = 0; r.pending !== undefined && rounds < 1000; rounds++) {
      seen.push(r.pending);
      for (const id of r.ids) assert.ok(whole.ids.includes(id), 'only articles that hold the phrase, found so far');
      r = searchAll(idx, p.query, undefined, 0);
    }
    assert.ok(seen.length > 1, 'a budget of 0 checks a few candidates a call');
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      'the check only moves on',
    );
    assert.deepEqual(r.ids, whole.ids, 'and ends with the same answer, in the same order');
  });

  it('combines phrases, exclusions, fields and years with AND', () => {
    assert.deepEqual(files('"islamic state"'), ['003', '004']);
    assert.deepEqual(files('islamic -taliban'), ['001', '002', '004']);
    assert.deepEqual(files('country:tajikistan'), ['001', '004']);
    assert.deepEqual(files('person:nazarbayev'), ['001', '003']);
    assert.deepEqual(files('org:isis'), ['003', '004']);
    assert.deepEqual(files('place:astana source:caspian'), ['003']);
    assert.deepEqual(files('year:2011'), ['002']);
    assert.deepEqual(files('year:2011..2017 country:uzbekistan'), ['003']);
  });

  it('resolves a name in any spelling the gazetteer reads to the canonical one', () => {
    const tajik = files('country:tajikistan');
    assert.deepEqual(files('country:Таджикистан'), tajik, 'Russian');
    assert.deepEqual(files('country:"Republic of Tajikistan"'), tajik, 'the official name');
    assert.deepEqual(files('country:Tacikistan'), tajik, 'Turkish');
    assert.deepEqual(files('country:塔吉克斯坦'), tajik, 'Chinese');
    assert.deepEqual(files('org:ИГИЛ'), files('org:isis'), 'Islamic State in Russian');
  });

  it('ranks title matches first', () => {
    const p = parseQuery('kazakstan');
    assert.ok(p.ok);
    const first = index.docs[searchAll(index, p.query).ids[0]!]!.article;
    assert.equal(first.file.slice(0, 3), '002');
  });
});
