/**
 * Fuzzy matching is exactly "within the edit budget": the edit-distance index finds the same
 * terms as a brute-force Levenshtein over the whole vocabulary, for a few thousand random
 * words and their misspellings, in Latin, Cyrillic and Arabic script.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { random } from '../src/bench/generate.js';
import { boundedDistance, buildFuzzy, fuzzyMatches, MIN_FUZZY_TERM } from '../src/search/fuzzy.js';
import { parseQuery } from '../src/search/query.js';
import { editBudget, expandWord, searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { sessionOf } from '../src/session/session.js';
import { articleOf } from './helpers.js';

/** The textbook full table: what the index must agree with. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

const rnd = random(20261202);
const ALPHABETS = ['abcdefghijklmnopqrstuvwxyz', 'абвгдежзийклмнопрстуфхцчшыэюяқғұ', 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const word = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
function misspell(w: string, edits: number, alphabet: string): string {
  let s = w;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const ch = alphabet[Math.floor(rnd() * alphabet.length)]!;
    const kind = rnd();
    s = kind < 0.33 ? s.slice(0, at) + ch + s.slice(at) : kind < 0.66 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
  }
  return s;
}

describe('fuzzy matching by edit distance', () => {
  // a vocabulary with near neighbours in it: families of words a few edits apart
  const roots = ALPHABETS.flatMap((a) => Array.from({ length: 300 }, () => [a, word(a, 3 + Math.floor(rnd() * 10))] as const));
  const vocabulary = [...new Set(roots.flatMap(([a, w]) => [w, misspell(w, 1, a), misspell(w, 2, a), misspell(w, 3, a)]).filter(Boolean))].sort();
  const index = buildFuzzy(vocabulary);

  it(`finds exactly the terms within 1 and 2 edits, as a brute-force Levenshtein over all ${vocabulary.length} terms does`, () => {
    let compared = 0;
    let found = 0;
    for (const [a, w] of roots) {
      for (const query of [w, misspell(w, 1, a), misspell(w, 2, a), word(a, w.length)]) {
        if (!query) continue;
        for (const k of [1, 2]) {
          const got = fuzzyMatches(index, vocabulary, query, k)
            .map((m) => `${vocabulary[m.term]} ${m.distance}`)
            .sort();
          const want = vocabulary
            .filter((t) => t !== query && t.length >= MIN_FUZZY_TERM)
            .map((t) => [t, levenshtein(query, t)] as const)
            .filter(([, d]) => d <= k)
            .map(([t, d]) => `${t} ${d}`)
            .sort();
          assert.deepEqual(got, want, `${query} within ${k}`);
          compared++;
          found += want.length;
        }
      }
    }
    assert.ok(compared > 5000 && found > 1000, `${compared} queries, ${found} matches`);
  });

  it('measures a bounded distance as the full table does, and stops above the bound', () => {
    for (let i = 0; i < 2000; i++) {
      const a = word(ALPHABETS[i % 3]!, Math.floor(rnd() * 12));
      const b = misspell(a, Math.floor(rnd() * 4), ALPHABETS[i % 3]!);
      for (const k of [0, 1, 2, 3]) assert.equal(boundedDistance(a, b, k), Math.min(levenshtein(a, b), k + 1), `${a} ${b} ${k}`);
    }
  });

  it("keeps the README's budget: 1 edit for 5–8 letters, 2 for 9 or more, none below", () => {
    assert.deepEqual([3, 4, 5, 8, 9, 14].map(editBudget), [0, 0, 1, 1, 2, 2]);
    const idx = buildIndex(
      sessionOf({
        version: 1,
        articles: ['extremism', 'kazakhstan', 'nazarbayev', 'militants', 'taraz'].map((w, i) => articleOf(`a${i}`, `A story about ${w}.`)),
      }).articles,
    );
    const terms = (w: string) => [...expandWord(idx, w).keys()].sort();
    assert.deepEqual(terms('kazakhstn'), ['kazakhstan'], '9 letters, 1 edit');
    assert.deepEqual(terms('nazarbaev'), ['nazarbayev']);
    assert.deepEqual(terms('militnts'), ['militants'], '8 letters, 1 edit');
    assert.deepEqual(terms('extremsts'), [], 'extremism is 3 edits away: outside the budget (fuse.js took it)');
    assert.deepEqual(terms('tarz'), [], 'four letters: no fuzzy match');
    const q = parseQuery('kazakhstn');
    assert.ok(q.ok);
    assert.equal(searchAll(idx, q.query).ids.length, 1);
  });
});
