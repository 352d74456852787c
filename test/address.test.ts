/**
 * An article's address: read from a real page's "URL:" line or first line, kept through JSON
 * Lines and the snapshot, shown in the reader, exported, and opened with `o` — in a browser on
 * a desktop, and over SSH sent to the terminal's clipboard instead.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { parseArticle } from '../src/corpus/article.js';
import { repairArticle } from '../src/corpus/validate.js';
import { articlesFromJsonl } from '../src/corpus/jsonl.js';
import { exportTable } from '../src/analysis/exportTable.js';
import { openerFor } from '../src/io/openAddress.js';
import { sessionOf } from '../src/session/session.js';
import type { Outside } from '../src/ui/effects.js';
import { fixtures } from './helpers.js';
import { K, modelOf, renderApp, type Screen } from './uiHarness.js';

const raw = path.join(fixtures, 'devset', 'raw');
const pages = readdirSync(raw).sort();
const page = (name: string) => readFileSync(path.join(raw, name), 'utf8');
const ADDRESS = 'https://example.org/news/2025/10/28/almaty-attack-prevented?ref=rss';

describe('the address on a real page', () => {
  // a Russian page and an English one, as scrapers save them: the address on top, or labelled
  const russian = pages.find((p) => p.includes('-ru-'))!;
  const english = pages.find((p) => p.includes('-en-'))!;

  for (const [how, text] of [
    ['alone on the first line', (body: string) => `${ADDRESS}\n\n${body}`],
    ['labelled "URL:"', (body: string) => `URL: ${ADDRESS}\n${body}`],
    ['labelled "Источник:"', (body: string) => `Источник: ${ADDRESS}\n\n${body}`],
  ] as const) {
    it(`is read when it is ${how}, and the rest of the page parses as without it`, () => {
      for (const name of [russian, english]) {
        const plain = parseArticle({ file: name, text: page(name) });
        const withAddress = parseArticle({ file: name, text: text(page(name)) });
        assert.equal(withAddress.url, ADDRESS, name);
        assert.equal(plain.url, undefined, name);
        assert.deepEqual(
          [withAddress.title, withAddress.published, withAddress.publisher, withAddress.paragraphs],
          [plain.title, plain.published, plain.publisher, plain.paragraphs],
          name,
        );
      }
    });
  }

  it('no page of the dev set gets an address it does not have', () => {
    for (const name of pages) assert.equal(parseArticle({ file: name, text: page(name) }).url, undefined, name);
  });

  it('a source named in words, or linked below the text, is not the page’s address', () => {
    const name = pages.find((p) => p.includes('-ru-'))!;
    assert.equal(parseArticle({ file: name, text: `${page(name)}\n\nИсточник: ТАСС\n` }).url, undefined);
    // a rewrite's credit line points at another page
    assert.equal(parseArticle({ file: name, text: `${page(name)}\n\nИсточник: https://tass.ru/proisshestviya/1\n` }).url, undefined);
  });
});

describe('an address that is not one', () => {
  it('is dropped from JSON Lines and from a corpus.json', () => {
    const lines = ['javascript:alert(1)', 'https://exa mple.org', 'https://example.org/\x1b[2J', 'ftp://example.org/a', 42].map((url) =>
      JSON.stringify({ title: 'T', text: 'Police in Dushanbe detained ten.', url }),
    );
    const { articles } = articlesFromJsonl(lines.join('\n'), 'a.jsonl');
    assert.deepEqual(
      articles.map((a) => a.url),
      [undefined, undefined, undefined, undefined, undefined],
    );
    const [a] = articlesFromJsonl(JSON.stringify({ title: 'T', text: 'x', url: ADDRESS }), 'b.jsonl').articles;
    assert.equal(a!.url, ADDRESS);
    const repaired = repairArticle({ ...a!, url: 'javascript:alert(1)' }, { fields: 0 } as never);
    assert.equal('url' in repaired, false);
  });
});

describe('where `o` opens an address', () => {
  it('over SSH or on a console: nowhere (the clipboard instead)', () => {
    assert.equal(openerFor(ADDRESS, { SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22', DISPLAY: ':0' }, 'linux'), null);
    assert.equal(openerFor(ADDRESS, { SSH_TTY: '/dev/pts/1', BROWSER: 'firefox' }, 'linux'), null);
    assert.equal(openerFor(ADDRESS, {}, 'linux'), null);
  });
  it('on a desktop: $BROWSER, else xdg-open / open', () => {
    assert.deepEqual(openerFor(ADDRESS, { BROWSER: 'w3m:lynx' }, 'linux'), { command: 'w3m', args: [ADDRESS] });
    assert.deepEqual(openerFor(ADDRESS, { BROWSER: 'firefox --new-tab %s' }, 'linux'), { command: 'firefox', args: ['--new-tab', ADDRESS] });
    assert.deepEqual(openerFor(ADDRESS, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux'), { command: 'xdg-open', args: [ADDRESS] });
    assert.deepEqual(openerFor(ADDRESS, {}, 'darwin'), { command: 'open', args: [ADDRESS] });
  });
});

describe('the address in the dashboard and the export', () => {
  let screen: Screen | undefined;
  afterEach(() => screen?.unmount());
  const corpus = () => {
    const { articles } = articlesFromJsonl(
      [
        JSON.stringify({ title: 'Police in Dushanbe detain ten', text: 'Police in Dushanbe detained ten suspected members of a banned group.', url: ADDRESS }),
        JSON.stringify({ title: 'Court in Bishkek sentences three', text: 'A court in Bishkek sentenced three men for extremism.' }),
      ].join('\n'),
      'scrape.jsonl',
    );
    return { version: 1, articles };
  };

  it('the reader shows it, the export has it, `o` over SSH copies it', async () => {
    const model = modelOf(corpus() as never, 'scrape.jsonl');
    const copied: string[] = [];
    const outside: Outside = {
      exportView: async () => '/dev/null',
      copy: (t) => copied.push(t),
      // as the real one does over SSH
      openAddress: async (url) => {
        copied.push(url);
        return `no browser on this screen (SSH or a console): address sent to the clipboard (OSC 52): ${url}`;
      },
    };
    screen = await renderApp({ model, outside, size: { columns: 100, rows: 30 } });
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), /URL: https:\/\/example\.org\/news/);
    await screen.press('o');
    await new Promise((r) => setTimeout(r, 10));
    await screen.press();
    assert.deepEqual(copied, [ADDRESS]);
    assert.match(screen.lastFrame(), /address sent to the clipboard/);
    await screen.press('q', K.down, 'o');
    assert.match(screen.lastFrame(), /this article has no address/);
    assert.deepEqual(copied, [ADDRESS]);
    const table = exportTable(sessionOf(corpus() as never, { label: 'scrape.jsonl' }), 'articles');
    assert.deepEqual(
      table.rows.map((r) => r.url),
      [ADDRESS, ''],
    );
  });
});
