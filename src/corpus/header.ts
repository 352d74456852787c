/**
 * The header stages: metadata lines (labelled fields, mastheads, bylines, date lines), the
 * headline, and section labels above it.
 */
import { findDate, labelledDate, standaloneDate } from './dates.js';
import { byline, cleanAuthor, isNameShape, isOrganisationShape, labelledField } from './metadata.js';
import { canonicalOutlet, outletsIn, type Outlets } from './outlets.js';
import type { Page } from './page.js';
import { endsSentence, hasSentencePunctuation, isProse, startsCapitalised, words } from './text.js';

export interface HeaderMeta {
  publisher?: string;
  masthead?: string;
  author?: string;
  /** an outlet named in the byline ("By RFE/RL's Kazakh Service") */
  byOutlet?: string;
  source?: string;
  /** a date labelled as the publication date */
  published?: string;
  /** a date in the byline or on a line of its own in the header */
  bylineDate?: string;
}

const meta = (page: Page, i: number, reason: string) => (page.status[i] = { kind: 'meta', reason });

/** Reads and marks the metadata lines: "Publisher …", "Author …", "Publication Date …", bylines, mastheads. */
export function readMetadataLines(page: Page, outlets: Outlets, latest?: Date): HeaderMeta {
  const found: HeaderMeta = {};
  const headerEnd = page.bodyStart();
  for (const i of page.nonBlank) {
    if (!page.open(i)) continue;
    const t = page.text(i);
    const field = labelledField(t);
    if (field?.field === 'author') {
      const author = cleanAuthor(field.value, latest);
      if (author) {
        found.author ??= author;
        meta(page, i, 'metadata');
        continue;
      }
    } else if (field?.field === 'publisher' && (canonicalOutlet(outlets, field.value) || isOrganisationShape(field.value))) {
      found.publisher ??= canonicalOutlet(outlets, field.value) ?? field.value;
      meta(page, i, 'metadata');
      continue;
    } else if (field?.field === 'source' && /^(?:source|источник)\s*:/i.test(t)) {
      found.source ??= canonicalOutlet(outlets, field.value) ?? field.value;
      meta(page, i, 'metadata');
      continue;
    }
    const labelled = labelledDate(t, latest);
    if (labelled) {
      found.published ??= labelled.value;
      // a label glued to the running text ("date 2021-08-23 MOSCOW, August 23. /TASS/. …"):
      // the label and its date come off, the text stays
      if (isProse(labelled.rest)) page.lines[i]!.text = labelled.rest;
      else meta(page, i, 'metadata');
      continue;
    }
    if (i >= headerEnd) continue;
    // an outlet the list does not know counts only as the page's first line, where mastheads stand
    const masthead = canonicalOutlet(outlets, t) ?? (i === page.nonBlank[0] ? unknownMasthead(outlets, t) : null);
    if (masthead) {
      found.masthead ??= masthead;
      meta(page, i, 'masthead');
      continue;
    }
    const author = byline(t, latest);
    const isBy = /^(?:[Bb]y|[Ww]ritten by|[Rr]eported by)\s/.test(t);
    const byOutlet = isBy ? outletsIn(outlets, t)[0]?.name : undefined;
    // "By Staff Reporter", "By RFE/RL's Kazakh Service": a byline even when it names no person
    const deskByline = isBy && /^\S+(?:\s+by)?\s+\p{Lu}/u.test(t) && t.length <= 100 && !endsSentence(t);
    if (author || byOutlet || deskByline) {
      if (author) found.author ??= author;
      found.byOutlet ??= byOutlet;
      found.bylineDate ??= findDate(t, latest)?.value;
      meta(page, i, 'byline');
      continue;
    }
    const date = standaloneDate(t, latest);
    if (date) {
      found.bylineDate ??= date;
      meta(page, i, 'date line');
    }
  }
  return found;
}

/**
 * A masthead of an outlet not in the list: a short line of capitalised words ending like a
 * news outlet's name ("The Moscow Times", "Central Asia Daily News").
 */
function unknownMasthead(outlets: Outlets, line: string): string | null {
  const ws = line.split(/\s+/);
  if (ws.length < 2 || ws.length > 5 || hasSentencePunctuation(line) || !isOrganisationShape(line)) return null;
  return outlets.nameSuffixes.includes(ws[ws.length - 1]!) ? line : null;
}

/**
 * The headline: the first short, unpunctuated line above the running text with three words
 * or more (else two); short labels above it name the section ("World", "World: Asia-Pacific").
 */
export function pickTitle(page: Page): { index: number | undefined; label: string[] } {
  const start = page.bodyStart();
  const candidates = page.nonBlank.filter((i) => i < start && page.open(i) && isTitleLine(page, i));
  const index = candidates.find((i) => words(page.text(i)).length >= 3) ?? candidates[0];
  let label: string[] = [];
  if (index !== undefined) page.status[index] = { kind: 'title' };
  // with no headline, labels run up to the body: "Uzbekistan" above "Tashkent (UzDaily) -- …"
  const end = index ?? start;
  for (const i of page.nonBlank) {
    if (i >= end) break;
    const t = page.text(i);
    if (page.open(i) && words(t).length <= 4 && !hasSentencePunctuation(t)) {
      page.remove(i, 'section label');
      label = t.split(/\s*[:>»›|/]\s*/).filter(Boolean);
    }
  }
  return { index, label };
}

/**
 * A headline: 2–25 words, no closing full stop or comma, capitalised, not a date, not a
 * section trail, standing as a line of its own rather than the first line of a wrapped paragraph.
 */
function isTitleLine(page: Page, i: number): boolean {
  const t = page.text(i);
  const n = words(t).length;
  if (n < 2 || n > 25 || t.length > 200) return false;
  if (/[.,;:]$/.test(t) && !/(?:\.\.\.|…)$/.test(t)) return false;
  // "Security | Central Asia": a section trail, not a headline
  const items = t.split(/\s+[|>»›/]\s+/);
  if (items.length >= 2 && items.every((x) => words(x).length <= 4)) return false;
  if (!startsCapitalised(t) || (findDate(t) && standaloneDate(t))) return false;
  if (isNameShape(t) && n <= 3) return false; // a lone name is a byline, not a headline
  const next = page.lines[i + 1];
  if (next && next.text !== '' && page.open(i + 1) && /^[\p{Ll}(]/u.test(next.text)) return false;
  return true;
}
