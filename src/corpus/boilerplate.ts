/**
 * The boilerplate stages: lines that announce themselves, SEO spam, template lines shared
 * across documents, the end of the article, and the navigation and teasers after it.
 */
import { canonicalOutlet, type Outlets } from './outlets.js';
import type { Page } from './page.js';
import type { LineStats } from './repeated.js';
import { matchLineRule } from './rules.js';
import { isSpam, vocabulary } from './spam.js';
import { endsSentence, hasSentencePunctuation, isProse, lineKey, words } from './text.js';

/** Stamps, share widgets, donation appeals …: rules.ts, first match wins. */
export function markRuleLines(page: Page): void {
  for (const i of page.nonBlank) {
    if (!page.open(i)) continue;
    const rule = matchLineRule(page.text(i));
    if (rule) page.remove(i, rule.reason, rule.terminator);
  }
}

/**
 * A photo caption signed by its source: "An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)",
 * "… (Getty Images)", "… (Photo: Vlast.kz)". A known outlet or a picture word in the closing brackets.
 */
export function markCaptions(page: Page, outlets: Outlets): void {
  for (const i of page.nonBlank) {
    if (!page.open(i)) continue;
    const t = page.text(i);
    const m = t.length <= 250 ? /(?<=[.!?”"]\s*|\s)\(([^()]{2,60})\)$/u.exec(t) : null;
    if (!m || m.index === 0) continue;
    const inside = m[1]!.trim();
    if (PICTURE_WORDS.test(inside) || (canonicalOutlet(outlets, inside.replace(/\s*(?:photo|file)$/i, '')) && /[.!?”"]\s*$/u.test(t.slice(0, m.index))))
      page.remove(i, 'caption');
  }
}

const PICTURE_WORDS = /\b(?:photo|photos|photograph|image|images|picture|pictures|file photo|illustration|screenshot|screengrab|courtesy|фото|сурет|surat)\b/iu;

/** Keyword strings with no sentence structure, off the article's topic. */
export function markSpam(page: Page): void {
  const vocab = vocabulary(page.nonBlank.map((i) => page.text(i)));
  for (const i of page.nonBlank) if (page.open(i) && isSpam(page.text(i), vocab)) page.remove(i, 'spam');
}

/**
 * Template lines shared with other documents, where they touch the top or bottom of the page
 * (runs through other boilerplate count), and short ones found in many documents anywhere.
 * Repetition never takes the whole story: if no running text is left, it was not template.
 */
export function markRepeated(page: Page, stats: LineStats): void {
  const { nonBlank } = page;
  const REASON = 'repeated across documents';
  const removable = (i: number) => !page.open(i) || stats.repeated.has(lineKey(page.text(i)));
  const mark = (i: number) => page.open(i) && page.remove(i, REASON);
  for (let k = nonBlank.length - 1; k >= 0 && removable(nonBlank[k]!); k--) mark(nonBlank[k]!);
  for (let k = 0; k < nonBlank.length && removable(nonBlank[k]!); k++) mark(nonBlank[k]!);
  for (const i of nonBlank) if (page.open(i) && page.text(i).length < 100 && stats.frequent.has(lineKey(page.text(i)))) mark(i);
  if (!nonBlank.some((i) => page.open(i) && isProse(page.text(i)))) {
    for (const i of nonBlank) if (page.reasonOf(i) === REASON) page.status[i] = undefined;
  }
}

/**
 * After a closing marker ("Share this article", "©", a donation appeal) that follows the
 * body and lies in the second half of the page, the rest is page furniture.
 */
export function markAfterEnd(page: Page): void {
  const start = page.bodyStart();
  const total = page.nonBlank.reduce((n, i) => n + page.text(i).length, 0);
  let seen = 0;
  let ended = false;
  for (const i of page.nonBlank) {
    const s = page.status[i];
    if (ended) {
      if (page.open(i)) page.remove(i, 'after end of article');
    } else if (i > start && s?.kind === 'removed' && s.terminator && seen >= total * 0.5) ended = true;
    seen += page.text(i).length;
  }
}

/** Short unpunctuated lines after the last paragraph of text (menus), and teasers cut mid-word at the edges. */
export function markEdges(page: Page): void {
  const { nonBlank } = page;
  const isContent = (i: number) => page.open(i) && (hasSentencePunctuation(page.text(i)) || page.text(i).length >= 70);
  const lastContent = [...nonBlank].reverse().find(isContent) ?? -1;
  for (const i of nonBlank) {
    if (i <= lastContent || !page.open(i)) continue;
    const t = page.text(i);
    if (words(t).length <= 4 && !/^[("“'‘«[]/u.test(t)) page.remove(i, 'navigation');
  }
  const start = page.bodyStart();
  for (const i of nonBlank) {
    if (!page.open(i) || (i >= start && i <= lastContent)) continue;
    const t = page.text(i);
    if (t.length <= 200 && /\p{L}(?:…|\.\.\.)$/u.test(t) && !hasSentencePunctuation(t.replace(/(?:…|\.\.\.)$/, ''))) page.remove(i, 'teaser');
  }
}

/** Headlines listed under a "Related articles" heading, up to the next running text. */
export function markRelatedLinkLists(page: Page): void {
  const { nonBlank } = page;
  for (let k = 0; k < nonBlank.length; k++) {
    const head = nonBlank[k]!;
    if (page.reasonOf(head) !== 'related links' || /[:»>|–—-]\s*\S/.test(page.text(head))) continue;
    const items: number[] = [];
    for (let j = k + 1; j < nonBlank.length; j++) {
      const i = nonBlank[j]!;
      const t = page.text(i);
      if (!page.open(i)) continue;
      if (t.length > 150 || endsSentence(t)) break;
      items.push(i);
    }
    // one line under "Related topics" at the top of a page is the headline, not a list
    if (items.length >= 2) for (const i of items) page.remove(i, 'related links');
  }
}
