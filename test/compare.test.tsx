/** Cross-country comparison: figures against the gold annotation, the tables, the Compare pane and the command. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { coMentionCount, compareCountries, sideBySide } from '../src/analysis/compare.js';
import { corpusFigures } from '../src/analysis/corpusFigures.js';
import { figureLine, figuresLines } from '../src/ui/compareView.js';
import { FigureStore, listOf } from '../src/analysis/figureStore.js';
import { numberValue } from '../src/analysis/numbers.js';
import { figuresOf, sentenceSpans, type Figure } from '../src/analysis/figures.js';
import { fixtures, parsedSeeds } from './helpers.js';
import { K, renderSized, type Screen } from './uiHarness.js';

interface GoldFigure {
  file: string;
  low: number;
  high: number;
  qualifier: string | null;
  country: string | null;
  speaker: string | null;
  year: number | null;
}
const gold = JSON.parse(readFileSync(path.join(fixtures, 'figures-gold.json'), 'utf8')).figures as GoldFigure[];

describe('figures', () => {
  const articles = parsedSeeds();
  const found = corpusFigures(articles).map((f) => ({ ...f, file: articles[f.index]!.file }));
  const key = (f: { file: string; low: number; high: number }) => `${f.file}|${f.low}|${f.high}`;
  const goldKeys = new Map(gold.map((g) => [key(g), g]));
  const matched = found.filter((f) => goldKeys.has(key(f)));
  const precision = matched.length / Math.max(1, found.length);
  const recall = new Set(matched.map(key)).size / gold.length;
  const agree = (field: 'country' | 'speaker' | 'year' | 'qualifier') =>
    matched.filter((f) => f[field] === goldKeys.get(key(f))![field]).length / Math.max(1, matched.length);
  console.log(`# figures: ${found.length} found, ${gold.length} in the gold; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  console.log(
    `# of the matched: country ${agree('country').toFixed(2)}, speaker ${agree('speaker').toFixed(2)}, year ${agree('year').toFixed(2)}, qualifier ${agree('qualifier').toFixed(2)} agree with the gold`,
  );

  it('finds the annotated figures with precision ≥ 0.9 and recall ≥ 0.8', () => {
    assert.ok(precision >= 0.9, `precision ${precision}`);
    assert.ok(recall >= 0.8, `recall ${recall}`);
  });

  it('attributes country and speaker as the annotation does (≥ 0.9)', () => {
    assert.ok(agree('country') >= 0.9);
    assert.ok(agree('speaker') >= 0.9);
  });

  it('reads ranges, spelled numbers and qualifiers', () => {
    assert.equal(numberValue('Five hundred'), 500);
    assert.equal(numberValue('1,100'), 1100);
    assert.equal(numberValue('twenty-two'), 22);
    const f = found.find((x) => x.low === 500)!;
    assert.deepEqual([f.low, f.high, f.country, f.speaker], [500, 600, 'Kazakhstan', 'Nursultan Nazarbayev']);
    assert.equal(found.find((x) => x.low === 200)!.qualifier, 'about');
  });

  it('never takes years, dates, ages, prison terms or counts of things for figures', () => {
    const text = 'In 2016 a 24-year-old man was jailed for ten years on November 12, and the two sides signed seven documents and opened 25 new checkpoints.';
    const a = { ...articles[0]!, paragraphs: [text], mentions: [] };
    assert.deepEqual(figuresOf(a, 0), []);
  });
});

/** The pane's last line of content (above the prompt and status lines): the figures' detail line. */
function lastContentLine(frame: string): string {
  const rows = frame.split('\n');
  // the pane's bottom border, then prompt and status lines
  const bottom = rows.findLastIndex((l) => /^[└╚╰+]/.test(l));
  return (rows[bottom - 1] ?? '').replace(/^[│║|]\s?/, '').replace(/\s*[│║|]\s*$/, '');
}

describe('figures in the shapes real pages write them', () => {
  const one = (text: string) => figuresOf({ ...parsedSeeds()[0]!, paragraphs: [text], mentions: [] }, 0);

  it('takes populations and sizes for what they are, not figures', () => {
    assert.deepEqual(one('Kazakhstan, a country of 30 million people, and Almaty, a city of two million people, are home to 500,000 people.'), []);
  });

  it('reads the event from the count itself: "left 6 dead and 9 injured" is killed and injured, not left', () => {
    const found = one('The blast left 6 dead and 9 injured in the market.');
    assert.deepEqual(
      found.map((f) => [f.low, f.event]),
      [
        [6, 'killed'],
        [9, 'injured'],
      ],
    );
    assert.equal(one('Some 300 fighters left for Syria.')[0]!.event, 'left');
  });

  it('does not end a sentence after an abbreviation or an initial, so the year and the speaker stay with the figure', () => {
    assert.equal(sentenceSpans('Mr. Tokayev met Gen. Rahimzoda and H. J. Mackinder on Jan. 5 in St. Petersburg. They spoke.').length, 2);
    const [f] = one('In 2015, according to Gen. Rahimzoda, 300 militants were killed.');
    assert.equal(f!.year, 2015);
  });
});

describe('country comparison', () => {
  const articles = parsedSeeds();
  const c = compareCountries(articles, corpusFigures(articles));

  it('counts articles naming both countries', () => {
    assert.equal(coMentionCount(c, 'Kazakhstan', 'Uzbekistan'), 4);
    assert.equal(coMentionCount(c, 'Uzbekistan', 'Kazakhstan'), 4);
  });

  it('keeps undated articles apart in the timeline, never dropped', () => {
    const kz = c.timeline.find((t) => t.country === 'Kazakhstan')!;
    assert.deepEqual(kz.years, { '2011': 1, '2017': 1 });
    assert.equal(kz.undated, 3);
  });

  it('puts two countries side by side with shared and unique articles', () => {
    const sbs = sideBySide(articles, c.figures, ['Kazakhstan', 'Tajikistan']);
    assert.equal(sbs.shared.length, 2);
    assert.ok(sbs.columns[1]!.people.includes('Ramazon Rahimzoda'));
    assert.ok(sbs.columns[0]!.people.includes('Nursultan Nazarbayev'));
    assert.equal(sbs.columns[1]!.only.length, 0);
  });

  it('lists every figure once under its country, lines made as they are read', () => {
    const lines = figuresLines(c);
    const all = Array.from({ length: lines.length }, (_, i) => lines.at(i));
    const headings = all.filter((l) => !l.startsWith('  '));
    assert.equal(all.length, headings.length + c.figures.length);
    assert.equal(
      headings.reduce((n, h) => n + Number(/\((\d+)\)$/.exec(h)![1]), 0),
      c.figures.length,
    );
    for (const f of listOf(c.figures)) assert.ok(all.includes(`  ${figureLine(f)}`));
    assert.equal(lines.at(lines.length), '', 'past the end: nothing');
  });

  it('keeps figures in columns that give back what was put in (snippets aside), and compares the same', () => {
    const figures = corpusFigures(articles);
    const store = new FigureStore();
    for (const f of figures) store.push(f);
    const facts = figures.map(({ snippet: _, ...f }) => f);
    assert.deepEqual(listOf(store), facts);
    const fromStore = compareCountries(articles, store);
    assert.deepEqual(fromStore.countries, c.countries);
    assert.deepEqual(
      listOf(fromStore.figures),
      (listOf(c.figures) as Figure[]).map(({ snippet: _, ...f }) => f),
    );
  });
});

// the wide layout needs a wide terminal: ink-testing-library's is fixed at 100 columns
let screen: Screen | undefined;
afterEach(() => screen?.unmount());

describe('Compare pane', () => {
  it('shows the co-mention matrix: Kazakhstan × Uzbekistan is 4, shaded', async () => {
    screen = await renderSized(140, 40);
    await screen.press('4', 'v');
    const f = screen.lastFrame();
    assert.match(f, /countries \[matrix\]/);
    assert.match(f, /Kazakhstan\s+·\s+█4/);
    await screen.press('l');
    assert.match(screen.lastFrame(), /Kazakhstan × Uzbekistan: 4 articles/);
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), /1 Articles \(4\)/);
  });

  it('puts Kazakhstan and Tajikistan side by side', async () => {
    screen = await renderSized(140, 60);
    await screen.press('4', ' ');
    const rows = screen.lastFrame().split('\n');
    const tjRow = rows.findIndex((l) => /Tajikistan\s+2\s+10\s+40%/.test(l));
    const kzRow = rows.findIndex((l) => /● Kazakhstan\s/.test(l));
    assert.ok(kzRow > 0 && tjRow > kzRow);
    // Space marks a row and moves on to the next
    await screen.press(...Array<string>(tjRow - kzRow - 1).fill('j'), ' ', 'v', 'v');
    const f = screen.lastFrame();
    assert.match(f, /KAZAKHSTAN\s+TAJIKISTAN/);
    assert.match(f, /Nursultan Nazarbayev\s+Ramazon Rahimzoda/);
    assert.match(f, /shared by all \(2 articles\)/);
  });

  it('lists the figures for Tajikistan with their speaker', async () => {
    screen = await renderSized(140, 40);
    await screen.press('4', 'V');
    const f = screen.lastFrame();
    assert.match(f, /Tajikistan \(7\)/);
    assert.match(f, /36 terrorist attacks \(thwart\), 2016 — Interior Ministry \(Tajikistan\)/);
    assert.match(f, /around 1,100 Tajik citizens \(fighting\) — Ramazon Rahimzoda/);
  });

  it('figures at 80×24: a cursor, the selected figure’s words below, Enter opens the article at its sentence', async () => {
    screen = await renderSized(80, 24);
    await screen.press('4', 'V');
    // on a country's heading the last line says what Enter does there
    assert.match(lastContentLine(screen.lastFrame()), /Enter filters to Tajikistan/);
    // three down: the third of Tajikistan's figures, quoted below the list from its sentence
    await screen.press('j', 'j', 'j');
    const detail = lastContentLine(screen.lastFrame());
    assert.match(detail, /More than 400 people were detained/, 'the snippet quotes the figure');
    assert.ok(detail.trimEnd().length >= 70, `the snippet fills the line: ${detail}`);
    await screen.press(K.enter);
    const f = screen.lastFrame();
    assert.match(f, /2 Reader · /);
    const body = f.split('\n').slice(3, 7).join('\n');
    assert.match(body, /400 people were detained/, `the reader opens at the figure’s sentence:\n${f}`);
    for (const l of f.split('\n')) assert.ok(l.length <= 80, `fits 80 columns: ${l}`);
  });

  it('figures: Enter on a country’s heading filters to that country', async () => {
    screen = await renderSized(130, 30);
    await screen.press('4', 'V');
    const country = /Enter filters to (\w+)/.exec(screen.lastFrame())![1]!;
    await screen.press(K.enter);
    assert.match(screen.lastFrame(), new RegExp(`2 matches for country:${country}`));
    assert.match(screen.lastFrame(), /1 Articles \(2\)/);
  });

  it('shows every column, top organizations and people included, when zoomed with z', async () => {
    screen = await renderSized(150, 30);
    await screen.press('4', 'z');
    const f = screen.lastFrame();
    assert.match(f, /country\s+art\.↓\s+ment\.\s+share\s*first\s+last\s+fig\.\s+top organization\s+top person/);
    assert.match(f, /Tajikistan\s+2\s+10\s+40%\s*—\s+—\s+7\s+.*Ramazon Rahimzoda/);
    await screen.press('s');
    assert.match(screen.lastFrame(), /ment\.↓/);
  });

  it('shows the timeline with every year of the range, each row’s peak and the undated count', async () => {
    screen = await renderSized(140, 40);
    await screen.press('4', 'V', 'V');
    assert.match(screen.lastFrame(), /2011 {2}2017 {2}peak\s+undated/);
    assert.match(screen.lastFrame(), /Kazakhstan\s+█·····█\s+1 in 2011\s+3/);
  });
});
