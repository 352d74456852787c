/**
 * From kept lines to paragraphs: hard-wrapped lines are joined, debris glued into the text is
 * cut out, and a paragraph the page template repeated within the article is dropped.
 */
import type { Line } from './text.js';
import { endsSentence, words } from './text.js';
import type { RemovedLine } from './types.js';

export interface Paragraph {
  text: string;
  /** source line where it starts */
  line: number;
}

const BULLET = /^(?:[-*•·▪–—]\s|\d+[.)]\s|\p{L}[.)]\s)/u;

/**
 * Whether the text is hard-wrapped at a fixed width (as e-mail and some archives are): most
 * lines inside multi-line blocks are of similar, moderate length.
 */
export function isHardWrapped(blocks: Line[][]): boolean {
  const inner = blocks.filter((b) => b.length > 1).flatMap((b) => b.slice(0, -1));
  if (inner.length < 4) return false;
  const max = Math.max(...inner.map((l) => l.text.length));
  if (max > 110) return false;
  const near = inner.filter((l) => l.text.length >= max * 0.6).length;
  return near / inner.length >= 0.7;
}

/** Joins the lines of one block into paragraphs. */
export function joinBlock(block: Line[], hardWrapped: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const width = Math.max(...block.map((l) => l.text.length));
  for (const line of block) {
    const prev = out[out.length - 1];
    if (prev && continues(prev.text, line.text, hardWrapped, width)) {
      prev.text = /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(line.text) ? prev.text + line.text : `${prev.text} ${line.text}`;
    } else {
      out.push({ text: line.text, line: line.no });
    }
  }
  return out;
}

function continues(prev: string, next: string, hardWrapped: boolean, width: number): boolean {
  if (BULLET.test(next)) return false;
  if (/^[\p{Ll}(,;:)\]”’»]/u.test(next)) return true;
  if (hardWrapped) {
    // In wrapped text a paragraph ends on a short line that closes a sentence.
    const lastLine = prev.length - prev.lastIndexOf(' ');
    return !(endsSentence(prev) && lastLine < width * 0.6);
  }
  return !endsSentence(prev) && !/[:]$/.test(prev);
}

const SHARE_TAIL =
  /(?<=[.!?"”’)])\s*(?:(?:Share(?: on| via)?|Facebook|Twitter|WhatsApp|Telegram|LinkedIn|E-?mail|Print|Pinterest|Reddit|Copy link|VK)\s*[,|·•]?\s*){2,}$/;

/** Page debris glued into running text, each with what it is. */
const DEBRIS: { pattern: RegExp }[] = [
  { pattern: SHARE_TAIL },
  { pattern: /\s*\[(?:link|url|photo|video|embed|image|gallery|ad)\]/gi },
  { pattern: /\s*\((?:opens|open|link opens) in (?:a )?new (?:tab|window)\)/gi },
  { pattern: /(?<=[.!?"”’])\s*(?:Read more|Continue reading|Read the full (?:article|story)|Click here to read more)\s*(?:[»›>…]|\.\.\.)?$/i },
  { pattern: /(?<=[.!?"”’])\s*(?:READ (?:ALSO|MORE)|Read (?:also|more)|See also|Related)\s*:.*$/ },
  { pattern: /^(?:Advertisement|ADVERTISEMENT)(?=\s*\p{Lu})\s*/u },
];

/** Cuts glued debris out of a paragraph; what was cut is returned for the audit. */
export function stripDebris(p: Paragraph): { text: string; removed: RemovedLine[] } {
  let text = p.text;
  const removed: RemovedLine[] = [];
  for (const { pattern } of DEBRIS) {
    text = text.replace(pattern, (m) => {
      removed.push({ line: p.line, text: m.trim(), reason: 'web debris' });
      return '';
    });
  }
  return { text: text.trim(), removed };
}

function tokenSet(s: string): Set<string> {
  return new Set(words(s.toLowerCase()));
}

function similar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared) >= 0.8;
}

/** `outer` is `inner` with something glued in front of it (not a continuation after it). */
function glued(outer: string, inner: string): boolean {
  const at = outer.indexOf(inner.slice(0, 40));
  return at > 0;
}

/**
 * Drops paragraphs that repeat another paragraph of the same article (a standfirst the
 * template printed above the text it summarises, a pull quote). Of two copies the one that
 * reads as finished text (closing punctuation, then length) stays.
 */
export function dropRepeats(paragraphs: Paragraph[]): { kept: Paragraph[]; removed: RemovedLine[] } {
  const sets = paragraphs.map((p) => tokenSet(p.text));
  const drop = new Set<number>();
  for (let i = 0; i < paragraphs.length; i++) {
    if (drop.has(i) || sets[i]!.size < 8) continue;
    // a template repeats a paragraph nearby; bounding the window keeps huge documents linear
    for (let j = i + 1; j < Math.min(paragraphs.length, i + 100); j++) {
      if (drop.has(j) || sets[j]!.size < 8 || !similar(sets[i]!, sets[j]!)) continue;
      const a = paragraphs[i]!.text;
      const b = paragraphs[j]!.text;
      // a copy with template debris glued in front ("9CaKrnJX作者:…【环球时报综合报道】…") loses to the clean one
      const keepLater = glued(a, b)
        ? true
        : glued(b, a)
          ? false
          : (!endsSentence(a) && endsSentence(b)) || (endsSentence(a) === endsSentence(b) && b.length > a.length);
      drop.add(keepLater ? i : j);
      if (keepLater) break;
    }
  }
  return {
    kept: paragraphs.filter((_, i) => !drop.has(i)),
    removed: [...drop].map((i) => ({ line: paragraphs[i]!.line, text: paragraphs[i]!.text, reason: 'repeated within article' })),
  };
}
