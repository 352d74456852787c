/**
 * The dashboard over a corpus held by a backend (--db): the same panes and keys, each answer
 * drawn when it arrives, a page of the list at a time, and a lost server said while the
 * screen keeps what it showed. Driven with keys and read from frames, over the in-memory
 * backend (so the answers can be compared), a backend that goes down and comes back, and
 * PGlite.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import type { CorpusBackend } from '../src/backend/backend.js';
import { memoryBackend } from '../src/backend/memoryBackend.js';
import { connect } from '../src/backend/pg/connect.js';
import { loadArticles } from '../src/backend/pg/load.js';
import { migrate } from '../src/backend/pg/migrate.js';
import { pgBackend } from '../src/backend/pg/pgBackend.js';
import { generateCorpus } from '../src/bench/generate.js';
import type { Corpus } from '../src/corpus/types.js';
import { bundledCorpus } from '../src/paths.js';
import { EMPTY_QUERY, parseQuery } from '../src/search/query.js';
import { makeSelectors } from '../src/ui/selectors.js';
import { searchAll } from '../src/search/search.js';
import { sessionOf } from '../src/session/session.js';
import { Answers } from '../src/ui/remote/answers.js';
import { RemoteModel } from '../src/ui/remote/remoteModel.js';
import { LIST_PAGE, remoteSelectors } from '../src/ui/remote/remoteSelectors.js';
import { K, modelOf, renderApp, type Screen } from './uiHarness.js';

const bundled = () => JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;

/** The frame once `ok` holds of it (answers arrive after the key), or a failure with the last frame. */
async function frameWhen(screen: Screen, ok: (frame: string) => boolean, what: string, ms = 5000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = screen.lastFrame();
    if (ok(frame)) return frame;
    if (Date.now() > until) assert.fail(`${what}; the screen:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function overDb(db: CorpusBackend) {
  const model = new RemoteModel('test db');
  const answers = new Answers({ retryMs: 20, maxRetryMs: 40 });
  return { model, answers, selectors: remoteSelectors(db, model, answers) };
}

/** A backend whose every answer fails while `down` is set, as a server gone away does. */
function flaky(db: CorpusBackend): { db: CorpusBackend; down: boolean } {
  const state = { down: false } as { db: CorpusBackend; down: boolean };
  state.db = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) =>
        state.down
          ? Promise.reject(new Error('database postgres://me@/news: connection refused (is the server running?)'))
          : (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
    },
  });
  return state;
}

describe('the dashboard over a database (--db)', () => {
  let screen: Screen | undefined;
  let answers: Answers | undefined;
  afterEach(() => {
    screen?.unmount();
    answers?.close();
  });

  /** The bundled corpus behind the in-memory backend, its list shown; the loaded dashboard's selectors to compare with; `text` parsed. */
  async function openBundled(text: string) {
    const corpus = bundled();
    const loaded = makeSelectors(modelOf(corpus, 'loaded'));
    const remote = overDb(memoryBackend(sessionOf(corpus)));
    answers = remote.answers;
    screen = await renderApp({ model: remote.model, selectors: remote.selectors });
    await frameWhen(screen, (f) => f.includes('1 Articles (5)'), 'the list');
    const parsed = parseQuery(text);
    assert.ok(parsed.ok);
    return { corpus, loaded, remote, parsed, opened: screen };
  }

  it('lists, filters, reads and counts as the dashboard over the loaded corpus does', async () => {
    const corpus = bundled();
    const session = sessionOf(corpus);
    const remote = overDb(memoryBackend(session));
    answers = remote.answers;
    screen = await renderApp({ model: remote.model, selectors: remote.selectors });
    let frame = await frameWhen(screen, (f) => f.includes('1 Articles (5)'), 'the list shows the five articles');
    for (const a of corpus.articles.filter((x) => x.title)) assert.ok(frame.includes(a.title!.slice(0, 20)), `${a.title} listed`);
    assert.match(frame, /5 articles/);

    const parsed = parseQuery('country:tajikistan');
    assert.ok(parsed.ok);
    const expected = searchAll(session.index(), parsed.query).ids;
    assert.ok(expected.length > 0 && expected.length < 5, 'the filter narrows the list');
    await screen.type('/country:tajikistan');
    await screen.press(K.enter);
    frame = await frameWhen(screen, (f) => f.includes(`1 Articles (${expected.length})`), 'the filtered count');
    const top = corpus.articles[expected[0]!]!;
    assert.ok(frame.includes((top.title ?? '').slice(0, 20)), 'the best match first');

    await screen.press(K.enter);
    frame = await frameWhen(screen, (f) => f.includes(top.paragraphs[0]!.slice(0, 25)), 'the reader shows the article’s text, read from the backend');
    assert.match(frame, /2 Reader/);

    await screen.press('3');
    const { rows } = await memoryBackend(session).entities(parsed.query, 'country');
    const first = rows[0]!;
    frame = await frameWhen(
      screen,
      (f) => new RegExp(`${first.name}\\s+country\\s+${first.articles}\\s+${first.mentions}`).test(f),
      'entity counts of the filter',
    );

    await screen.press('4');
    frame = await frameWhen(screen, (f) => /Tajikistan\s+\d+\s+\d+\s+\d+%/.test(f), 'the countries table of the filter');
  });

  it('concordances of the filter’s words (K) and of an entity (c), as the loaded dashboard gives them; Enter reads the article there', async () => {
    const { corpus, loaded, remote, parsed, opened } = await openBundled('security');
    let view = opened;
    const words = loaded.concordance(parsed.query, { of: 'words', name: 'security' }, 'article');
    assert.ok(words.length > 3);
    await view.type('/security');
    await view.press(K.enter, 'K');
    let frame = await frameWhen(view, (f) => f.includes(`concordance: security (${words.length})`), 'the words’ concordance');
    assert.ok(frame.includes(words[0]!.keyword), 'the first hit shown');
    await view.press(K.enter);
    frame = await frameWhen(view, (f) => /2 Reader/.test(f) && /Publisher: /.test(f), 'the article read at the hit');

    view.unmount();
    screen = view = await renderApp({ model: remote.model, selectors: remote.selectors });
    await view.press('3');
    const first = (await memoryBackend(sessionOf(corpus)).entities(null, 'country')).rows[0]!;
    const lines = loaded.concordance(EMPTY_QUERY, { of: 'entity', id: first.id, name: first.name }, 'article');
    assert.ok(lines.length > 3);
    await frameWhen(view, (f) => f.includes(first.name), 'the entity counts');
    await view.press('c');
    await frameWhen(view, (f) => f.includes(`concordance: ${first.name} (${lines.length})`), 'the entity’s concordance');
  });

  it('collocates (C) open once the database has counted them, the same as over the loaded corpus', async () => {
    const { loaded, parsed, opened } = await openBundled('kazakhstan');
    const view = opened;
    const expected = loaded.collocates(parsed.query).rows;
    assert.ok(expected.length >= 2);
    await view.type('/kazakhstan');
    await view.press(K.enter, 'C');
    const frame = await frameWhen(view, (f) => /Collocates of kazakhstan/.test(f), 'the overlay, once counted');
    const shown = frame
      .split('\n')
      .map((l) => /^║(\S+)\s+(\d+)\s+([\d.]+)\s*║$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2]), m[3]]);
    assert.ok(shown.length >= 2);
    assert.deepEqual(
      shown,
      expected.slice(0, shown.length).map((c) => [c.term, c.count, c.score.toFixed(2)]),
    );
  });

  it('side by side (two countries marked with Space, v v) shows what the loaded dashboard shows', async () => {
    const corpus = bundled();
    // two countries marked, the side-by-side view, scrolled to its end (the articles shared by both)
    const keys = ['4', ' ', ' ', 'v', 'v', ...'j'.repeat(40)];
    const loadedScreen = await renderApp({ model: modelOf(corpus, 'test db') });
    await loadedScreen.press(...keys);
    const meant = loadedScreen.lastFrame();
    loadedScreen.unmount();
    assert.match(meant, /· only here \(articles\)/, 'the loaded dashboard shows the two countries side by side');
    assert.match(meant, /shared by all \(\d+ articles\)/);
    const { opened } = await openBundled('');
    await opened.press(...keys);
    // the status line names the corpus alike; the rest is the same frame
    const body = (f: string) => f.split('\n').slice(0, -1).join('\n');
    await frameWhen(opened, (f) => body(f) === body(meant), `the same side by side as the loaded dashboard:\n${meant}`);
  });

  it('a lost server: the screen keeps its list and says so, then answers when the server is back', async () => {
    const corpus = bundled();
    const backend = flaky(memoryBackend(sessionOf(corpus)));
    const remote = overDb(backend.db);
    answers = remote.answers;
    screen = await renderApp({ model: remote.model, selectors: remote.selectors });
    const shown = await frameWhen(screen, (f) => f.includes('1 Articles (5)'), 'the list');
    const title = corpus.articles[0]!.title!.slice(0, 20);
    assert.ok(shown.includes(title));

    backend.down = true;
    await screen.type('/isis');
    await screen.press(K.enter);
    const frame = await frameWhen(screen, (f) => f.includes('database unreachable, retrying'), 'the lost server said');
    assert.ok(frame.includes(title), 'the last list is kept on screen');
    assert.doesNotMatch(frame, /no articles match/);

    backend.down = false;
    const parsed = parseQuery('isis');
    assert.ok(parsed.ok);
    const n = (await memoryBackend(sessionOf(corpus)).page(parsed.query, 1)).total;
    const back = await frameWhen(screen, (f) => f.includes(`1 Articles (${n})`), 'the answer once the server is back');
    assert.doesNotMatch(back, /unreachable/);
  });

  it('reads the list a page at a time, as the cursor nears the end of what it holds', async () => {
    const articles = [...generateCorpus(LIST_PAGE * 2 + 50, 3)];
    const backend = memoryBackend(sessionOf({ version: 1, articles }));
    let pages = 0;
    const counting: CorpusBackend = {
      ...backend,
      page: (...args) => {
        pages++;
        return backend.page(...args);
      },
    };
    const remote = overDb(counting);
    answers = remote.answers;
    screen = await renderApp({ model: remote.model, selectors: remote.selectors });
    const total = articles.length;
    await frameWhen(screen, (f) => f.includes(`1 Articles (${total})`), 'the list and its whole count');
    assert.equal(pages, 1, 'one page read to open');
    assert.ok(remote.model.articles.length <= LIST_PAGE, 'only the first page is held');
    // G goes to the last row held; the next page is read; G again goes further
    for (const at of [LIST_PAGE, 2 * LIST_PAGE, total]) {
      await screen.press('G');
      await frameWhen(screen, (f) => f.includes(`${at}/${total}`), `the cursor at ${at}`);
    }
    assert.equal(pages, 3);
  });

  it('over PGlite: shows what the database answers: the list, a filter’s count, the reader', async () => {
    const corpus = bundled();
    const sql = await connect('pglite:');
    try {
      await migrate(sql);
      await loadArticles(sql, corpus.articles);
      const remote = overDb(pgBackend(sql));
      answers = remote.answers;
      screen = await renderApp({ model: remote.model, selectors: remote.selectors });
      await frameWhen(screen, (f) => f.includes('1 Articles (5)'), 'the list', 20000);
      const parsed = parseQuery('kazakhstan -taliban');
      assert.ok(parsed.ok);
      const n = searchAll(sessionOf(corpus).index(), parsed.query).ids.length;
      await screen.type('/kazakhstan -taliban');
      await screen.press(K.enter);
      await frameWhen(screen, (f) => f.includes(`1 Articles (${n})`), 'the filtered count', 20000);
      await screen.press(K.enter);
      await frameWhen(screen, (f) => /Publisher: /.test(f) && /Countries: /.test(f), 'the reader', 20000);
    } finally {
      screen?.unmount();
      screen = undefined;
      await sql.close();
    }
  });
});

describe('answers from a database', () => {
  it('asks once, retries a failure until it is answered, and keeps the last few', async () => {
    const answers = new Answers({ keep: 2, retryMs: 5, maxRetryMs: 10 });
    let asked = 0;
    let fail = 2;
    const fetch = async () => {
      asked++;
      if (fail-- > 0) throw new Error('connection refused');
      return 42;
    };
    let told = 0;
    answers.subscribe(() => told++);
    assert.equal(answers.get('a', fetch), undefined);
    assert.equal(answers.get('a', fetch), undefined, 'asked once, not twice');
    for (let i = 0; i < 100 && answers.peek('a') === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(answers.get('a', fetch), 42);
    assert.equal(asked, 3, 'two failures, then the answer');
    assert.equal(answers.failure, null, 'the failure is over once answered');
    assert.ok(told >= 2, 'the failure and the answer were told');
    answers.get('b', async () => 1);
    answers.get('c', async () => 2);
    assert.equal(answers.peek('a'), undefined, 'the least recently read is let go');
    answers.close();
  });
});
