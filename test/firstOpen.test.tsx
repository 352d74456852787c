/**
 * The first open of a large corpus: the dashboard shows at once and builds its index between
 * key presses; a filter typed meanwhile waits (the list says so) and applies once the index is
 * ready, with the same answer as an index built up front. A large JSON Lines file's entities are
 * found on other threads first: until then the list is there and the tables count none.
 */
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { entityCountsIn } from '../src/analysis/entityCounts.js';
import { mentionTable } from '../src/analysis/mentionTable.js';
import { generateCorpus } from '../src/bench/generate.js';
import type { Article } from '../src/corpus/types.js';
import type { EntitiesJob } from '../src/pipeline/parallel.js';
import { EMPTY_QUERY, parseQuery } from '../src/search/query.js';
import { searchAll } from '../src/search/search.js';
import { buildIndex } from '../src/search/searchIndex.js';
import { LARGE_CORPUS, sessionOf, type Session } from '../src/session/session.js';
import { PREVIEW_SETTLE_MS } from '../src/ui/hooks/useSettled.js';
import { prepareModel } from '../src/ui/model.js';
import { makeSelectors } from '../src/ui/selectors.js';
import { K, renderSized, type Screen } from './uiHarness.js';

const corpus = { version: 1 as const, articles: [...generateCorpus(600, 11)] };
const eager = buildIndex(corpus.articles);
const query = (text: string) => {
  const q = parseQuery(text);
  assert.ok(q.ok);
  return q.query;
};

/** A session whose background work (the index) is held until `release` is called. */
function gated(session: Session): { session: Session; release(): void } {
  let open = false;
  return { session: { ...session, work: (ms: number) => (open ? session.work(ms) : false) }, release: () => (open = true) };
}

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

describe('first open of a large corpus', () => {
  it('lists every article while the index is built, then answers as an index built up front', () => {
    const session = sessionOf(corpus, { label: 'generated', indexLater: true });
    const model = prepareModel(session);
    assert.equal(session.progress().index, 0);
    const sel = makeSelectors(model);
    const q = query('kazakh -taliban');
    assert.equal(sel.result(q).ids.length, corpus.articles.length, 'the query waits for the index');
    let slices = 0;
    while (!session.work(1)) slices++;
    assert.ok(slices > 0, 'built in more than one slice');
    assert.equal(session.progress().index, null);
    for (const text of ['kazakh -taliban', 'nazarbaev', '"islamic state"', 'country:uzbekistan year:2000..2010']) {
      assert.deepEqual(sel.result(query(text)).ids, searchAll(eager, query(text)).ids, text);
    }
  });

  it('says so in the list title, and applies a filter typed meanwhile once the index is ready', async () => {
    const { session, release } = gated(sessionOf(corpus, { label: 'generated', indexLater: true }));
    screen = await renderSized(120, 30, prepareModel(session));
    assert.match(screen.lastFrame(), /1 Articles \(600\) · indexing 0%/);
    await screen.press('/', ...'kazakh', K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(600\) · indexing 0%, filter waits/);
    release();
    const expected = searchAll(eager, query('kazakh')).ids.length;
    assert.ok(expected > 0 && expected < 600);
    for (let waited = 0; !screen.lastFrame().includes(`1 Articles (${expected})`) && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.match(screen.lastFrame(), new RegExp(`1 Articles \\(${expected}\\)`));
    assert.doesNotMatch(screen.lastFrame(), /indexing/);
  });
});

/**
 * A job that finds the corpus's entities as other threads would: `scanned` moves when told,
 * and `take` gives the articles their mentions (the generator's own) only once released.
 */
function heldEntities(source: Article[]): { articles: Article[]; job: EntitiesJob; scan(n: number): void; release(): void } {
  const articles: Article[] = source.map((a) => ({ ...a, mentions: [] }));
  let scanned = 0;
  let released = false;
  let taken = false;
  return {
    articles,
    scan: (n) => (scanned = n),
    release: () => (released = true),
    job: {
      total: articles.length,
      scanned: () => scanned,
      take() {
        if (!released || taken) return taken;
        articles.forEach((a, i) => {
          a.mentions = source[i]!.mentions;
        });
        return (taken = true);
      },
    },
  };
}

describe('first open of a large JSON Lines file: entities found on other threads', () => {
  it('lists every article with no entities yet, then takes them, builds the index and answers as an index built up front', () => {
    const held = heldEntities(corpus.articles);
    const session = sessionOf({ version: 1, articles: held.articles }, { label: 'jsonl', entities: held.job });
    const model = prepareModel(session);
    held.scan(150);
    assert.deepEqual(session.progress(), { entities: 0.25, index: 0, table: null, figures: null });
    const sel = makeSelectors(model);
    assert.equal(sel.result(query('country:uzbekistan')).ids.length, 600, 'a query waits');
    assert.deepEqual(sel.entities(query(''), 'country').rows, [], 'no entities counted yet');
    assert.ok(
      model.rows.every((r) => r.codes === ''),
      'no country codes yet',
    );
    assert.equal(session.work(50), false, 'nothing to do but wait');
    held.release();
    while (!session.work(5));
    assert.equal(session.progress().entities, null);
    for (const text of ['kazakh -taliban', 'country:uzbekistan year:2000..2010', 'person:nazarbayev']) {
      assert.deepEqual(sel.result(query(text)).ids, searchAll(eager, query(text)).ids, text);
    }
    // the tables made while waiting are made again
    assert.ok(sel.entities(query(''), 'country').rows.length > 0, 'countries counted');
    assert.ok(
      model.rows.some((r) => r.codes !== ''),
      'country codes in the list',
    );
  });

  it('says "finding entities" in the list and the tables, then filters once they are found and indexed', async () => {
    const held = heldEntities(corpus.articles);
    const session = sessionOf({ version: 1, articles: held.articles }, { label: 'jsonl', entities: held.job });
    screen = await renderSized(160, 40, prepareModel(session));
    held.scan(300);
    await screen.press('/', ...'kazakh', K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(600\) · finding entities 50%, filt/);
    assert.match(screen.lastFrame(), /Entities · finding entities 50%/);
    held.release();
    const expected = searchAll(eager, query('kazakh')).ids.length;
    for (let waited = 0; !screen.lastFrame().includes(`1 Articles (${expected})`) && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.match(screen.lastFrame(), new RegExp(`1 Articles \\(${expected}\\)`));
    assert.doesNotMatch(screen.lastFrame(), /finding entities|indexing/);
  });
});

describe('the reader beside the list of a large corpus', () => {
  it('previews the article a held key stops on, not each one it passes', async () => {
    const large = { version: 1 as const, articles: [...generateCorpus(LARGE_CORPUS + 100, 17)] };
    const model = prepareModel(sessionOf(large, { label: 'large' }));
    const order = makeSelectors(model).list(EMPTY_QUERY, 'date');
    const titleAt = (row: number) => model.rows[order[row]!]!.title.slice(0, 30);
    screen = await renderSized(130, 30, model);
    assert.ok(screen.lastFrame().includes(`2 Reader · ${titleAt(0)}`));
    // keys as a held key sends them: each well within the preview's rest
    await screen.press('j', 'j', 'j');
    assert.ok(screen.lastFrame().includes(` 4/${large.articles.length}║`), 'the list’s cursor moved at once');
    assert.ok(screen.lastFrame().includes(`2 Reader · ${titleAt(0)}`), 'the reader waits while the key is held');
    await new Promise((r) => setTimeout(r, PREVIEW_SETTLE_MS * 2));
    assert.ok(screen.lastFrame().includes(`2 Reader · ${titleAt(3)}`), `then shows the article it stopped on:\n${screen.lastFrame()}`);
  });
});

describe('the background work of a large corpus', () => {
  it('makes the mention table a slice at a time, so the first look at Entities or Compare does not', () => {
    const articles = [...generateCorpus(LARGE_CORPUS + 50, 23)];
    // every read of an article's mentions counted: a table made on the first look would read them all
    let reads = 0;
    const counted = articles.map((a) => {
      const { mentions, ...rest } = a;
      const get = () => {
        reads++;
        return mentions;
      };
      return Object.defineProperty(rest, 'mentions', { get, enumerable: true }) as Article;
    });
    const session = sessionOf({ version: 1, articles: counted }, { label: 'large' });
    let slices = 0;
    while (!session.work(1)) slices++;
    assert.ok(slices > 1, 'in slices');
    const before = reads;
    const table = session.table();
    assert.equal(reads, before, 'the table was ready');
    assert.deepEqual(table, mentionTable(articles), 'and is the one made in one go');
  });
});

describe('the first look at Entities or Compare on a large corpus before its table is made', () => {
  it('says the mentions are being counted, answers keys meanwhile, then shows the counts', async () => {
    const large = { version: 1 as const, articles: [...generateCorpus(LARGE_CORPUS + 50, 29)] };
    const { session, release } = gated(sessionOf(large, { label: 'large' }));
    screen = await renderSized(160, 40, prepareModel(session));
    await screen.press('3');
    assert.match(screen.lastFrame(), /Entities · counting mentions 0%/);
    assert.match(screen.lastFrame(), /counting mentions…/);
    assert.doesNotMatch(screen.lastFrame(), /no entities of this type/, 'not said to be none');
    assert.equal(session.readyTable(), null, 'the key did not make the table');
    await screen.press('j', 'j');
    assert.equal(session.readyTable(), null);
    release();
    for (let waited = 0; screen.lastFrame().includes('counting mentions') && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.doesNotMatch(screen.lastFrame(), /counting mentions/);
    // the counts are the table's, made by the background work
    const top = entityCountsIn(mentionTable(large.articles), undefined, 'country')[0]!;
    assert.ok(screen.lastFrame().includes(top.name), `${top.name} counted:\n${screen.lastFrame()}`);
  });
});
