/**
 * Hostile input, as scraped text can carry it: terminal escapes, controls, bidi overrides,
 * zero-width characters, gigantic lines and files, broken and foreign encodings, every kind
 * of line end, mixed scripts. Small cases are committed under test/fixtures/hostile/ (write
 * them with `node dist/test/hostile.js`); the large ones are made here when a test runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HostileCase {
  name: string;
  bytes: Buffer;
  /** words that must still be visible in the reader, sanitised but not dropped */
  visible: string;
  large?: boolean;
}

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;
const SAID = 'Officials in Almaty said the border with Kyrgyzstan stayed open.';

/** An article page around a hostile body: a title, a byline, paragraphs. */
function page(title: string, paragraphs: string[], eol = '\n'): string {
  return [title, '', 'By Aigerim Seitkali', '', ...paragraphs.flatMap((p) => [p, '']), `${SAID}`, ''].join(eol);
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

export function hostileCases(): HostileCase[] {
  const filler = 'Security services in Central Asia reported new arrests of recruiters during the spring.';
  return [
    {
      name: 'csi.txt',
      bytes: utf8(
        page(`Border ${ESC}[2J${ESC}[H${ESC}[31mred alert${ESC}[0m in the valley`, [
          `The screen clear ${ESC}[2J and cursor moves ${ESC}[10;10H ${ESC}[?1049l left the alternate screen ${ESC}[?25l hid the cursor, and a C1 CSI \u009b31m too.`,
          filler,
        ]),
      ),
      visible: 'left the alternate screen',
    },
    {
      name: 'osc.txt',
      bytes: utf8(
        page(`Title ${ESC}]0;pwned${BEL}change in Tashkent`, [
          `A link ${ESC}]8;;https://evil.example/${ST}the ministry statement${ESC}]8;;${ST} and a clipboard write ${ESC}]52;c;cm0gLXJmIH4=${BEL} inside the text.`,
          filler,
        ]),
      ),
      visible: 'and a clipboard write',
    },
    {
      name: 'controls.txt',
      bytes: utf8(
        page('Controls \x01\x02\x03 in a headline', [
          `Bell${BEL} backspace\x08 vertical tab\x0b form feed\x0c shift out\x0e DEL\x7f and C1 \u0085\u008d\u0090\u009c\u009f controls, a NUL \x00 as well.`,
          filler,
        ]),
      ),
      visible: 'vertical tab',
    },
    {
      name: 'bidi.txt',
      bytes: utf8(
        page('Report \u202Efdp.exe\u202C from Bishkek', [
          `Overrides \u202D\u202E\u2066\u2067\u2068\u2069 and marks \u200E\u200F\u061C hide the order of letters in invoice\u202Eexe.txt.`,
          filler,
        ]),
      ),
      visible: 'hide the order of letters',
    },
    {
      name: 'zero-width.txt',
      bytes: utf8(
        page('Zero\u200Bwidth\u2060joiners in Dushanbe', [
          `Words glued with zero\u200Bwidth spaces, word\u2060joiners, byte\uFEFForder marks and non\u200Cjoiners stay readable.`,
          filler,
        ]),
      ),
      visible: 'stay readable',
    },
    {
      name: 'invalid-utf8.txt',
      bytes: Buffer.concat([
        utf8(page('Broken bytes in a long report from Astana', [filler, filler, filler, filler, filler, filler, filler, filler])),
        Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]),
        utf8('\nThe broken bytes above came from a bad scrape.\n'),
      ]),
      visible: 'came from a bad scrape',
    },
    {
      name: 'utf16-bom.txt',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(page('A UTF-16 article from Osh', ['Written by a tool that saves text as UTF-16 with a byte order mark.', filler]), 'utf16le'),
      ]),
      visible: 'byte order mark',
    },
    {
      name: 'cr-only.txt',
      bytes: utf8(page('Old Mac line ends in Turkmenistan', ['Every line here ends with a carriage return alone.', filler], '\r')),
      visible: 'carriage return alone',
    },
    {
      name: 'crlf.txt',
      bytes: utf8(page('Windows line ends in Uzbekistan', ['Every line here ends with a carriage return and a line feed.', filler], '\r\n')),
      visible: 'carriage return and a line feed',
    },
    {
      name: 'mixed-scripts.txt',
      bytes: utf8(
        page('Смешанные scripts: Алматы, طاجيكستان, 塔吉克斯坦', [
          `Cyrillic Министерство внутренних дел, Arabic الدولة الإسلامية, CJK 中亚安全 全角ＡＢＣ, emoji 👨‍👩‍👧‍👦 🏳️‍🌈 🇰🇿 and combining e\u0301 marks.`,
          filler,
        ]),
      ),
      visible: 'Министерство внутренних дел',
    },
    {
      name: 'long-line.txt',
      bytes: utf8(
        page('One line of a hundred thousand characters', [
          `Start of the long line. ${'Recruiters moved between Almaty and Bishkek without papers. '.repeat(1700).slice(0, 100_000)}`,
        ]),
      ),
      visible: 'Start of the long line.',
      large: true,
    },
    {
      name: 'ten-megabytes.txt',
      bytes: utf8(
        page(
          'A ten-megabyte article',
          Array.from({ length: (10 * 1024 * 1024) / 1000 }, (_, i) =>
            `Paragraph ${i}: ${filler} ${'Officials discussed the situation at length. '.repeat(20)}`.slice(0, 999),
          ),
        ),
      ),
      visible: 'Paragraph 0:',
      large: true,
    },
  ];
}

export const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'hostile');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(fixtureDir, { recursive: true });
  for (const c of hostileCases()) if (!c.large) writeFileSync(path.join(fixtureDir, c.name), c.bytes);
  process.stderr.write(`wrote ${hostileCases().filter((c) => !c.large).length} fixtures to ${fixtureDir}\n`);
}
