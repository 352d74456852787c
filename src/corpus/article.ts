/**
 * One raw document → one Article. The stages run in order over a Page; every non-blank
 * source line ends up in exactly one place: the title, a paragraph, or `removed` with the
 * rule that took it out.
 */
import { createHash } from 'node:crypto';
import { markAuthorBox } from './authorBox.js';
import { buildParagraphs } from './body.js';
import { markAfterEnd, markCaptions, markEdges, markRelatedLinkLists, markRepeated, markRuleLines, markSpam } from './boilerplate.js';
import { findBreadcrumb } from './breadcrumb.js';
import { markAboveHeadline, markOutsideMainText } from './mainText.js';
import { findDate } from './dates.js';
import { pickTitle, readMetadataLines, type Found, type HeaderMeta, type Title } from './header.js';
import {
  agencyOutlet,
  creditedOutlet,
  dateline,
  interviewingOutlet,
  isOrganisationShape,
  reportingOutlet,
  signOff,
  type Dateline,
  type SignOff,
} from './metadata.js';
import { defaultOutlets, outletsIn, type Outlets } from './outlets.js';
import { Page } from './page.js';
import { NO_LINE_STATS, type LineStats } from './repeated.js';
import { oneSpaced } from './text.js';
import type { Article, SourceText } from './types.js';
import { isWebAddress } from './validate.js';

export interface ParseOptions {
  outlets?: Outlets;
  /** cross-document line frequencies of the batch this document came in */
  stats?: LineStats;
  /** dates after this are implausible as publication dates */
  latest?: Date;
  /** told, per document, why each metadata field has its value (`steppe parse --verbose`) */
  explain?: (file: string, reasons: Reasons) => void;
}

/** Why a metadata field has its value: the rule and the source line (1-based), for `parse --verbose`. */
export type Reasons = Partial<Record<'title' | 'publisher' | 'author' | 'published', { rule: string; line: number | null; text: string }>>;

export function parseArticle(src: SourceText, options: ParseOptions = {}): Article {
  const { article, reasons } = parseArticleExplained(src, options);
  options.explain?.(src.file, reasons);
  return article;
}

export function parseArticleExplained(src: SourceText, options: ParseOptions = {}): { article: Article; reasons: Reasons } {
  const outlets = options.outlets ?? defaultOutlets();
  const { latest } = options;
  const page = new Page(src.text);

  const crumb = findBreadcrumb(page.lines);
  for (const i of crumb?.lines ?? []) page.remove(i, 'breadcrumb');
  markRuleLines(page);
  markCaptions(page, outlets);
  const meta = readMetadataLines(page, outlets, latest);
  markSpam(page);
  markRepeated(page, options.stats ?? NO_LINE_STATS);
  markAfterEnd(page);
  const boxAuthor = markAuthorBox(page);
  markEdges(page);
  markRelatedLinkLists(page);
  const mainStart = markOutsideMainText(page);
  // with the page chrome gone the header is where the article begins: read it again
  if (mainStart !== undefined) readMetadataLines(page, outlets, latest, meta);
  const title = pickTitle(page, outlets, latest);
  markAboveHeadline(page, mainStart, title.index);
  // the headline printed again above the text (a second template block) is not text
  if (title.index !== undefined) {
    const again = page.nonBlank.find((i) => i > title.index! && page.open(i) && page.text(i) === page.text(title.index!));
    if (again !== undefined) page.remove(again, 'repeated headline');
  }
  const body = buildParagraphs(page, meta.author?.value);
  const { paragraphs } = body;

  const removed = [...body.removed];
  for (const i of page.nonBlank) {
    const reason = page.reasonOf(i);
    if (reason) removed.push({ line: page.lines[i]!.no, text: page.text(i), reason });
  }

  const reasons: Reasons = {};
  const lineOf = (index: number) => page.lines[index]!;
  // index -1: the evidence is not one page line (a paragraph, a sign-off)
  const because = (rule: string, index: number, text = '') =>
    index < 0 ? { rule, line: null, text } : { rule, line: lineOf(index).no, text: lineOf(index).text };

  // the dateline opens the running text, which a standfirst or two may precede
  const dlAt = paragraphs.slice(0, 3).findIndex((p) => dateline(p) !== null);
  const dl = dlAt < 0 ? null : dateline(paragraphs[dlAt]!);
  const dlLine = dlAt < 0 ? null : body.lines[dlAt]!;
  // the closing line that names who sent the story; it is a credit, not text
  let last = paragraphs.length > 1 ? signOff(outlets, paragraphs[paragraphs.length - 1]!, latest) : null;
  if (last) {
    removed.push({ line: body.lines[paragraphs.length - 1]!, text: paragraphs[paragraphs.length - 1]!, reason: 'sign-off' });
    paragraphs.pop();
  } else if (paragraphs.length > 0) {
    // "… groups China, Russia … and Uzbekistan. (Xinhua News Agency September 22, 2006)": joined onto the last paragraph
    const end = paragraphs.length - 1;
    const aside = /(?<=[.!?"”»])\s+(\([^()]{3,110}\))$/u.exec(paragraphs[end]!);
    last = aside ? signOff(outlets, aside[1]!, latest) : null;
    if (last && aside) {
      removed.push({ line: body.lines[end]!, text: aside[1]!, reason: 'sign-off' });
      paragraphs[end] = paragraphs[end]!.slice(0, aside.index);
    }
  }
  removed.sort((a, b) => a.line - b.line);

  const publisher = choosePublisher(page, meta, title, dl, last, outlets, paragraphs);
  if (publisher)
    reasons.publisher =
      publisher.rule === 'dateline agency'
        ? { rule: publisher.rule, line: dlLine, text: paragraphs[dlAt] ?? '' }
        : because(publisher.rule, publisher.index, publisher.value);
  const author =
    meta.author ??
    (title.author ? { value: title.author, rule: 'byline glued to the headline', index: title.index! } : undefined) ??
    (dl?.reporter ? { value: dl.reporter, rule: 'reporter in the dateline', index: -1 } : undefined) ??
    (last?.author ? { value: last.author, rule: last.rule, index: -1 } : undefined) ??
    (boxAuthor ? { value: boxAuthor, rule: 'author box', index: -1 } : undefined);
  if (author) reasons.author = because(author.rule, author.index, author.value);
  const date = chooseDate(page, meta, title, dl, last, latest);
  if (date)
    reasons.published =
      date.rule === 'dateline date' ? { rule: date.rule, line: dlLine, text: paragraphs[dlAt] ?? '' } : because(date.rule, date.index, date.value);
  if (title.index !== undefined) reasons.title = because(title.rule, title.index);

  const article: Article = {
    id: articleId(paragraphs, src.text),
    file: src.file,
    title: title.text,
    publisher: publisher?.value ?? null,
    author: author?.value ?? null,
    published: date?.value ?? null,
    section: crumb ? dropTitleCrumb(crumb.section, title.text) : title.label,
    dateline: dl?.place ?? null,
    paragraphs,
    removed,
    mentions: [],
    duplicateOf: null,
    ...(meta.url && isWebAddress(meta.url.value) ? { url: meta.url.value } : {}),
  };
  return { article, reasons };
}

/** Where each kind of evidence ranks: what the page says outright first, what it implies last. */
function choosePublisher(
  page: Page,
  meta: HeaderMeta,
  title: Title,
  dl: Dateline | null,
  last: SignOff | null,
  outlets: Outlets,
  paragraphs: string[],
): Found | null {
  const fromLines = (reasons: RegExp, read: (text: string) => string | null, rule: string): Found | null => {
    for (const i of page.nonBlank) {
      if (!reasons.test(page.reasonOf(i) ?? '')) continue;
      const value = read(page.text(i));
      if (value) return { value, rule, index: i };
    }
    return null;
  };
  // an agency steppe does not know counts when it is written as a name ("Радио Sputnik")
  const agency = dl?.agency ? (agencyOutlet(outlets, dl.agency) ?? (!dl.wire && isOrganisationShape(dl.agency) ? dl.agency : null)) : null;
  // the outlet's own prompts: "Подписывайтесь на Sputnik в Дзен", "Support Eurasianet"
  const ownPrompt = (text: string) => {
    const named = outletsIn(outlets, text);
    return named.length > 0 && named.every((n) => n.name === named[0]!.name) ? named[0]!.name : null;
  };
  const credited = fromLines(/^(?:credit line|copyright)$/, (t) => creditedOutlet(outlets, t), 'credit or copyright line');
  const interviewing = interviewingOutlet(outlets, paragraphs);
  const reporting = reportingOutlet(outlets, paragraphs);
  return (
    meta.publisher ??
    (credited && outlets.byAlias.has(credited.value.toLowerCase()) ? credited : null) ??
    meta.masthead ??
    (title.site ? { value: title.site, rule: 'site name after the headline', index: title.index! } : null) ??
    (agency ? { value: agency, rule: 'dateline agency', index: -1 } : null) ??
    // a name steppe does not know in a copyright line is often the host's, not the story's
    credited ??
    meta.byOutlet ??
    meta.source ??
    (last?.publisher ? { value: last.publisher, rule: last.rule, index: -1 } : null) ??
    (reporting ? { value: reporting, rule: 'the outlet the opening credits with the report', index: -1 } : null) ??
    fromLines(/^(?:subscribe prompt|donation appeal)$/, ownPrompt, "the outlet's own subscribe or donation prompt") ??
    (interviewing ? { value: interviewing, rule: 'the outlet a source spoke to', index: -1 } : null)
  );
}

/**
 * A labelled date first; else the date standing nearest the headline (a crawl-time clock stands
 * further up, in the page chrome), never one later than the page's "updated" stamp; else the
 * dateline's, the headline's own, or the sign-off's.
 */
function chooseDate(page: Page, meta: HeaderMeta, title: Title, dl: Dateline | null, last: SignOff | null, latest?: Date): Found | null {
  if (meta.published) return meta.published;
  const plausible = meta.dates.filter((d) => !meta.updated || d.value.slice(0, meta.updated.length) <= meta.updated);
  const anchor = title.index ?? page.bodyStart();
  const position = (i: number) => page.nonBlank.indexOf(i);
  const at = position(anchor) < 0 ? page.nonBlank.findIndex((i) => i >= anchor) : position(anchor);
  let best: Found | null = null;
  let bestDistance = Infinity;
  for (const d of plausible) {
    // after the headline a little nearer than before it: the byline block follows the headline
    const distance = Math.abs(position(d.index) - at) - (d.index > anchor ? 0.5 : 0);
    if (distance < bestDistance) [best, bestDistance] = [d, distance];
  }
  if (best && bestDistance <= 4) return best;
  const dlDate = dl?.dateText ? findDate(dl.dateText, latest)?.value : undefined;
  if (dlDate && /^\d{4}-\d\d/.test(dlDate)) return { value: dlDate, rule: 'dateline date', index: -1 };
  if (title.date) return { value: title.date, rule: 'date glued to the headline', index: title.index! };
  if (last?.date) return { value: last.date, rule: 'sign-off date', index: -1 };
  return best ?? (dlDate ? { value: dlDate, rule: 'dateline date', index: -1 } : null);
}

function dropTitleCrumb(section: string[], title: string | null): string[] {
  if (title && section.length > 0 && section[section.length - 1]!.toLowerCase() === title.toLowerCase()) return section.slice(0, -1);
  return section;
}

/** Short hash of the cleaned text, so that the same article gets the same id wherever it comes from. */
export function articleId(paragraphs: string[], fallback: string): string {
  const basis = paragraphs.length ? oneSpaced(paragraphs.join('\n')) : oneSpaced(fallback).trim();
  return createHash('sha256').update(basis, 'utf8').digest('hex').slice(0, 12);
}
