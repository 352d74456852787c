/**
 * Bytes → text, or a reason the file cannot be read as text.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. A scraped page with a
 * few broken bytes keeps its text, each bad sequence a visible U+FFFD (`replaced` says how
 * many). A page saved in a legacy encoding (windows-1251, KOI8-R, windows-1256,
 * windows-1252 …) is recognised by chardet (ICU's detector) and decoded when what it yields
 * reads as text of that script (`encoding` names it); anything else that is mostly not UTF-8
 * is refused rather than guessed, because a wrong guess silently mangles every character.
 */
import chardet from 'chardet';

export type Decoded = { ok: true; text: string; replaced?: number; encoding?: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: false });

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Occurrences of the three bytes of U+FFFD in the file: text written as such, not damage. */
function literalReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

/**
 * UTF-8 with a few damaged sequences (a scrape cut mid-character, a stray byte) rather than
 * text in another encoding: there, nearly every non-ASCII byte is invalid; here, most
 * non-ASCII characters decode and the bad ones are few.
 */
function mostlyUtf8(text: string, bad: number): boolean {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) nonAscii++;
  return bad * 10 <= nonAscii - bad;
}

/** A few bad bytes in a page of otherwise plain text: damage, when no legacy encoding reads them as words. */
const fewBad = (bad: number, bytes: number) => bad <= Math.max(8, bytes * 0.005);

/** Encodings TextDecoder reads that chardet may name (it says ISO-8859-1 where Windows pages are windows-1252). */
const LEGACY: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'iso-8859-6',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'windows-1250': 'windows-1250',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1254': 'windows-1254',
  'ISO-8859-9': 'windows-1254',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};

/** Typographic punctuation a Windows page uses (curly quotes, dashes, ellipsis, euro, guillemets …). */
const PUNCTUATION = /^[\u2018\u2019\u201A\u201C\u201D\u201E\u2013\u2014\u2026\u20AC\u2022\u00AB\u00BB\u00B0\u00A9\u00AE\u00A0\u00B7\u2116]+$/u;

const INSIDE_WORDS = /^[\u2018\u2019\u2013\u2014\u00B7]+$/u;

/**
 * Whether a legacy decoding reads as text: every run of non-ASCII characters is typographic
 * punctuation or letters that make words — joined to ASCII letters (Latin: "Café"), or
 * words of their own of two letters or more (Cyrillic, Arabic, CJK). Stray bytes of damaged
 * UTF-8 come out as lone symbols or letters between spaces, and fail.
 */
function readsAsText(text: string): boolean {
  let runs = 0;
  let good = 0;
  for (const m of text.matchAll(/[^\x00-\x7F]+/gu)) {
    runs++;
    const run = m[0];
    const before = text[m.index - 1] ?? ' ';
    const after = text[m.index + run.length] ?? ' ';
    const between = /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after);
    // punctuation inside a word is an apostrophe, a dash or a middle dot ("don’t", "l·l"); a
    // euro sign, a quote or a bullet there ("t€xt") is a stray byte read in the wrong code page
    if (PUNCTUATION.test(run) && (!between || INSIDE_WORDS.test(run))) good++;
    else if (/^\p{L}[\p{L}\p{M}]*$/u.test(run) && (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) || (run.length >= 2 && !/[A-Za-z]/.test(before + after))))
      good++;
  }
  return runs > 0 && good >= runs * 0.9;
}

/** windows-1252's 0x80–0x9F (WHATWG): undefined bytes stay the C1 control they are in ISO-8859-1. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * A legacy page's text. Node 20's TextDecoder reads windows-1252 as ISO-8859-1 (curly quotes,
 * dashes and the euro sign come out as C1 controls; Node 22 decodes them), so those bytes are
 * mapped here, the same on both.
 */
function decodeLegacy(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

function legacy(bytes: Uint8Array): { text: string; encoding: string } | null {
  const sample = bytes.length > 1 << 20 ? bytes.subarray(0, 1 << 20) : bytes;
  for (const guess of chardet.analyse(sample)) {
    const encoding = LEGACY[guess.name];
    if (!encoding || guess.confidence < 10) continue;
    let text: string;
    try {
      text = decodeLegacy(encoding, bytes);
    } catch {
      continue;
    }
    if (readsAsText(text)) return { text, encoding };
  }
  return null;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  let text: string;
  let replaced = 0;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else {
      try {
        text = utf8.decode(bytes);
      } catch {
        text = utf8Lenient.decode(bytes);
        replaced = count(text, '\uFFFD') - literalReplacements(bytes);
        if (controlShare(text) > 0.05) return { ok: false, reason: 'binary file (too many control characters)' };
        if (!mostlyUtf8(text, replaced)) {
          const other = legacy(bytes);
          if (other) return finish(other.text, 0, other.encoding);
          if (!fewBad(replaced, bytes.length))
            return { ok: false, reason: 'not valid UTF-8, nor a legacy encoding steppe recognises (convert it to UTF-8 first)' };
        }
      }
    }
  } catch {
    return { ok: false, reason: 'not valid UTF-16' };
  }
  return finish(text, replaced);
}

function finish(text: string, replaced: number, encoding?: string): Decoded {
  // NUL and other controls are rare in text and everywhere in binaries: a share decides
  if (controlShare(text) > 0.05) return { ok: false, reason: 'binary file (too many control characters)' };
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text, ...(replaced ? { replaced } : {}), ...(encoding ? { encoding } : {}) };
}

function controlShare(text: string): number {
  let controls = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) controls++;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}
