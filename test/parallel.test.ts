/**
 * Finishing a corpus on worker threads (pipeline/parallel.ts) gives what one thread gives:
 * the same mentions (a lone surname resolved against every run's full names, not only its
 * own) and the same fingerprints, on real pages in many languages and on generated articles
 * whose people recur across the corpus.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { generateCorpus } from '../src/bench/generate.js';
import type { Article } from '../src/corpus/types.js';
import { collectFiles } from '../src/io/files.js';
import { parseArticle } from '../src/corpus/article.js';
import { lineStats } from '../src/corpus/repeated.js';
import { parsePagesInParallel } from '../src/pipeline/pages.js';
import { finishHere, finishInBackground, finishInParallel, runsOf } from '../src/pipeline/parallel.js';
import { markDuplicates, parseFiles } from '../src/pipeline/parse.js';
import { fixtures, parsedSeeds } from './helpers.js';

async function devsetPages(): Promise<Article[]> {
  const collected = await collectFiles([path.join(fixtures, 'devset', 'raw')]);
  return parseFiles(collected.files).corpus.articles;
}

/** Generated articles as a JSON Lines file gives them: text, no mentions yet. */
const generated = (n: number, seed: number): Article[] => [...generateCorpus(n, seed)].map((a) => ({ ...a, mentions: [], duplicateOf: null }));

describe('finishing a corpus on worker threads', () => {
  it('cuts the corpus into consecutive runs covering every article once', () => {
    const articles = generated(50, 2);
    for (const count of [1, 2, 3, 7, 50, 80]) {
      const runs = runsOf(articles, count);
      assert.ok(runs.length >= 1 && runs.length <= Math.min(count, articles.length), `${count}: ${runs.length} runs`);
      assert.equal(runs[0]![0], 0);
      assert.equal(runs.at(-1)![1], articles.length);
      for (let k = 1; k < runs.length; k++) assert.equal(runs[k]![0], runs[k - 1]![1], 'consecutive');
    }
  });

  it('gives the mentions and fingerprints one thread gives, on the dev set, the seeds and generated articles', async () => {
    // each run of workers builds its gazetteers (~1 s): two runs, three workers and two
    const corpora: [string, Article[], number][] = [
      ['dev set and seeds', [...(await devsetPages()), ...parsedSeeds()], 3],
      ['generated', generated(240, 5), 2],
    ];
    for (const [name, articles, threads] of corpora) {
      const here = finishHere(articles);
      const there = await finishInParallel(articles, { threads, minChars: 0 });
      assert.equal(there.mentions.length, articles.length);
      // compared as a whole; a difference names the first article that differs
      if (!isDeepStrictEqual(there, here)) {
        const i = there.mentions.findIndex((m, k) => !isDeepStrictEqual(m, here.mentions[k]));
        assert.fail(`${name}, ${threads} threads: article ${i} (${articles[i]?.file}) differs`);
      }
    }
    // the generated corpus names its people in full in some articles and by surname in others
    const people = finishHere(generated(240, 5))
      .mentions.flat()
      .filter((m) => m.type === 'person');
    assert.ok(
      people.some((m) => m.text !== m.name),
      'surnames resolved to full names',
    );
  });

  it('in the background: the articles get their mentions and copies only when taken, once all are done', async () => {
    const articles = generated(120, 8);
    const expected = finishHere(articles);
    // a republished copy: the same text under another id
    articles.push({ ...articles[3]!, id: 'copy-of-3', paragraphs: [...articles[3]!.paragraphs] });
    let marked = 0;
    const job = finishInBackground(articles, (as, hashes) => {
      marked++;
      markDuplicates(as, hashes);
    });
    assert.equal(job.total, 121);
    assert.equal(job.take(), false, 'not done at once');
    assert.ok(articles.every((a) => a.mentions.length === 0));
    for (let waited = 0; !job.take() && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.equal(job.take(), true);
    assert.equal(marked, 1, 'taken once');
    assert.equal(job.scanned(), 121);
    assert.deepEqual(
      articles.slice(0, 120).map((a) => a.mentions),
      expected.mentions,
    );
    assert.equal(articles[120]!.duplicateOf, articles[3]!.id, 'the copy is marked');
  });

  it('parses pages on worker threads exactly as here, in order, with the batch’s line statistics', async () => {
    const collected = await collectFiles([path.join(fixtures, 'devset', 'raw'), path.join(fixtures, 'devset-body', 'raw')]);
    const sources = collected.files.map((f) => ({ file: f.name, text: Buffer.from(f.bytes).toString('utf8') }));
    const stats = lineStats(sources);
    const here = sources.map((s) => parseArticle(s, { stats }));
    let heard = 0;
    const there = await parsePagesInParallel(sources, { stats, threads: 3, minChars: 0, onParsed: (n) => (heard = n), onFallback: (why) => assert.fail(why) });
    assert.equal(there.length, here.length);
    for (let i = 0; i < here.length; i++) assert.ok(isDeepStrictEqual(there[i], here[i]), `${sources[i]!.file} parses the same on a worker`);
    assert.equal(heard, sources.length, 'progress counts every page');
  });

  it('parses here, and says so, when a page worker cannot start', async () => {
    const sources = [{ file: 'a.txt', text: 'Title\n\nA paragraph of text long enough to be read as one.' }];
    let why = '';
    const parsed = await parsePagesInParallel(sources, {
      stats: lineStats(sources),
      threads: 2,
      minChars: 0,
      workerFile: new URL('file:///nonexistent/worker.js'),
      onFallback: (w) => (why = w),
    });
    assert.equal(parsed.length, 1);
    assert.ok(why.length > 0, 'the fall back is said');
  });

  it('in the background: never keeps the process alive (a dashboard quit while entities are being found exits at once)', () => {
    // a process that starts the work and ends: it exits before the workers are through,
    // not when they are (25 s for 20,000 articles, before the workers were unref'd after their listeners)
    const script = `
      import { finishInBackground } from ${JSON.stringify(new URL('../src/pipeline/parallel.js', import.meta.url).href)};
      import { generateCorpus } from ${JSON.stringify(new URL('../src/bench/generate.js', import.meta.url).href)};
      const articles = [...generateCorpus(3000, 5)].map((a) => ({ ...a, mentions: [], duplicateOf: null }));
      const job = finishInBackground(articles, () => undefined);
      process.on('exit', () => process.stdout.write(JSON.stringify({ taken: job.take(), scanned: job.scanned(), total: job.total })));
    `;
    // a file, as the CLI is (under -e, Node waits for unref'd workers)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'steppe-unref-')), 'start.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const end = JSON.parse(run.stdout) as { taken: boolean; scanned: number; total: number };
    assert.equal(end.taken, false, `the process ended before the workers finished: ${run.stdout} ${run.stderr}`);
    assert.ok(end.scanned < end.total, `exited with ${end.scanned} of ${end.total} scanned`);
  });
});
