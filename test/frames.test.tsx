/**
 * The bytes steppe sends are checked on a terminal emulator: after each of many random keys
 * (moves, panes, the filter, the help overlay, resizes), the screen that the frame writer's
 * difference stream leaves in @xterm/headless must equal, cell by cell (text and attributes),
 * the screen that painting the frame Ink meant to draw on a cleared terminal gives. Run with
 * colours and with NO_COLOR's mono theme, over a corpus with wide (CJK, emoji) and combining
 * characters. A failure names the seed and the keys that led to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import stripAnsi from 'strip-ansi';
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import type { Article, Corpus } from '../src/corpus/types.js';
import type { Theme } from '../src/ui/theme.js';

// chalk decides its colour level when first loaded: colours are forced before Ink is imported
process.env.FORCE_COLOR = '3';
const { bundledCorpus } = await import('../src/paths.js');
const { renderOffscreen } = await import('../src/ui/offscreen.js');
const { COLOR, MONO } = await import('../src/ui/theme.js');
const { modelOf, memoryReview } = await import('./uiHarness.js');
const { mayMismeasure } = await import('../src/ui/screen/cells.js');
const { random } = await import('../src/bench/generate.js');

const { Terminal } = xtermHeadless;
type Term = InstanceType<typeof Terminal>;

const quick = process.env.STEPPE_QUICK === '1';

// with some scrollback: @xterm/headless 6 loses its buffer's rows when a terminal with none shrinks with the cursor on its last row
function terminal(columns: number, rows: number): Term {
  const t = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 100 });
  t.loadAddon(new unicode11.Unicode11Addon());
  t.unicode.activeVersion = '11';
  return t;
}

const written = (t: Term, data: string) => new Promise<void>((resolve) => t.write(data, resolve));

type Cell = NonNullable<ReturnType<NonNullable<ReturnType<Term['buffer']['active']['getLine']>>['getCell']>>;

/** A cell as everything that shows: its text (unwritten as a space), width and attributes. */
function describe(cell: Cell | undefined): string {
  if (!cell) return '(none)';
  return [JSON.stringify(textOf(cell)), cell.getWidth(), cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor()]
    .concat([cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse(), cell.isStrikethrough()].map(Number))
    .join(' ');
}
const textOf = (cell: Cell) => cell.getChars() || (cell.getWidth() === 0 ? '' : ' ');
const same = (a: Cell, b: Cell) =>
  textOf(a) === textOf(b) &&
  a.getWidth() === b.getWidth() &&
  a.getFgColorMode() === b.getFgColorMode() &&
  a.getFgColor() === b.getFgColor() &&
  a.getBgColorMode() === b.getBgColorMode() &&
  a.getBgColor() === b.getBgColor() &&
  a.isBold() === b.isBold() &&
  a.isDim() === b.isDim() &&
  a.isItalic() === b.isItalic() &&
  a.isUnderline() === b.isUnderline() &&
  a.isInverse() === b.isInverse() &&
  a.isStrikethrough() === b.isStrikethrough();

/** Row y of what the terminal shows: a shrink that keeps the cursor's row pushes rows above the screen, so buffer line y may be off it. */
const rowOnScreen = (t: Term, y: number) => t.buffer.active.getLine(t.buffer.active.viewportY + y);

function firstDifference(a: Term, b: Term, columns: number, rows: number): string | null {
  let ca: Cell | undefined;
  let cb: Cell | undefined;
  for (let y = 0; y < rows; y++) {
    const la = rowOnScreen(a, y);
    const lb = rowOnScreen(b, y);
    for (let x = 0; x < columns; x++) {
      ca = la?.getCell(x, ca);
      cb = lb?.getCell(x, cb);
      if (ca && cb && same(ca, cb)) continue;
      return `row ${y + 1} column ${x + 1}: got ${describe(ca)}, want ${describe(cb)}\n  row as sent: ${la?.translateToString(true)}\n  row as meant: ${lb?.translateToString(true)}`;
    }
  }
  return null;
}

/** The bundled corpus and an article in many scripts: CJK, emoji (joined ones too), combining marks, Arabic. */
function mixedCorpus(): Corpus {
  const bundled = JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus;
  const base = bundled.articles[0] as Article;
  const lines = [
    '哈萨克斯坦与乌兹别克斯坦签署安全合作协议，双方同意加强边境管控。',
    'Emoji in a scrape: 🇰🇿 flag, 👩‍💻 a joined one, ✔️ with a selector, 🔥 plain.',
    'Combining marks: Ца́ревич, é written as e + U+0301, Z̤̈, and ﬁ ligatures.',
    'Arabic and Persian: أعلنت السلطات في طاجيكستان عن اعتقال خلية متطرفة، و امنیت مرزها.',
    'Wide and narrow mixed: Астана 2024年 ＡＢＣ full-width letters, then ordinary text again.',
  ];
  const mixed: Article = {
    ...base,
    id: 'mixed-scripts',
    file: 'mixed.txt',
    title: '中亚安全 🇰🇿 Ца́ревич — a title in many scripts',
    paragraphs: Array.from({ length: 12 }, (_, i) => lines[i % lines.length] as string),
    mentions: [],
    removed: [],
    duplicateOf: null,
  };
  return { version: 1, articles: [mixed, ...bundled.articles] };
}

const KEYS = [
  ...'jjjjkkkggGG',
  '\r',
  '\r',
  '\x1b',
  '\x1b',
  '\t',
  '\t',
  ...'1234',
  ...'nNsvzb ?',
  '\x04',
  '\x15',
  '\x0c',
  '/',
  ...'kazhst',
  '\x7f',
  'country:',
  'm',
  '*',
  'u',
  '\x1b[B',
  '\x1b[A',
  '\x1b[6~',
  '\x1b[5~',
];
const SIZES: [number, number][] = [
  [80, 24],
  [100, 30],
  [120, 40],
  [160, 48],
  [60, 20],
  [50, 12],
];

async function soak(theme: Theme, seed: number, count: number) {
  const rand = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  let [columns, rows] = [120, 40];
  const model = modelOf(mixedCorpus(), 'mixed scripts');
  const sent = terminal(columns, rows);
  const meant = terminal(columns, rows);
  const { FakeStdout } = await import('../src/ui/fakeTerminal.js');
  const stdout = new FakeStdout(columns, rows);
  let pending = Promise.resolve();
  // every byte steppe writes reaches the emulator, in order
  stdout.onWrite = () => {
    const data = stdout.frames.splice(0).join('');
    pending = pending.then(() => written(sent, data));
  };
  const outside = { exportView: async () => '/dev/null', copy() {} };
  const { stdin, instance, frames } = renderOffscreen(model, {
    stdout,
    theme,
    review: memoryReview(),
    outside,
    diff: { diff: true, scroll: true, sync: true, mouse: true },
    maxFps: 1000,
  });
  let last = '';
  assert.ok(frames);
  frames.onFrame = (frame) => {
    last = frame;
  };
  const keys: string[] = [];
  const settle = async () => {
    for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 2));
    await pending;
  };
  await settle();
  try {
    for (let i = 0; i < count; i++) {
      if (rand() < 0.03) {
        [columns, rows] = pick(SIZES);
        keys.push(`<resize ${columns}×${rows}>`);
        sent.resize(columns, rows);
        meant.resize(columns, rows);
        stdout.resize(columns, rows);
      } else {
        const key = pick(KEYS);
        keys.push(key);
        stdin.write(key);
      }
      await settle();
      // the frame as meant: painted line by line on a cleared screen (autowrap off, as steppe sets it)
      await written(meant, `\x1b[?7l\x1b[0m\x1b[H\x1b[2J${last.split('\n').slice(0, rows).join('\r\n')}`);
      const difference = firstDifference(sent, meant, columns, rows);
      if (difference) {
        assert.fail(`after ${keys.length} keys (seed ${seed}, ${theme.mono ? 'mono' : 'colour'}): ${difference}\n  keys: ${JSON.stringify(keys.slice(-30))}`);
      }
      // and the text on screen is the frame's text, where terminals agree on every width
      last.split('\n').forEach((line, y) => {
        if (y >= rows || mayMismeasure(line)) return;
        const shown = (rowOnScreen(sent, y)?.translateToString(true) ?? '').trimEnd();
        assert.equal(shown, stripAnsi(line).trimEnd(), `row ${y + 1} after keys ${JSON.stringify(keys.slice(-30))} (seed ${seed})`);
      });
    }
  } finally {
    instance.unmount();
    frames.close();
  }
  return keys.length;
}

const seed = Number(process.env.STEPPE_FRAMES_SEED ?? 20261202);

test('the frame writer’s bytes leave the screen Ink meant, cell by cell, after 1,000 random keys (colour)', async () => {
  assert.equal(await soak(COLOR, seed, quick ? 200 : 1000), quick ? 200 : 1000);
});

test('the same with NO_COLOR’s mono theme (inverse, bold and underline only)', async () => {
  assert.equal(await soak(MONO, seed + 1, quick ? 100 : 400), quick ? 100 : 400);
});

test('a dumb or unknown terminal gets every frame whole; Ctrl-L and a resize send the next one whole', async () => {
  const { capabilitiesOf } = await import('../src/ui/screen/capabilities.js');
  const { FrameWriter } = await import('../src/ui/screen/frameWriter.js');
  const { FakeStdout } = await import('../src/ui/fakeTerminal.js');
  assert.equal(capabilitiesOf({ TERM: 'dumb' }).diff, false);
  assert.equal(capabilitiesOf({}).diff, false, 'no TERM at all');
  assert.equal(capabilitiesOf({ TERM: 'vt52' }).diff, false, 'a terminal it does not know');
  for (const term of ['xterm-256color', 'tmux-256color', 'screen', 'screen.xterm-256color', 'linux', 'alacritty'])
    assert.equal(capabilitiesOf({ TERM: term }).diff, true, term);
  assert.equal(capabilitiesOf({ TERM: 'xterm', STEPPE_FULL_FRAMES: '1' }).diff, false, 'whole frames asked for');

  const rows = 10;
  const a = Array.from({ length: rows }, (_, i) => `line ${i}`).join('\n');
  const b = a.replace('line 3', 'line three');
  // each row a frame sends starts with a cursor move to it
  const rowsSent = (bytes: string) => new Set([...bytes.matchAll(/\x1b\[(\d+)(?:;\d+)?H/g)].map((m) => m[1])).size;
  const send = async (
    caps: ReturnType<typeof capabilitiesOf>,
    act: (w: InstanceType<typeof FrameWriter>, out: InstanceType<typeof FakeStdout>) => void | Promise<void>,
  ) => {
    const out = new FakeStdout(40, rows);
    const w = new FrameWriter(out, caps);
    w.write(a);
    out.frames = [];
    await act(w, out);
    w.close();
    return out.frames.join('');
  };
  assert.equal(rowsSent(await send(capabilitiesOf({ TERM: 'dumb' }), (w) => w.write(b))), rows, 'dumb: the whole frame again');
  const xterm = capabilitiesOf({ TERM: 'xterm-256color' });
  assert.equal(rowsSent(await send(xterm, (w) => w.write(b))), 1, 'xterm: the one row that changed');
  const redrawn = await send(xterm, async (w) => {
    w.redraw();
    await new Promise((r) => setImmediate(r));
  });
  assert.equal(rowsSent(redrawn), rows, 'Ctrl-L: the last frame sent whole, with no new frame to wait for');
  assert.equal(
    rowsSent(
      await send(xterm, (w, out) => {
        out.resize(40, rows);
        w.write(b);
      }),
    ),
    rows,
    'after a resize: whole',
  );
});
