/**
 * The article is one dense run of prose; menus, headline lists, teasers and footers stand
 * around it (jusText's and boilerpipe's text-density idea, read from the text's layout, since
 * steppe sees no HTML). Each open line is classed — prose, a bulleted or list-shaped line,
 * or short — the runs of prose that short lines join are scored by their text, and lines
 * far from the best run are page furniture.
 */
import type { Page } from './page.js';
import { findDate } from './dates.js';
import { endsSentence, hasSentencePunctuation, isProse, isTableRow, words } from './text.js';

/** "* Sports", "+ Teams o Baltimore", "- Two troops killed in …", "• Login": a list item. */
const BULLET = /^(?:[*+•·▪◦o]|[-–—](?=\s))\s+\S/u;

type Kind = 'prose' | 'list' | 'short';

/** How many lines a widget inside the article may take before the article counts as over. */
const MAX_GAP = 12;

/** The header of a reader's comment: a name, then a relative time ("Woyzeck 2 days ago"), a rating or vote count. */
const COMMENT_HEADER =
  /^(?:\S+\s+){0,4}\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|^Rating:\s*-?\d+|^(?:\S+\s+){0,4}\d+\s+(?:votes|likes|replies)\b/i;

function kindOf(text: string): Kind {
  // a teaser or a comment's header parts runs as a menu item does
  if (isGluedTeaser(text) || COMMENT_HEADER.test(text)) return 'list';
  // a bullet of a few words is a menu item; a longer one is a point the article makes
  if (BULLET.test(text)) return words(text).length <= 6 ? 'list' : isProse(text) ? 'prose' : 'short';
  // "Or even for great sex for one night.": a short sentence is text too
  if (isProse(text) || (endsSentence(text) && words(text).length >= 4 && /\p{Ll}/u.test(text))) return 'prose';
  return 'short';
}

interface Run {
  /** positions in the list of units */
  from: number;
  to: number;
  /** characters of prose in the run */
  weight: number;
}

/**
 * Marks the open lines outside the article's main run of prose. Short lines between prose
 * lines belong to the run (subheadings, captions); a stretch of list items or of many short
 * lines ends it. Runs nearly as heavy as the best, close to it, are the same article split
 * by a widget; lone prose elsewhere (a cookie notice, the site's blurb, comments) is not.
 */
export function markOutsideMainText(page: Page): number | undefined {
  const units = page.nonBlank.filter((i) => page.open(i));
  if (units.length < 8) return undefined; // an excerpt or a short note: nothing to choose between
  // a hard-wrapped line is of the kind of the paragraph it begins or continues
  const kinds = units.map((i) => kindOf(page.runOn(i)));
  // a table of figures (three rows or more) weighs as text
  for (let k = 0; k < units.length; k++) {
    if (!isTableRow(page.text(units[k]!))) continue;
    let end = k;
    while (end + 1 < units.length && isTableRow(page.text(units[end + 1]!))) end++;
    if (end - k >= 2) for (let j = k; j <= end; j++) kinds[j] = 'prose';
    k = end;
  }
  // "Dare to Play 3:" then its points: a list the text introduces is text
  for (let k = 1; k < units.length; k++) {
    if (!BULLET.test(page.text(units[k]!)) || words(page.text(units[k]!)).length < 4) continue;
    let intro = k - 1;
    while (intro > 0 && BULLET.test(page.text(units[intro]!))) intro--;
    if (/:$/.test(page.text(units[intro]!)) && units[k]! - units[intro]! <= 2 * (k - intro)) kinds[k] = 'prose';
  }
  const runs: Run[] = [];
  let current: Run | null = null;
  let gapBullets = 0;
  let gapShort = 0;
  let gapChars = 0;
  // a closing marker (share widget, copyright, comments heading) between two lines parts them
  const walls = page.nonBlank.filter((i) => {
    const st = page.status[i];
    return st?.kind === 'removed' && (st.terminator === true || st.reason === 'comments');
  });
  let w = 0;
  for (let k = 0; k < units.length; k++) {
    const kind = kinds[k]!;
    let walled = false;
    while (w < walls.length && walls[w]! < units[k]!) {
      walled = true;
      w++;
    }
    if (walled) current = null;
    if (kind === 'prose') {
      const text = page.text(units[k]!);
      // a comment's header ("Nick A 2 days ago at 07:47 am", "Rating: 36 Votes") weighs against its run
      const length = text.length;
      // a bulleted line between two stretches of prose ends the first: the headline of a teaser,
      // a menu; the points of the article's own lists read as prose (introduced, or sentences)
      if (current && gapBullets === 0 && gapShort <= 4 && gapChars <= 400) {
        current.to = k;
        current.weight += length;
      } else {
        current = { from: k, to: k, weight: length };
        runs.push(current);
      }
      gapShort = gapChars = gapBullets = 0;
    } else {
      // a menu item parts runs; so does a lone bulleted headline between summaries (teasers),
      // but not the points of a list the text runs through
      const bullet = BULLET.test(page.text(units[k]!));
      const inList = bullet && ((k > 0 && BULLET.test(page.text(units[k - 1]!))) || (k + 1 < units.length && BULLET.test(page.text(units[k + 1]!))));
      if (kind === 'list' || (bullet && !inList)) gapBullets++;
      else gapShort++;
      gapChars += page.text(units[k]!).length;
    }
  }
  if (runs.length === 0) return undefined;
  // readers' comments follow the article under their heading: prose there is not the article's
  const wall = page.nonBlank.find((i) => page.reasonOf(i) === 'comments' && runs.some((r) => units[r.to]! < i && r.weight >= 300));
  if (wall !== undefined) for (const r of runs) if (units[r.from]! > wall) r.weight *= 0.1;
  const best = runs.reduce((a, b) => (b.weight > a.weight ? b : a));
  // a prose page with no furniture to speak of: leave it to the other stages
  const total = units.reduce((n, i) => n + page.text(i).length, 0);
  if (best.weight >= total * 0.9) return undefined;
  // grow the span by runs of real weight a short way off it: the article resumes after a widget
  let [from, to] = [best.from, best.to];
  for (let grown = true; grown; ) {
    grown = false;
    for (const r of runs) {
      if (r.from >= from && r.to <= to) continue;
      const gap = r.to < from ? from - r.to : r.from - to;
      // the nearer a run, the less it must weigh: one heading's worth of gap, a short paragraph
      if (gap <= MAX_GAP && r.weight >= best.weight * 0.2 * Math.min(1, gap / 6)) {
        [from, to] = [Math.min(from, r.from), Math.max(to, r.to)];
        grown = true;
      }
    }
  }
  for (let k = 0; k < units.length; k++) {
    const i = units[k]!;
    if (k >= from && k <= to) {
      // inside the run a list of short items is still navigation (a menu the run straddles)
      if (kinds[k] === 'list' && (listStretch(kinds, k) >= 3 || !BULLET.test(page.text(i)))) page.remove(i, 'navigation');
      continue;
    }
    // above the run, headline, byline and date lines stay for the header stages
    if (k < from && kinds[k] === 'short' && !hasSentencePunctuation(page.text(i)) && from - k <= 6 && !listAbove(kinds, k)) continue;
    // just below it, a closing line (a sign-off, a signature) stays for the sign-off stage
    if (k > to && k - to <= 1 && kinds[k] === 'short' && page.text(i).length <= 120 && words(page.text(i)).length <= 12) continue;
    page.remove(i, k < from ? 'before the main text' : 'after the main text');
  }
  page.mainStart = units[from];
  return units[from];
}

/** Once the headline is known, what is left above it and above the main text is page chrome. */
export function markAboveHeadline(page: Page, mainStart: number | undefined, title: number | undefined): void {
  if (mainStart === undefined) return;
  const end = title ?? mainStart;
  for (const i of page.nonBlank) if (i < end && i < mainStart && page.open(i)) page.remove(i, 'before the main text');
}

/** How many list items stand together around position k. */
function listStretch(kinds: Kind[], k: number): number {
  let a = k;
  let b = k;
  while (a > 0 && kinds[a - 1] === 'list') a--;
  while (b < kinds.length - 1 && kinds[b + 1] === 'list') b++;
  return b - a + 1;
}

/** A short line just under a list is its last item or heading, not the page's headline block. */
function listAbove(kinds: Kind[], k: number): boolean {
  return k > 0 && kinds[k - 1] === 'list';
}

/** Names, then a date (a weekday may lead it), then the summary's first capital — in any language the calendar reads. */
function isTeaserByline(text: string): boolean {
  const head = text.slice(0, 90);
  const d = findDate(head);
  // a whole date: a year alone ("NEWS & COMMENTARY 2008 SPEAKERS 2007") is a menu's
  if (!d || d.value.length < 7 || d.index === 0 || !/^\s+\p{Lu}/u.test(text.slice(d.end))) return false;
  // the names (a weekday before the date reads as one more capitalised word)
  const names = head
    .slice(0, d.index)
    .replace(/[,\s]+$/, '')
    .split(/,?\s+(?:and\s+|&\s+)?/u);
  return names.length >= 1 && names.length <= 7 && names.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w));
}

/**
 * A teaser: a headline in title case glued to its summary without a space ("Tape Gaffe Ends
 * Hamlin's Title RunDenny Hamlin's championship run was foiled …").
 */
function isGluedTeaser(text: string): boolean {
  // "Tom Rogan Tuesday November 19, 2019 Beyond the partisan whirlwind …": a teaser's byline, date, summary
  if (isTeaserByline(text)) return true;
  // the glue follows a whole word ("OptionsThe", "Rise?Violence"), not a name's inner capital ("MacBook")
  const m = /^(.{12,160}?)(?<=\p{Ll}{3}|[?!.)”"'’])(?=\p{Lu}\p{Ll}+\s)/u.exec(text);
  if (!m || /\s$/.test(m[1]!)) return false;
  const head = words(m[1]!);
  const capitalised = head.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return head.length >= 4 && capitalised >= head.length * 0.6;
}
