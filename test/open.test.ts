/** Opening the corpora users have: JSON Lines, standard input, raw folders through the cache. */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { articlesFromJsonl } from '../src/corpus/jsonl.js';
import { generateCorpus } from '../src/bench/generate.js';
import { openCorpus, SNAPSHOT_MIN_BYTES } from '../src/io/openCorpus.js';
import { openSession } from '../src/session/open.js';
import { bundledRaw } from '../src/paths.js';
import { parsedSeeds } from './helpers.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'steppe-open-'));
const jsonl = [
  '{"title":"Tajik police detain ten","text":"Police in Dushanbe detained 10 suspected members of Islamic State, the Interior Ministry said on Monday.\\n\\nThe suspects are accused of recruiting.","date":"2019-05-28","source":"Asia-Plus","author":"A. Reporter","url":"https://example.org/a","lang":"en"}',
  'not json at all',
  '{"title":"no body"}',
  '[1,2]',
  '{"paragraphs":["Uzbek officials said 200 citizens had returned from Syria.","Second paragraph."],"published":"May 1, 2018"}',
].join('\n');

describe('JSON Lines', () => {
  it('maps the fields, keeps unknown ones, and names each bad line', () => {
    const { articles, warnings } = articlesFromJsonl(jsonl, 'corpus.jsonl');
    assert.equal(articles.length, 2);
    const a = articles[0]!;
    assert.deepEqual(
      [a.title, a.publisher, a.author, a.published, a.file],
      ['Tajik police detain ten', 'Asia-Plus', 'A. Reporter', '2019-05-28', 'corpus.jsonl:1'],
    );
    assert.deepEqual(a.paragraphs, [
      'Police in Dushanbe detained 10 suspected members of Islamic State, the Interior Ministry said on Monday.',
      'The suspects are accused of recruiting.',
    ]);
    assert.deepEqual((a as unknown as { extra: unknown }).extra, { lang: 'en' });
    assert.equal((a as unknown as { url: string }).url, 'https://example.org/a');
    assert.equal(articles[1]!.published, '2018-05-01');
    assert.deepEqual(
      warnings.map((w) => `${w.file}: ${w.message}`),
      ['corpus.jsonl:2: not valid JSON', 'corpus.jsonl:3: no "text" or "paragraphs"', 'corpus.jsonl:4: not a JSON object'],
    );
  });

  it('opens a .jsonl file with entities extracted', async () => {
    const file = path.join(tmp(), 'corpus.jsonl');
    writeFileSync(file, jsonl);
    const { corpus, warnings } = await openCorpus([file]);
    assert.equal(corpus.articles.length, 2);
    assert.equal(warnings.length, 3);
    assert.ok(corpus.articles[0]!.mentions.some((m) => m.name === 'Tajikistan' || m.name === 'Dushanbe'));
  });
});

describe('a large JSON Lines file with bad lines', () => {
  it('names them again when it is opened from its snapshot, and keeps the addresses', async () => {
    const dir = tmp();
    process.env.STEPPE_CACHE_DIR = path.join(dir, 'cache');
    process.env.STEPPE_STATE_DIR = path.join(dir, 'state');
    const file = path.join(dir, 'scrape.jsonl');
    // every third line has its address
    const good = [...generateCorpus(2500, 4)].map((a, i) =>
      JSON.stringify({ title: a.title, published: a.published, text: a.paragraphs.join('\n\n'), ...(i % 3 ? {} : { url: `https://example.org/${i}` }) }),
    );
    writeFileSync(file, [...good.slice(0, 300), 'not json at all', ...good.slice(300), '{"title":"no body"}'].join('\n') + '\n');
    assert.ok(statSync(file).size >= SNAPSHOT_MIN_BYTES);
    const said = (s: { warnings: readonly { file: string; message: string }[] }) => s.warnings.map((w) => `${w.file}: ${w.message}`);
    const first = await openSession([file]);
    assert.deepEqual(said(first), ['scrape.jsonl:301: not valid JSON', 'scrape.jsonl:2502: no "text" or "paragraphs"']);
    first.index();
    first.keep();
    const later = await openSession([file]);
    assert.ok(later.loaded.index, 'opened from its snapshot');
    assert.deepEqual(said(later), said(first));
    const urls = (s: { articles: readonly { url?: string }[] }) => s.articles.map((a) => a.url);
    assert.equal(urls(first).filter(Boolean).length, 834);
    assert.deepEqual(urls(later), urls(first));
  });
});

describe('standard input', () => {
  it('reads JSON Lines, a corpus.json or raw text from -', async () => {
    let r = await openCorpus(['-'], Readable.from([jsonl]));
    assert.equal(r.corpus.articles.length, 2);
    assert.equal(r.warnings[0]!.file, 'stdin:2');
    r = await openCorpus(['-'], Readable.from([JSON.stringify({ version: 1, articles: parsedSeeds() })]));
    assert.equal(r.corpus.articles.length, 5);
    process.env.STEPPE_CACHE_DIR = tmp();
    r = await openCorpus(
      ['-'],
      Readable.from(['Border clash\n\nGuards from Kyrgyzstan and Tajikistan exchanged fire near Batken on Tuesday, officials said.']),
    );
    assert.equal(r.corpus.articles[0]!.title, 'Border clash');
  });
});

describe('the parse cache', () => {
  it('reopens an unchanged folder from the cache and re-parses only a changed file', async () => {
    const cache = tmp();
    process.env.STEPPE_CACHE_DIR = cache;
    const folder = path.join(tmp(), 'raw');
    cpSync(bundledRaw, folder, { recursive: true });
    const first = await openCorpus([folder]);
    const entries = () => readdirSync(cache);
    assert.equal(entries().filter((f) => f.startsWith('article-')).length, 5);
    assert.equal(entries().filter((f) => f.startsWith('corpus-')).length, 1);

    const again = await openCorpus([folder]);
    assert.deepEqual(again.corpus, first.corpus, 'the cached corpus is the parsed one');
    assert.equal(entries().length, 6, 'nothing new parsed');

    const target = path.join(folder, '002_3743e4cde9cea406.txt');
    writeFileSync(target, readFileSync(target, 'utf8').replace('killed seven people', 'killed eight people'));
    const changed = await openCorpus([folder]);
    assert.equal(entries().filter((f) => f.startsWith('article-')).length, 6, 'one article parsed again');
    const taraz = changed.corpus.articles.find((a) => a.file.startsWith('002'))!;
    assert.match(taraz.paragraphs[1]!, /killed eight people/);
    assert.deepEqual(
      changed.corpus.articles.filter((a) => !a.file.startsWith('002')).map((a) => a.paragraphs),
      first.corpus.articles.filter((a) => !a.file.startsWith('002')).map((a) => a.paragraphs),
    );
  });
});
