/**
 * Bytes → text, or a reason the file cannot be read as text.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else is refused
 * rather than guessed, because a wrong guess silently mangles every character.
 */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else {
      // NUL bytes never occur in text files but are everywhere in binaries; check before decoding.
      if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
      text = utf8.decode(bytes);
    }
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (convert it to UTF-8 first)' };
  }
  if (text.includes('\0')) return { ok: false, reason: 'binary file (contains NUL characters)' };
  if (controlShare(text) > 0.05) return { ok: false, reason: 'binary file (too many control characters)' };
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text };
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
