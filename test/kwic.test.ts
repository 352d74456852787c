/**
 * A concordance and collocates for any word or phrase: the hits are the reader's hits, each
 * with its words around it; the AntConc sorts; log-likelihood as Dunning defines it; and the
 * plain commands `steppe kwic` and `steppe collocates` with --json, on the bundled corpus and
 * on a real Russian page of the dev set.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { collocatesOf, collocatesWith, logLikelihood, wordCountsInSlices } from '../src/analysis/collocates.js';
import { sortConcordance, wordConcordance } from '../src/analysis/wordKwic.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import { bundledCorpus, packageRoot } from '../src/paths.js';
import { parseTexts } from '../src/pipeline/parse.js';
import { parseQuery } from '../src/search/query.js';
import { hitRanges } from '../src/search/hits.js';
import { searchAll, type SearchResult } from '../src/search/search.js';
import { buildIndex, termsOf } from '../src/search/searchIndex.js';

const bundled = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
const search = (articles: Article[], text: string): SearchResult => {
  const q = parseQuery(text);
  assert.ok(q.ok);
  return searchAll(buildIndex(articles), q.query);
};

describe('a concordance of any word or phrase', () => {
  it('has one line for each hit the reader highlights, the hit between its own words', () => {
    for (const text of ['extremism', 'terror', '"central asia"', 'islamic "islamic state"']) {
      const r = search(bundled.articles, text);
      const lines = wordConcordance(bundled.articles, r.ids, r.terms, r.phrases, 6);
      let expected = 0;
      for (const i of r.ids)
        for (const p of bundled.articles[i]!.paragraphs) {
          // overlapping hits (a word inside a phrase) count once
          let to = -1;
          for (const h of hitRanges(p, r.terms, r.phrases).sort((x, y) => x.start - y.start || y.end - x.end))
            if (h.start >= to) {
              expected++;
              to = h.end;
            }
        }
      assert.ok(expected > 0, text);
      assert.equal(lines.length, expected, text);
      for (const l of lines) {
        const p = bundled.articles[l.article]!.paragraphs[l.paragraph]!;
        assert.ok(p.includes(l.left + l.keyword + l.right), 'left, hit and right are the paragraph as written');
        // a word the hit cuts ("Central Asia" in "Central Asia’s") shows its rest beside the window
        assert.ok(termsOf(l.left).length <= 6 + 1 && termsOf(l.right).length <= 6 + 1, `at most the window each side: ${JSON.stringify(l)}`);
        assert.ok(r.ids.includes(l.article));
      }
    }
  });

  it('sorts as AntConc does: by the first or second word left or right of the hit, ties in order', () => {
    const r = search(bundled.articles, 'security');
    const lines = wordConcordance(bundled.articles, r.ids, r.terms, r.phrases);
    assert.ok(lines.length > 5);
    assert.deepEqual(sortConcordance(lines, 'article'), lines);
    const firstRight = (l: (typeof lines)[number]) => termsOf(l.right)[0] ?? '';
    const byRight = sortConcordance(lines, '1R').map(firstRight);
    assert.deepEqual(byRight, [...byRight].sort());
    const leftAt = (n: number) => (l: (typeof lines)[number]) => termsOf(l.left).reverse()[n] ?? '';
    const by1L = sortConcordance(lines, '1L').map(leftAt(0));
    const by2L = sortConcordance(lines, '2L').map(leftAt(1));
    // an empty key (no word there) sorts first
    assert.deepEqual(by1L, [...by1L].sort());
    assert.deepEqual(by2L, [...by2L].sort());
    assert.equal(sortConcordance(lines, '2R').length, lines.length);
  });

  it('finds the words of a Russian page with their inflections as the filter does', () => {
    const file = 'a07_astanatv-ru-2021-zhusan-group-returned.txt';
    const text = readFileSync(path.join(packageRoot, 'test', 'fixtures', 'devset', 'raw', file), 'utf8');
    const articles = parseTexts([{ file, text }]);
    // "казахстанцы" (nominative) finds the page's "казахстанцев" within the filter's two edits
    const r = search(articles, 'казахстанцы');
    const lines = wordConcordance(articles, r.ids, r.terms, r.phrases);
    assert.ok(lines.length >= 1, 'the hits of the page');
    for (const l of lines) {
      assert.match(l.keyword, /^казахстанц/i);
      assert.ok(l.left.length + l.right.length > 0, 'with its words around it');
    }
  });
});

describe('collocates', () => {
  it('computes log-likelihood as Dunning’s G² of the 2×2 table', () => {
    // by hand: O = [10, 90, 40, 9860], E = [0.5, 99.5, 49.5, 9850.5]
    const o = [10, 90, 40, 9860];
    const e = [0.5, 99.5, 49.5, 9850.5];
    const g = 2 * o.reduce((s, x, i) => s + x * Math.log(x / e[i]!), 0);
    assert.ok(Math.abs(logLikelihood(10, 100, 50, 10_000) - g) < 1e-9);
    // observed as expected: no association
    assert.ok(Math.abs(logLikelihood(1, 100, 100, 10_000)) < 1e-9);
  });

  it('ranks the word always beside the node first, counts each word once per window, leaves out stop words and the node', () => {
    // thirty different short reports (not near-duplicates of each other, which would count once)
    const places = ['Osh', 'Khujand', 'Termez', 'Aktobe', 'Taraz', 'Batken', 'Kulob', 'Nukus', 'Atyrau', 'Naryn'];
    const topics = ['water prices', 'the cotton harvest', 'road repairs', 'school exams', 'grain exports', 'a new bridge'];
    const texts = Array.from({ length: 30 }, (_, i) => ({
      file: `f${i}.txt`,
      text: [
        `Report ${i} from ${places[i % 10]}`,
        i % 3 === 0
          ? `The foreign fighters returned home from Syria, officials in ${places[i % 10]} confirmed on day ${i}.`
          : `The convoy number ${i} returned home to ${places[i % 10]} without incident.`,
        `Officials in ${places[(i + 3) % 10]} met farmers ${i} times to discuss ${topics[i % 6]} and ${topics[(i + 1) % 6]}, with ${i * 7} delegates.`,
      ].join('\n\n'),
    }));
    const articles = parseTexts(texts);
    const r = search(articles, '"foreign fighters"');
    const c = collocatesOf(articles, r.ids, r.terms, r.phrases, { window: 4, min: 2 });
    assert.equal(c.hits, 10);
    // the same against the corpus's word counts made a slice at a time (as the dashboard makes them)
    const job = wordCountsInSlices(articles);
    let slices = 0;
    while (!job.next(0)) slices++;
    assert.ok(slices > 1, 'counted in several slices');
    assert.deepEqual(collocatesWith(articles, r, job.counts(), { window: 4, min: 2 }), c);
    const terms = c.rows.map((x) => x.term);
    assert.ok(!terms.includes('the') && !terms.includes('foreign') && !terms.includes('fighters'), terms.join(' '));
    // "returned" is near every hit but also in 20 other articles; "syria" only beside the hits
    assert.equal(terms[0], 'syria');
    assert.equal(c.rows[0]!.count, 10);
    assert.ok(terms.includes('returned'));
    assert.ok(!terms.includes('officials'), 'never within 4 words of a hit');
    for (const x of c.rows) assert.ok(x.count >= 2);
    assert.deepEqual(
      c.rows.map((x) => x.score),
      [...c.rows.map((x) => x.score)].sort((a, b) => b - a),
    );
  });
});

const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-kwic-'));
function run(args: string[]) {
  const env = { ...process.env, FORCE_COLOR: '0', STEPPE_CACHE_DIR: path.join(scratch, 'cache'), STEPPE_STATE_DIR: path.join(scratch, 'state') };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: packageRoot, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('steppe kwic and steppe collocates', () => {
  it('kwic --json gives { article, left, match, right } for each hit, sorted as asked', () => {
    const r = run(['kwic', '--json', '--sort', 'right', 'security']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { article: string; left: string; match: string; right: string }[];
    assert.ok(rows.length > 5);
    const ids = new Set(bundled.articles.map((a) => a.id));
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ['article', 'left', 'match', 'right']);
      assert.ok(ids.has(row.article));
      assert.match(row.match, /^secur/i);
    }
    const firsts = rows.map((x) => termsOf(x.right)[0] ?? '');
    assert.deepEqual(firsts, [...firsts].sort());
  });

  it('kwic prints the hits aligned on the match, and a count', () => {
    const r = run(['kwic', '--window', '4', 'taliban']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^\d+ hits? of taliban in \d+ articles?$/);
    const hits = lines.slice(0, -2);
    assert.ok(hits.length > 0);
    const at = hits.map((l) => l.search(/Taliban/i));
    assert.ok(
      at.every((c) => c === at[0]),
      `aligned:\n${hits.join('\n')}`,
    );
  });

  it('collocates --json gives { term, count, score }, best first', () => {
    const r = run(['collocates', '--json', '--min', '2', 'extremism']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { term: string; count: number; score: number }[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ['term', 'count', 'score']);
      assert.ok(row.count >= 2 && row.score > 0);
    }
    const plain = run(['collocates', '--min', '2', 'extremism']);
    assert.match(plain.stdout, /by log-likelihood \(G²\), seen at least 2 times/);
  });

  it('says in one line what is wrong with a query or a flag, exit 2', () => {
    for (const [args, message] of [
      [['kwic', 'country:Tajikistan'], /kwic: give a word or a "phrase" to find/],
      [['kwic', '--sort', 'sideways', 'isis'], /--sort must be article, left, right, 1L, 2L, 1R or 2R \(got "sideways"\)/],
      [['collocates', '--window', 'two', 'isis'], /--window must be a whole number of at least 1 \(got "two"\)/],
      [['collocates', '--min', '0', 'isis'], /--min must be a whole number of at least 1 \(got "0"\)/],
      [['kwic'], /kwic: give a word or a "phrase"/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });
});
