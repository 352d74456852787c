/**
 * The box about the author that many sites print under the article: the name on a line of its
 * own, then a note that begins with it ("Sergey Kwan has worked for The Times of Central Asia
 * as a journalist …"). It is metadata (the author), not text of the story.
 */
import type { Page } from './page.js';

const NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;
const ABOUT = /^\s+(?:has\s+(?:worked|written|reported|been)|is\s+an?\s|was\s+an?\s|joined|writes\s|covers\s|reports\s)/;
const TRADE = /\b(?:journalist|reporter|correspondent|editor|writer|columnist|analyst|contributor|researcher|fellow)\b/i;

/** Marks the author box in the second half of the page and returns the author's name, if there is one. */
export function markAuthorBox(page: Page): string | null {
  const open = page.nonBlank.filter((i) => page.open(i));
  for (let k = Math.floor(open.length / 2); k + 1 < open.length; k++) {
    const name = page.text(open[k]!).trim();
    if (!NAME.test(name)) continue;
    const note = page.text(open[k + 1]!);
    if (!note.startsWith(name) || !ABOUT.test(note.slice(name.length)) || !TRADE.test(note.slice(0, 200))) continue;
    page.remove(open[k]!, 'author box');
    page.remove(open[k + 1]!, 'author box');
    return name;
  }
  return null;
}
