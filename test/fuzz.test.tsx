/**
 * Fuzzing: the seeds mutated (truncated, spliced, repeated, bytes injected) and random bytes,
 * 10,000 cases through parse → extract → the lines the panes draw, with no exception and no
 * unsafe character or overlong line in what would be drawn; every 100th case also renders
 * through Ink. A failure prints the seed and path that replay it:
 *   STEPPE_FUZZ_SEED=<seed> STEPPE_FUZZ_PATH=<path> npm test
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { parseFiles } from '../src/pipeline/parse.js';
import { UNSAFE_CHARS } from '../src/text/sanitize.js';
import { makeSelectors } from '../src/ui/selectors.js';
import { EMPTY_QUERY } from '../src/search/query.js';
import { seedFiles } from './helpers.js';
import { K, modelOf, renderSized, widestLine } from './uiHarness.js';
import { LONG } from './long.js';

export const FUZZ_RUNS = Number(process.env.STEPPE_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.STEPPE_FUZZ_SEED ?? 20261125);
const PATH = process.env.STEPPE_FUZZ_PATH;
// the code's own set of what never reaches a terminal, not a copy of it that could fall behind
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`);
const WIDTH = 72;

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; from: number; length: number; to: number }
  | { kind: 'repeat'; from: number; length: number; times: number }
  | { kind: 'inject'; at: number; bytes: Uint8Array };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('splice' as const), from: fraction, length: fc.nat(2000), to: fraction }),
  fc.record({ kind: fc.constant('repeat' as const), from: fraction, length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 30 }) }),
  fc.record({
    kind: fc.constant('inject' as const),
    at: fraction,
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 24 }),
      fc.constantFrom(
        ...[
          '\x1b[2J',
          '\x1b]52;c;aGk=\x07',
          '\x1b]8;;http://x\x1b\\',
          '\u202e',
          '\u200b',
          '\r',
          '\r\n',
          '\n\n\n',
          '\x00',
          '\u00ad',
          '👨‍👩‍👧',
          '中文字',
          'Алматы',
        ].map((s) => new Uint8Array(Buffer.from(s))),
      ),
    ),
  }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = (f: number) => Math.floor(f * bytes.length);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'splice': {
      const from = at(m.from);
      const cut = bytes.subarray(from, from + m.length);
      const rest = Buffer.concat([bytes.subarray(0, from), bytes.subarray(from + m.length)]);
      const to = Math.floor(m.to * rest.length);
      return Buffer.concat([rest.subarray(0, to), cut, rest.subarray(to)]);
    }
    case 'repeat': {
      const from = at(m.from);
      const piece = bytes.subarray(from, from + m.length);
      return Buffer.concat([bytes.subarray(0, from), ...Array.from({ length: m.times }, () => piece), bytes.subarray(from)]);
    }
    case 'inject':
      return Buffer.concat([bytes.subarray(0, at(m.at)), m.bytes, bytes.subarray(at(m.at))]);
  }
}

const seeds = seedFiles();
const input = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([k, ms]) => ms.reduce(mutate, seeds[k]!.bytes as Buffer)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)) },
);

/** What the panes would draw for a parsed file: list rows and reader lines, all checked. */
function drawnLines(bytes: Buffer): { lines: string[]; wrapped: string[] } {
  const { corpus } = parseFiles([{ name: 'fuzz.txt', bytes }]);
  if (!corpus.articles.length) return { lines: [], wrapped: [] };
  const model = modelOf(corpus, 'fuzz');
  const sel = makeSelectors(model);
  const lines: string[] = [];
  for (const row of model.rows) lines.push(row.title, row.publisher, row.date, row.codes);
  for (const type of ['country', 'person', 'organization', 'place'] as const) for (const e of sel.entities(EMPTY_QUERY, type).rows) lines.push(e.name);
  const wrapped = sel.reader(0, WIDTH, true, EMPTY_QUERY).lines.map((line) => line.map((s) => s.text).join(''));
  return { lines: [...lines, ...wrapped], wrapped };
}

describe('fuzzing', { skip: LONG }, () => {
  it(`${FUZZ_RUNS} mutated and random inputs: parse → extract → draw, never an exception or an unsafe line (seed ${SEED})`, async () => {
    let rendered = 0;
    let ran = 0;
    const renders: Buffer[] = [];
    const details = fc.check(
      fc.property(input, (bytes) => {
        ran++;
        const { lines, wrapped } = drawnLines(bytes);
        for (const line of lines) assert.equal(UNSAFE.exec(line), null, `unsafe character in ${JSON.stringify(line.slice(0, 80))}`);
        // the reader wraps to the pane: no line may be wider
        for (const line of wrapped) assert.ok(stringWidth(line) <= WIDTH, `a ${stringWidth(line)}-column line in a ${WIDTH}-column reader`);
        if (ran % 100 === 0) renders.push(bytes);
      }),
      { numRuns: FUZZ_RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: true },
    );
    if (details.failed) {
      throw new Error(
        `fuzz case failed — replay with STEPPE_FUZZ_SEED=${details.seed} STEPPE_FUZZ_PATH=${details.counterexamplePath}: ${String(details.errorInstance).split('\n')[0]}`,
      );
    }
    // a sample through Ink itself: the real frames, at a small terminal
    for (const bytes of renders) {
      const { corpus } = parseFiles([{ name: 'fuzz.txt', bytes }]);
      if (!corpus.articles.length) continue;
      const s = await renderSized(60, 20, modelOf(corpus, 'fuzz'));
      await s.press(K.enter, 'j', 'j', K.tab, K.tab);
      for (const frame of s.stdout.frames) {
        assert.equal(UNSAFE.exec(frame.replace(/\x1b\[[0-9;]*m/g, '').replace(/\n/g, ' ')), null, 'unsafe character in a frame');
      }
      assert.ok(widestLine(s.lastFrame()) <= 60);
      s.unmount();
      rendered++;
    }
    assert.ok(rendered > 0, 'some cases were rendered through Ink');
  });
});
