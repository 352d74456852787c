/** The body stage: open lines → paragraphs, with glued debris, repeats and the author's bio taken out. */
import type { Page } from './page.js';
import { dropRepeats, isHardWrapped, joinBlock, stripDebris, type Paragraph } from './paragraphs.js';
import { escapeRegExp } from './text.js';
import type { RemovedLine } from './types.js';

/**
 * A line that holds the next line's text behind template data ("9CaKrnJX作者:…【环球时报综合报道】…"
 * over "【环球时报综合报道】…") is a garbled copy of it.
 */
function markGluedCopies(page: Page): void {
  const open = page.nonBlank.filter((i) => page.open(i));
  for (let k = 0; k + 1 < open.length; k++) {
    const [a, b] = [page.text(open[k]!), page.text(open[k + 1]!)];
    if (b.length >= 40 && a.indexOf(b.slice(0, 40)) > 0) page.remove(open[k]!, 'template copy');
  }
}

/** The paragraphs, the source line each starts on, and what was cut from them. */
export function buildParagraphs(page: Page, author: string | undefined): { paragraphs: string[]; lines: number[]; removed: RemovedLine[] } {
  markGluedCopies(page);
  const blocks = page.openBlocks();
  const wrapped = isHardWrapped(blocks);
  const removed: RemovedLine[] = [];
  const joined: Paragraph[] = [];
  for (const block of blocks) {
    for (const p of joinBlock(block, wrapped)) {
      const cleaned = stripDebris(p);
      removed.push(...cleaned.removed);
      if (cleaned.text) joined.push({ text: cleaned.text, line: p.line });
    }
  }
  const { kept, removed: repeats } = dropRepeats(joined);
  removed.push(...repeats);
  // "Catherine Putz is managing editor of The Diplomat.": the author's bio closing the page
  const who = [author?.split(', ')[0], 'The author', 'The writer'].filter((s): s is string => !!s).map(escapeRegExp);
  const bio = new RegExp(`^(?:${who.join('|')})\\s(?:is|was|has been|serves as|works as|writes)\\b`, 'i');
  // … and the author's name printed alone above it
  const name = author?.split(', ')[0]?.toLowerCase();
  while (
    kept.length > 1 &&
    kept[kept.length - 1]!.text.length < 400 &&
    (bio.test(kept[kept.length - 1]!.text) || kept[kept.length - 1]!.text.toLowerCase() === name)
  ) {
    const p = kept.pop()!;
    removed.push({ line: p.line, text: p.text, reason: 'author bio' });
  }
  return { paragraphs: kept.map((p) => p.text), lines: kept.map((p) => p.line), removed };
}
