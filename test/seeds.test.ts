/** The parser on the raw seeds: metadata exactly right, no boilerplate left, no body lost. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Article } from '../src/corpus/types.js';
import { fixtures, parsedSeeds, seed } from './helpers.js';

type Expected = Pick<Article, 'title' | 'publisher' | 'author' | 'published' | 'section' | 'dateline'> & {
  first: string;
  last: string;
  trailer: string | null;
  paragraphs: number;
};

const expected = JSON.parse(readFileSync(path.join(fixtures, 'seeds-expected.json'), 'utf8')).articles as Record<string, Expected>;

describe('seed metadata', () => {
  for (const [file, e] of Object.entries(expected)) {
    it(`${file}: title, publisher, author, date, section, dateline`, () => {
      const a = seed(file);
      assert.deepEqual(
        { title: a.title, publisher: a.publisher, author: a.author, published: a.published, section: a.section, dateline: a.dateline },
        { title: e.title, publisher: e.publisher, author: e.author, published: e.published, section: e.section, dateline: e.dateline },
      );
    });
  }

  it('takes the publication date, not the "Last Updated" or "accessed" date', () => {
    assert.equal(seed('002_3743e4cde9cea406.txt').published, '2011-11-28');
    assert.equal(seed('003_c54d9c2a10cbc1c9.txt').published, '2017-09-01');
  });

  it('gives the Times of Central Asia piece no title rather than its spam line', () => {
    const a = seed('004_98f0718d300371c8.txt');
    assert.equal(a.title, null);
    assert.ok(a.removed.some((r) => r.reason === 'spam' && r.text.startsWith('astropay')));
  });
});

describe('seed bodies', () => {
  for (const [file, e] of Object.entries(expected)) {
    it(`${file}: first and last body paragraphs verbatim`, () => {
      const a = seed(file);
      assert.equal(a.paragraphs.length, e.paragraphs);
      assert.equal(a.paragraphs[0], e.first);
      const closing = e.trailer ? a.paragraphs.slice(-2) : a.paragraphs.slice(-1);
      assert.deepEqual(closing, e.trailer ? [e.last, e.trailer] : [e.last]);
    });
  }

  const boilerplate = [
    /support (our|independent) journalism/i,
    /become a member/i,
    /The New Humanitarian/,
    /Democratic Republic of Congo/,
    /Share this article/i,
    /Join the discussion/i,
    /This article was produced by/i,
    /Copyright notice/i,
    /©/,
    /Search Refworld/i,
    /Disclaimer/i,
    /Cite as/i,
    /astropay|bozdurma/i,
    /About Us/,
    /Advanced Search/,
    /already have an account/i,
    /Newsroom logo/i,
    /Last Updated?:/i,
    /\baccessed\b/i,
    /^\d+\. (Home|Asia|Kazakhstan)$/,
    /^(Countries|Topics)$/,
    /^Publisher |^Author |^Publication Date /,
    /^By Fuad/,
  ];
  it('leaves no boilerplate in any paragraph', () => {
    for (const a of parsedSeeds())
      for (const p of a.paragraphs) for (const b of boilerplate) assert.doesNotMatch(p, b, `${a.file}: "${p.slice(0, 60)}…" matches ${b}`);
  });

  it('keeps every line of the source: title, a paragraph, or removed with a reason', () => {
    for (const a of parsedSeeds()) {
      const raw = readFileSync(path.join(fixtures, '..', '..', 'data', 'raw', a.file), 'utf8');
      const body = a.paragraphs.join('\n');
      const removed = new Set(a.removed.map((r) => r.text));
      for (const line of raw
        .split('\n')
        .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter(Boolean)) {
        const kept = line === a.title || body.includes(line) || removed.has(line);
        assert.ok(kept, `${a.file}: line lost: "${line.slice(0, 70)}"`);
      }
      for (const r of a.removed) assert.ok(r.reason.length > 0 && r.line > 0);
    }
  });

  it('joins the hard-wrapped line inside the IRIN paragraph', () => {
    assert.ok(seed('001_25757191d9bb1ee7.txt').paragraphs[1]!.includes('Collective Security Agreement (CSA), to work'));
  });

  it('drops the standfirst the page template repeats in the body, keeping the full sentence', () => {
    const a = seed('003_c54d9c2a10cbc1c9.txt');
    const repeated = a.removed.filter((r) => r.reason === 'repeated within article');
    assert.equal(repeated.length, 1);
    assert.ok(repeated[0]!.text.startsWith('Terrorism and spread of extremist ideology'));
    assert.ok(
      a.paragraphs.includes(
        'Terrorism and the spread of extremist ideology have become top security concerns in Central Asia in recent years, due to a series of incidents that have rattled the region and its leaders.',
      ),
    );
  });

  it('names why each kind of boilerplate went', () => {
    const reasons = (file: string) => new Set(seed(file).removed.map((r) => r.reason));
    for (const r of ['breadcrumb', 'credit line', 'share widget', 'comments', 'donation appeal', 'repeated across documents'])
      assert.ok(reasons('000_632bd2391661b571.txt').has(r), r);
    for (const r of ['update stamp', 'metadata', 'citation', 'disclaimer', 'copyright', 'site search'])
      assert.ok(reasons('002_3743e4cde9cea406.txt').has(r), r);
    for (const r of ['update stamp', 'logo', 'byline']) assert.ok(reasons('003_c54d9c2a10cbc1c9.txt').has(r), r);
    for (const r of ['spam', 'account prompt', 'site search']) assert.ok(reasons('004_98f0718d300371c8.txt').has(r), r);
  });

  it('gives every article a distinct 12-hex id from its text', () => {
    const ids = parsedSeeds().map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9a-f]{12}$/);
  });
});
