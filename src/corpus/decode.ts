/**
 * Bytes → text, or a reason the file cannot be read as text.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. A scraped page with a few
 * broken bytes keeps its text, each bad byte a visible U+FFFD (and `replaced` says how many);
 * a file in another encoding, where bad bytes are common, is refused rather than guessed,
 * because a wrong guess silently mangles every character.
 */

export type Decoded = { ok: true; text: string; replaced?: number } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: false });
/** More bad bytes than this share, and the file is in another encoding, not damaged UTF-8. */
const REPAIRABLE = 0.01;

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
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
        // U+FFFD written in the file as such is text, not damage
        replaced = count(text, '\uFFFD') - count(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), '\xEF\xBF\xBD');
        if (replaced > REPAIRABLE * bytes.length) return { ok: false, reason: 'not valid UTF-8 (convert it to UTF-8 first)' };
      }
    }
  } catch {
    return { ok: false, reason: 'not valid UTF-16' };
  }
  // NUL and other controls are rare in text and everywhere in binaries: a share decides
  if (controlShare(text) > 0.05) return { ok: false, reason: 'binary file (too many control characters)' };
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return replaced ? { ok: true, text, replaced } : { ok: true, text };
}

function controlShare(text: string): number {
  let controls = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0xfffd) controls++;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}
