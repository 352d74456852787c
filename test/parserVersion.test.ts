/**
 * The parse cache keys articles by PARSER_VERSION: when the parser's output changes, the version
 * must change, or a user's cache would keep serving the old parse. This test records what the
 * parser makes of every real page and seed, and fails when that changes under the same version.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PARSER_VERSION, parseFiles } from '../src/pipeline/parse.js';
import { fixtures, seedFiles } from './helpers.js';

/** The version and the digest of the parser's output it stands for (update both together). */
const RECORDED = { version: '2', digest: '31dabd21ff9b394f' };

describe('the parse cache version', () => {
  it('changes whenever the parser makes something else of the same pages', () => {
    const real = ['devset', 'devset-body'].flatMap((set) => {
      const dir = path.join(fixtures, set, 'raw');
      return readdirSync(dir)
        .sort()
        .map((name) => ({ name: `${set}/${name}`, bytes: readFileSync(path.join(dir, name)) }));
    });
    const h = createHash('sha256');
    // mentions are extracted again on every open, not cached: only the parse itself counts
    // a fixed "today", so that the digest does not move with the calendar (future dates are refused)
    for (const a of parseFiles([...seedFiles(), ...real], { latest: new Date('2026-12-01T00:00:00Z') }).corpus.articles)
      h.update(JSON.stringify({ ...a, mentions: undefined })).update('\0');
    const digest = h.digest('hex').slice(0, 16);
    if (PARSER_VERSION === RECORDED.version)
      assert.equal(
        digest,
        RECORDED.digest,
        `the parser's output changed: bump PARSER_VERSION in src/pipeline/parse.ts and record { version, digest: '${digest}' } here`,
      );
    else assert.fail(`PARSER_VERSION is ${PARSER_VERSION}: record { version: '${PARSER_VERSION}', digest: '${digest}' } here`);
  });
});
