/**
 * One raw document → one Article. Every non-blank source line ends up in exactly one place:
 * the title, a paragraph, or `removed` with the rule that took it out.
 */
import { createHash } from 'node:crypto';
import { findBreadcrumb } from './breadcrumb.js';
import { findDate, labelledPublicationDate, standaloneDate } from './dates.js';
import { agencyOutlet, byline, cleanAuthor, creditedOutlet, dateline, interviewingOutlet, isNameShape, labelledField } from './metadata.js';
import { canonicalOutlet, defaultOutlets, outletsIn, type Outlets } from './outlets.js';
import { dropRepeats, isHardWrapped, joinBlock, stripDebris, type Paragraph } from './paragraphs.js';
import { NO_LINE_STATS, type LineStats } from './repeated.js';
import { matchLineRule } from './rules.js';
import { isSpam, vocabulary } from './spam.js';
import { endsSentence, escapeRegExp, hasSentencePunctuation, isProse, lineKey, startsCapitalised, toLines, words, type Line } from './text.js';
import type { Article, RemovedLine, SourceText } from './types.js';

export interface ParseOptions {
  outlets?: Outlets;
  /** cross-document line frequencies of the batch this document came in */
  stats?: LineStats;
  /** dates after this are implausible as publication dates */
  latest?: Date;
}

const HEADER_LINES = 40;

type Status =
  | { kind: 'removed'; reason: string; terminator?: boolean }
  | { kind: 'meta'; reason: string }
  | { kind: 'title' };

export function parseArticle(src: SourceText, options: ParseOptions = {}): Article {
  const outlets = options.outlets ?? defaultOutlets();
  const stats = options.stats ?? NO_LINE_STATS;
  const latest = options.latest;
  const lines = toLines(src.text);
  const status: (Status | undefined)[] = new Array(lines.length);
  const nonBlank = lines.map((_, i) => i).filter((i) => lines[i]!.text !== '');
  const open = (i: number) => status[i] === undefined;
  const text = (i: number) => lines[i]!.text;

  // 1. breadcrumb trail → section
  const crumb = findBreadcrumb(lines);
  for (const i of crumb?.lines ?? []) status[i] = { kind: 'removed', reason: 'breadcrumb' };

  // 2. lines that announce themselves: stamps, share widgets, donation appeals …
  for (const i of nonBlank) {
    if (!open(i)) continue;
    const rule = matchLineRule(text(i));
    if (rule) status[i] = { kind: 'removed', reason: rule.reason, terminator: rule.terminator };
  }

  // 3. metadata lines: "Publisher …", "Author …", "Publication Date …", bylines, date lines
  const meta: { publisher?: string; masthead?: string; author?: string; byOutlet?: string; source?: string; published?: string; bylineDate?: string } = {};
  // The header zone — headline, byline, dates — ends at the first running text, and within
  // the first lines of the page: metadata is not looked for in the middle of a long list.
  const headerLimit = nonBlank[HEADER_LINES] ?? lines.length;
  const firstProse = () => Math.min(headerLimit, nonBlank.find((i) => open(i) && isProse(text(i))) ?? lines.length);
  const headerEnd = firstProse();
  for (const i of nonBlank) {
    if (!open(i)) continue;
    const t = text(i);
    const field = labelledField(t);
    if (field?.field === 'author') {
      const author = cleanAuthor(field.value, latest);
      if (author) {
        meta.author ??= author;
        status[i] = { kind: 'meta', reason: 'metadata' };
        continue;
      }
    } else if (field?.field === 'publisher' && (canonicalOutlet(outlets, field.value) || isNameShapeLoose(field.value))) {
      meta.publisher ??= canonicalOutlet(outlets, field.value) ?? field.value;
      status[i] = { kind: 'meta', reason: 'metadata' };
      continue;
    } else if (field?.field === 'source' && /^(?:source|источник)\s*:/i.test(t)) {
      meta.source ??= canonicalOutlet(outlets, field.value) ?? field.value;
      status[i] = { kind: 'meta', reason: 'metadata' };
      continue;
    }
    const labelled = labelledPublicationDate(t, latest);
    if (labelled) {
      meta.published ??= labelled;
      status[i] = { kind: 'meta', reason: 'metadata' };
      continue;
    }
    if (i < headerEnd) {
      const masthead = canonicalOutlet(outlets, t);
      if (masthead) {
        meta.masthead ??= masthead;
        status[i] = { kind: 'meta', reason: 'masthead' };
        continue;
      }
      const author = byline(t, latest);
      const byOutlet = /^(?:by|written by|reported by)\s/i.test(t) ? outletsIn(outlets, t)[0]?.name : undefined;
      // "By Staff Reporter", "By RFE/RL's Kazakh Service": a byline even when it names no person
      const deskByline = /^(?:[Bb]y|[Ww]ritten by|[Rr]eported by)\s+\p{Lu}/u.test(t) && t.length <= 100 && !endsSentence(t);
      if (author || byOutlet || deskByline) {
        if (author) meta.author ??= author;
        meta.byOutlet ??= byOutlet;
        meta.bylineDate ??= findDate(t, latest)?.value;
        status[i] = { kind: 'meta', reason: 'byline' };
        continue;
      }
      const date = standaloneDate(t, latest);
      if (date) {
        meta.bylineDate ??= date;
        status[i] = { kind: 'meta', reason: 'date line' };
      }
    }
  }

  // 4. SEO spam: keyword strings with no sentence structure, off the article's topic
  const vocab = vocabulary(nonBlank.map(text));
  for (const i of nonBlank) if (open(i) && isSpam(text(i), vocab)) status[i] = { kind: 'removed', reason: 'spam' };

  // 5. template lines shared with other documents, where they touch the top or bottom of the page
  const removable = (i: number) => !open(i) || stats.repeated.has(lineKey(text(i)));
  const markRepeated = (i: number) => {
    if (open(i)) status[i] = { kind: 'removed', reason: 'repeated across documents' };
  };
  for (let k = nonBlank.length - 1; k >= 0 && removable(nonBlank[k]!); k--) markRepeated(nonBlank[k]!);
  for (let k = 0; k < nonBlank.length && removable(nonBlank[k]!); k++) {
    if (status[nonBlank[k]!]?.kind === 'meta') continue;
    markRepeated(nonBlank[k]!);
  }
  for (const i of nonBlank) if (open(i) && text(i).length < 100 && stats.frequent.has(lineKey(text(i)))) markRepeated(i);
  // Repetition never takes the whole story: if no running text is left, it was not template.
  if (!nonBlank.some((i) => open(i) && isProse(text(i)))) {
    for (const i of nonBlank) if (status[i]?.kind === 'removed' && (status[i] as { reason: string }).reason === 'repeated across documents') status[i] = undefined;
  }

  // 6. the end of the article: after a closing marker ("Share this article", "©", a donation
  //    appeal) in the second half of the page, the rest is page furniture
  const start = firstProse();
  const total = nonBlank.reduce((n, i) => n + text(i).length, 0);
  let seen = 0;
  let ended = false;
  for (const i of nonBlank) {
    const s = status[i];
    if (ended) {
      if (open(i)) status[i] = { kind: 'removed', reason: 'after end of article' };
    } else if (i > start && s?.kind === 'removed' && s.terminator && seen >= total * 0.5) ended = true;
    seen += text(i).length;
  }

  // 7. short unpunctuated lines and teasers after the last paragraph of text: menus, links
  const isContent = (i: number) => open(i) && (hasSentencePunctuation(text(i)) || text(i).length >= 70);
  const lastContent = [...nonBlank].reverse().find(isContent) ?? -1;
  for (const i of nonBlank) {
    if (i <= lastContent || !open(i)) continue;
    const t = text(i);
    if (words(t).length <= 4 && !/^[("“'‘«\[]/u.test(t)) status[i] = { kind: 'removed', reason: 'navigation' };
  }
  const proseStart = firstProse();
  for (const i of nonBlank) {
    if (!open(i)) continue;
    const t = text(i);
    const outsideBody = i < proseStart || i > lastContent;
    if (outsideBody && t.length <= 200 && /\p{L}(?:…|\.\.\.)$/u.test(t) && !hasSentencePunctuation(t.replace(/(?:…|\.\.\.)$/, ''))) {
      status[i] = { kind: 'removed', reason: 'teaser' };
    }
  }
  markRelatedLinkLists(lines, nonBlank, status);

  // 8. the headline: the first short, unpunctuated line above the running text
  const bodyStart = firstProse();
  // a two-word line above a longer one is a section label or masthead ("World: Asia-Pacific")
  const candidates = nonBlank.filter((i) => i < bodyStart && open(i) && isTitleLine(lines, i, status));
  const titleIndex = candidates.find((i) => words(text(i)).length >= 3) ?? candidates[0];
  if (titleIndex !== undefined) status[titleIndex] = { kind: 'title' };
  // short labels above the headline name its section ("World", "World: Asia-Pacific")
  let label: string[] = [];
  for (const i of nonBlank) {
    if (titleIndex === undefined || i >= titleIndex) break;
    if (open(i) && words(text(i)).length <= 4 && !hasSentencePunctuation(text(i))) {
      status[i] = { kind: 'removed', reason: 'section label' };
      label = text(i).split(/\s*[:>»›|/]\s*/).filter(Boolean);
    }
  }

  // 9. paragraphs
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (open(i) && text(i) !== '') current.push(lines[i]!);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
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
  const bio = new RegExp(`^(?:${[meta.author?.split(', ')[0], 'The author', 'The writer'].filter(Boolean).map((s) => escapeRegExp(s!)).join('|')})\\s(?:is|was|has been|serves as|works as|writes)\\b`, 'i');
  while (kept.length > 1 && kept[kept.length - 1]!.text.length < 400 && bio.test(kept[kept.length - 1]!.text)) {
    const p = kept.pop()!;
    removed.push({ line: p.line, text: p.text, reason: 'author bio' });
  }
  const paragraphs = kept.map((p) => p.text);

  for (const i of nonBlank) {
    const s = status[i];
    if (s && s.kind !== 'title') removed.push({ line: lines[i]!.no, text: text(i), reason: s.reason });
  }
  removed.sort((a, b) => a.line - b.line);

  // 10. metadata from the text itself
  const title = titleIndex === undefined ? null : text(titleIndex);
  const dl = paragraphs[0] ? dateline(paragraphs[0]) : null;
  const datelineDate = dl?.dateText ? findDate(dl.dateText, latest)?.value ?? null : null;
  const credited = nonBlank
    .filter((i) => status[i]?.kind === 'removed' && /credit line|copyright/.test((status[i] as { reason: string }).reason))
    .map((i) => creditedOutlet(outlets, text(i)))
    .find((o): o is string => o !== null);
  const agency = dl?.agency ? agencyOutlet(outlets, dl.agency) : null;
  const publisher = meta.publisher ?? credited ?? meta.masthead ?? agency ?? meta.byOutlet ?? meta.source ?? interviewingOutlet(outlets, paragraphs) ?? null;

  return {
    id: articleId(paragraphs, src.text),
    file: src.file,
    title,
    publisher,
    author: meta.author ?? null,
    published: meta.published ?? meta.bylineDate ?? datelineDate ?? null,
    section: crumb ? dropTitleCrumb(crumb.section, title) : label,
    dateline: dl?.place ?? null,
    paragraphs,
    removed,
    mentions: [],
    duplicateOf: null,
  };
}

/** A publisher value written as an organisation's name: capitalised words, not a sentence. */
function isNameShapeLoose(s: string): boolean {
  return s.length <= 100 && !endsSentence(s) && startsCapitalised(s) && words(s).length <= 10;
}

/**
 * A headline: 2–25 words, no closing full stop or comma, capitalised, not a date, standing as
 * a line of its own rather than the first line of a wrapped paragraph.
 */
function isTitleLine(lines: Line[], i: number, status: (Status | undefined)[]): boolean {
  const t = lines[i]!.text;
  const n = words(t).length;
  if (n < 2 || n > 25 || t.length > 200) return false;
  if (/[.,;:]$/.test(t) && !/(?:\.\.\.|…)$/.test(t)) return false;
  // "Security | Central Asia": a section trail, not a headline
  const items = t.split(/\s+[|>»›/]\s+/);
  if (items.length >= 2 && items.every((x) => words(x).length <= 4)) return false;
  if (!startsCapitalised(t) || findDate(t) && standaloneDate(t)) return false;
  if (isNameShape(t) && n <= 3) return false; // a lone name is a byline, not a headline
  const next = lines[i + 1];
  if (next && next.text !== '' && status[i + 1] === undefined && /^[\p{Ll}(]/u.test(next.text)) return false;
  return true;
}

/**
 * Lists of headlines under a "Related articles" / "Read more" heading: the short lines that
 * follow it, up to the next running text.
 */
function markRelatedLinkLists(lines: Line[], nonBlank: number[], status: (Status | undefined)[]): void {
  for (let k = 0; k < nonBlank.length; k++) {
    const s = status[nonBlank[k]!];
    if (s?.kind !== 'removed' || s.reason !== 'related links' || /[:»>|–—-]\s*\S/.test(lines[nonBlank[k]!]!.text)) continue;
    for (let j = k + 1; j < nonBlank.length; j++) {
      const i = nonBlank[j]!;
      const t = lines[i]!.text;
      if (status[i] !== undefined) continue;
      if (t.length > 150 || endsSentence(t)) break;
      status[i] = { kind: 'removed', reason: 'related links' };
    }
  }
}

function dropTitleCrumb(section: string[], title: string | null): string[] {
  if (title && section.length > 0 && section[section.length - 1]!.toLowerCase() === title.toLowerCase()) return section.slice(0, -1);
  return section;
}

/** Short hash of the cleaned text, so that the same article gets the same id wherever it comes from. */
export function articleId(paragraphs: string[], fallback: string): string {
  const basis = paragraphs.length ? paragraphs.join('\n').replace(/\s+/g, ' ') : fallback.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(basis, 'utf8').digest('hex').slice(0, 12);
}
