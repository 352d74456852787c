/**
 * Tags, selections, undo and saved searches: the marks' per-tag merge and the state file, the
 * query language (tag:, @name), the dashboard's keys as a user presses them, and the plain
 * commands reading what the dashboard saved (search @name, export tags and the notes brief).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { tagOps, undoOf } from '../src/review/changes.js';
import { markOf, mergeMarks, parseReviewFile, serializeReview, type Marks } from '../src/review/marks.js';
import { ReviewStore, stateFileFor } from '../src/review/store.js';
import { parseQuery } from '../src/search/query.js';
import { completeLastWord } from '../src/ui/state.js';
import { bundledCorpus, packageRoot } from '../src/paths.js';
import type { Corpus } from '../src/corpus/types.js';
import { K, memoryReview, renderApp, type Screen } from './uiHarness.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'steppe-tags-'));
const cli = path.join(packageRoot, 'dist', 'steppe.mjs');
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, STEPPE_CACHE_DIR: path.join(tmp(), 'c'), ...env } });

describe('tags in the state file', () => {
  it('merge tag by tag: one steppe adds a tag, another adds one and removes a third; all stand', () => {
    const disk: Marks = new Map([['a', { tags: [['returnees', true, 10] as const, ['todo', true, 10] as const] }]]);
    const ours: Marks = new Map([['a', { starred: [true, 20] as const, tags: [['border', true, 30] as const, ['todo', false, 25] as const] }]]);
    assert.deepEqual(markOf(mergeMarks(disk, ours).get('a')), { starred: true, tags: ['border', 'returnees'] });
    // an older removal does not undo a newer add
    const later: Marks = new Map([['a', { tags: [['todo', true, 40] as const] }]]);
    assert.deepEqual(markOf(mergeMarks(mergeMarks(disk, ours), later).get('a'))?.tags, ['border', 'returnees', 'todo']);
  });

  it('round-trips tags and saved searches (version 3), reads version 2, refuses malformed tags', () => {
    const marks: Marks = new Map([['__proto__', { tags: [['x', true, 5] as const] }]]);
    const searches = new Map([['returnees', ['returnees country:Tajikistan', 7] as const]]);
    const back = parseReviewFile(serializeReview(marks, searches));
    assert.ok(back.ok);
    assert.deepEqual(markOf(back.marks.get('__proto__')), { tags: ['x'] });
    assert.deepEqual([...back.searches], [['returnees', ['returnees country:Tajikistan', 7]]]);
    assert.ok(parseReviewFile('{"version":2,"articles":{"a":{"starred":[true,5]}}}').ok);
    assert.deepEqual(parseReviewFile('{"version":3,"articles":{"a":{"tags":[["two words",true,5]]}}}'), { ok: false, reason: 'corrupt' });
    assert.deepEqual(parseReviewFile('{"version":3,"articles":{},"searches":{"a":"b"}}'), { ok: false, reason: 'corrupt' });
  });

  it('two stores on one file keep each other’s tags and saved searches, and a restart reads them', async () => {
    const file = path.join(tmp(), 'review.json');
    const one = new ReviewStore(file);
    const two = new ReviewStore(file);
    await Promise.all([one.load(), two.load()]);
    await Promise.all([
      one.setMany([
        ['a', { tags: [['returnees', true]] }],
        ['b', { tags: [['returnees', true]] }],
      ]),
      two.set('a', { tags: [['border', true]], starred: true }),
      one.saveSearch('tj', 'country:Tajikistan'),
      two.saveSearch('kz', 'country:Kazakhstan'),
    ]);
    await Promise.all([one.flush(), two.flush()]);
    const again = new ReviewStore(file);
    await again.load();
    assert.deepEqual(again.get('a'), { starred: true, tags: ['border', 'returnees'] });
    assert.deepEqual(again.get('b'), { tags: ['returnees'] });
    assert.deepEqual(again.tags(), [
      ['returnees', 2],
      ['border', 1],
    ]);
    assert.deepEqual(again.savedSearches(), [
      ['kz', 'country:Kazakhstan'],
      ['tj', 'country:Tajikistan'],
    ]);
    await again.saveSearch('kz', '');
    await again.set('a', { tags: [['border', false]] });
    const third = new ReviewStore(file);
    await third.load();
    assert.deepEqual(third.savedSearches(), [['tj', 'country:Tajikistan']]);
    assert.deepEqual(third.get('a')?.tags, ['returnees']);
  });
});

describe('the language: tag: and @name', () => {
  const saved = new Map([
    ['tj', 'country:Tajikistan'],
    ['both', '@tj returnees'],
    ['loop', '@loop'],
  ]);
  const lookup = (n: string) => saved.get(n);
  it('tag: filters by every tag named; @name reads as its query, and combines', () => {
    const q = parseQuery('tag:Returnees tag:todo', lookup);
    assert.ok(q.ok);
    assert.deepEqual(q.query.marks.tags, ['returnees', 'todo']);
    const both = parseQuery('@both year:2015', lookup);
    assert.ok(both.ok);
    assert.deepEqual(
      [both.query.words, both.query.fields, both.query.years],
      [['returnees'], [{ field: 'country', value: 'Tajikistan' }], { from: 2015, to: 2015 }],
    );
  });
  it('an unknown name, a loop, a bare tag: say so', () => {
    assert.deepEqual(parseQuery('@nope', lookup), { ok: false, error: `no saved search "@nope" (' lists them)` });
    assert.match((parseQuery('@loop', lookup) as { error: string }).error, /loop/);
    assert.deepEqual(parseQuery('tag:', lookup), { ok: false, error: 'tag: needs a tag name' });
  });
  it('the tag prompt: words add, -words remove; Tab completes; undo restores what was', () => {
    assert.deepEqual(tagOps('Returnees -todo, +urgent bad!tag'), {
      ops: [
        ['returnees', true],
        ['todo', false],
        ['urgent', true],
      ],
      bad: ['bad!tag'],
    });
    assert.deepEqual(completeLastWord('urgent -ret', ['returnees', 'border']), { text: 'urgent -returnees ', cursor: 18 });
    assert.deepEqual(completeLastWord('b', ['border', 'borderline']).text, 'border');
    const before = new Map([['a', { starred: true, tags: ['todo'] }]]);
    assert.deepEqual(
      undoOf(
        [
          [
            'a',
            {
              starred: false,
              tags: [
                ['todo', false],
                ['new', true],
              ],
            },
          ],
          ['b', { note: 'x' }],
        ],
        (id) => before.get(id),
      ),
      [
        [
          'a',
          {
            starred: true,
            tags: [
              ['todo', true],
              ['new', false],
            ],
          },
        ],
        ['b', { note: undefined }],
      ],
    );
  });
});

describe('tags, selections, undo and saved searches in the dashboard', () => {
  let screen: Screen | undefined;
  afterEach(() => screen?.unmount());
  const row = (frame: string, text: RegExp) => frame.split('\n').find((l) => text.test(l)) ?? '';

  it('t tags the article: # in the list, Tags: in the reader, tag: filters to it', async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    await screen.press('t');
    assert.match(screen.lastFrame(), /tag: ▏/);
    await screen.type('returnees');
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), /tags \+returnees: Can Kazakhstan/);
    assert.match(row(screen.lastFrame(), /Caspian News/), /•\s\s#/);
    await screen.press('j', 't');
    await screen.type('ret');
    await screen.press(K.tab);
    assert.match(screen.lastFrame(), /tag: returnees ▏/);
    await screen.press(K.enter, K.enter);
    assert.match(screen.lastFrame(), /Tags: returnees/);
    await screen.press('q', '/');
    await screen.type('tag:returnees');
    assert.match(screen.lastFrame(), /1 Articles \(2\)/);
  });

  it('v and A select, * stars the selection in one step, U undoes the whole batch', async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    await screen.press('v', 'v');
    assert.match(screen.lastFrame(), /2 selected/);
    assert.equal(
      screen
        .lastFrame()
        .split('\n')
        .filter((l) => /✓/.test(l)).length,
      2,
    );
    await screen.press('*');
    assert.match(screen.lastFrame(), /starred: 2 selected articles/);
    assert.equal([...review.marks.values()].filter((m) => m.starred).length, 2);
    await screen.press('A', 't');
    assert.match(screen.lastFrame(), /tag 5 articles: ▏/);
    await screen.type('kz');
    await screen.press(K.enter);
    assert.equal([...review.marks.values()].filter((m) => m.tags?.includes('kz')).length, 5);
    await screen.press('U');
    assert.match(screen.lastFrame(), /undone: tags \+kz on 5 articles/);
    assert.equal([...review.marks.values()].filter((m) => m.tags?.length).length, 0);
    await screen.press('U');
    assert.match(screen.lastFrame(), /undone: starred 2 articles/);
    assert.equal([...review.marks.values()].filter((m) => m.starred).length, 0);
    await screen.press('U');
    assert.match(screen.lastFrame(), /nothing to undo/);
    await screen.press(K.esc);
    assert.match(screen.lastFrame(), /selection cleared/);
    assert.doesNotMatch(screen.lastFrame(), /✓/);
  });

  it("Ctrl-S in the filter saves it; ' lists saved searches with counts; Enter filters by @name", async () => {
    const review = memoryReview();
    screen = await renderApp({ review });
    await screen.press('/');
    await screen.type('kazakhstan');
    await screen.press('\x13');
    assert.match(screen.lastFrame(), /save as @▏/);
    await screen.type('kz');
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), /saved as @kz: kazakhstan/);
    assert.equal(review.savedSearch('kz'), 'kazakhstan');
    await screen.press(K.esc, "'");
    assert.match(screen.lastFrame(), /Saved searches \(1\)/);
    assert.match(screen.lastFrame(), /@kz\s+\d+\s+kazakhstan/);
    const count = Number(/@kz\s+(\d+)/.exec(screen.lastFrame())![1]);
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), new RegExp(`Articles \\(${count}\\)`));
    assert.match(screen.lastFrame(), /for @kz/);
    await screen.press("'", 'd');
    assert.equal(review.savedSearch('kz'), undefined);
  });
});

describe('the plain commands read tags and saved searches', () => {
  it('search @name, search tag:, export tags and the notes brief', async () => {
    const state = tmp();
    const articles = (JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus).articles;
    // the article that names Taraz
    const taraz = articles.find((a) => a.paragraphs.some((p) => p.includes('Taraz')))!;
    const store = new ReviewStore(stateFileFor(bundledCorpus, state));
    await store.load();
    await store.set(taraz.id, { tags: [['returnees', true]], note: 'check the *Taraz* figures' });
    await store.saveSearch('taraz', 'taraz');
    const env = { STEPPE_STATE_DIR: state };
    const saved = run(['search', '@taraz', '--json'], env);
    const direct = run(['search', 'taraz', '--json'], env);
    assert.equal(saved.status, 0, saved.stderr);
    assert.deepEqual(JSON.parse(saved.stdout), JSON.parse(direct.stdout));
    const tagged = JSON.parse(run(['search', 'tag:returnees', '--json'], env).stdout) as { id: string }[];
    assert.deepEqual(
      tagged.map((r) => r.id),
      [taraz.id],
    );
    const unknown = run(['search', '@nothing'], env);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no saved search "@nothing"/);
    const exported = JSON.parse(run(['export', '--format', 'json'], env).stdout) as Record<string, string>[];
    assert.equal(exported.find((r) => r.id === taraz.id)!.tags, 'returnees');
    const brief = run(['export', '--what', 'notes', '--format', 'md', '--query', '@taraz'], env);
    assert.equal(brief.status, 0, brief.stderr);
    assert.match(brief.stdout, /^# Notes: /);
    assert.match(brief.stdout, /1 article with a note or a tag, filter: `@taraz`/);
    assert.match(brief.stdout, /## Kazakstan Faces Up to Terror Threat/);
    assert.match(brief.stdout, /Tags: `returnees`/);
    assert.match(brief.stdout, /> check the \\\*Taraz\\\* figures/);
    assert.match(brief.stdout, /^- .*\*\*Taraz\*\*/m);
    const json = JSON.parse(run(['export', '--what', 'notes', '--format', 'json'], env).stdout) as { tags: string[]; note: string }[];
    assert.deepEqual(
      json.map((e) => [e.tags, e.note]),
      [[['returnees'], 'check the *Taraz* figures']],
    );
    assert.equal(run(['export', '--what', 'notes', '--format', 'csv'], env).status, 2);
  });
});
