/**
 * Real pages from other publishers (test/fixtures/devset, test/fixtures/devset-body, each with
 * its README): the dev sets' scores, printed on every run, and floors that only ever rise.
 * They measure the rules; they are never a source of data (see the READMEs).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFiles } from '../src/pipeline/parse.js';
import { collectFiles } from '../src/io/files.js';
import { fixtures } from './helpers.js';
import { prf, scoreBodies, scoreDevset, TYPES, type Gold } from './devsetScore.js';

/** Raised as the parser and the extractor improve; a change that drops below one fails. */
const FLOORS = {
  metadata: 246,
  f1: { country: 0.97, person: 0.9, organization: 0.89, place: 0.92 },
  body: { f1: 0.93, recall: 0.95 },
};

async function parsed(set: string) {
  const collected = await collectFiles([path.join(fixtures, set, 'raw')]);
  return parseFiles(collected.files).corpus.articles;
}

describe('the development set: 64 real pages, half not in English', () => {
  it(`gets at least ${FLOORS.metadata}/256 metadata fields right and each entity type's F1 above its floor`, async (t) => {
    const gold = JSON.parse(readFileSync(path.join(fixtures, 'devset', 'gold.json'), 'utf8')) as Gold[];
    const score = scoreDevset(await parsed('devset'), gold);
    if (process.env.STEPPE_DEVSET_VERBOSE) for (const line of score.lines) t.diagnostic(line);
    t.diagnostic(`metadata ${score.metaOk}/${score.metaN} (${((100 * score.metaOk) / score.metaN).toFixed(1)} %; goal ≥ 95 %)`);
    for (const [type] of TYPES) {
      const { p, r, f } = prf(score.counts[type]);
      t.diagnostic(`${type}: precision ${p.toFixed(2)} recall ${r.toFixed(2)} F1 ${f.toFixed(2)} (floor ${FLOORS.f1[type]}; goal ≥ 0.90)`);
    }
    assert.equal(score.boilerplateCountries, 0, 'no country counted from boilerplate');
    assert.ok(score.metaOk >= FLOORS.metadata, `metadata ${score.metaOk}/256 below the floor ${FLOORS.metadata}`);
    for (const [type] of TYPES) assert.ok(prf(score.counts[type]).f >= FLOORS.f1[type], `${type} F1 below its floor`);
  });
});

describe('the body set: 61 full pages with their true article bodies', () => {
  it(`keeps the body: F1 ≥ ${FLOORS.body.f1}, recall ≥ ${FLOORS.body.recall}`, async (t) => {
    const gold = JSON.parse(readFileSync(path.join(fixtures, 'devset-body', 'gold.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const score = scoreBodies(await parsed('devset-body'), gold);
    t.diagnostic(
      `body F1 ${score.f1.toFixed(3)} | precision ${score.precision.toFixed(3)} | recall ${score.recall.toFixed(3)} (goal: F1 ≥ 0.93, recall ≥ 0.95)`,
    );
    for (const p of [...score.pages].sort((a, b) => a.precision - b.precision).slice(0, 3))
      t.diagnostic(`lowest precision: ${p.name} ${p.precision.toFixed(2)} (recall ${p.recall.toFixed(2)})`);
    assert.ok(score.f1 >= FLOORS.body.f1, `body F1 ${score.f1.toFixed(3)} below the floor`);
    assert.ok(score.recall >= FLOORS.body.recall, `body recall ${score.recall.toFixed(3)} below the floor`);
  });
});
