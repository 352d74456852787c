/**
 * One raw document → one Article. The stages run in order over a Page; every non-blank
 * source line ends up in exactly one place: the title, a paragraph, or `removed` with the
 * rule that took it out.
 */
import { createHash } from 'node:crypto';
import { buildParagraphs } from './body.js';
import { markAfterEnd, markEdges, markRelatedLinkLists, markRepeated, markRuleLines, markSpam } from './boilerplate.js';
import { findBreadcrumb } from './breadcrumb.js';
import { findDate } from './dates.js';
import { pickTitle, readMetadataLines } from './header.js';
import { agencyOutlet, creditedOutlet, dateline, interviewingOutlet, isOrganisationShape } from './metadata.js';
import { defaultOutlets, type Outlets } from './outlets.js';
import { Page } from './page.js';
import { NO_LINE_STATS, type LineStats } from './repeated.js';
import type { Article, SourceText } from './types.js';

export interface ParseOptions {
  outlets?: Outlets;
  /** cross-document line frequencies of the batch this document came in */
  stats?: LineStats;
  /** dates after this are implausible as publication dates */
  latest?: Date;
}

export function parseArticle(src: SourceText, options: ParseOptions = {}): Article {
  const outlets = options.outlets ?? defaultOutlets();
  const page = new Page(src.text);

  const crumb = findBreadcrumb(page.lines);
  for (const i of crumb?.lines ?? []) page.remove(i, 'breadcrumb');
  markRuleLines(page);
  const meta = readMetadataLines(page, outlets, options.latest);
  markSpam(page);
  markRepeated(page, options.stats ?? NO_LINE_STATS);
  markAfterEnd(page);
  markEdges(page);
  markRelatedLinkLists(page);
  const title = pickTitle(page);
  const body = buildParagraphs(page, meta.author);
  const { paragraphs } = body;

  const removed = [...body.removed];
  for (const i of page.nonBlank) {
    const reason = page.reasonOf(i);
    if (reason) removed.push({ line: page.lines[i]!.no, text: page.text(i), reason });
  }
  removed.sort((a, b) => a.line - b.line);

  const titleText = title.index === undefined ? null : page.text(title.index);
  // the dateline opens the running text, which a standfirst or two may precede
  const dl = paragraphs.slice(0, 3).map(dateline).find((d) => d !== null) ?? null;
  const credited = page.nonBlank
    .filter((i) => /^(?:credit line|copyright)$/.test(page.reasonOf(i) ?? ''))
    .map((i) => creditedOutlet(outlets, page.text(i)))
    .find((o): o is string => o !== null);
  // an agency steppe does not know counts when it is written as a name ("Радио Sputnik")
  const agency = dl?.agency ? (agencyOutlet(outlets, dl.agency) ?? (!dl.wire && isOrganisationShape(dl.agency) ? dl.agency : null)) : null;

  return {
    id: articleId(paragraphs, src.text),
    file: src.file,
    title: titleText,
    publisher: meta.publisher ?? credited ?? meta.masthead ?? agency ?? meta.byOutlet ?? meta.source ?? interviewingOutlet(outlets, paragraphs) ?? null,
    author: meta.author ?? null,
    published: meta.published ?? meta.bylineDate ?? (dl?.dateText ? findDate(dl.dateText, options.latest)?.value : undefined) ?? null,
    section: crumb ? dropTitleCrumb(crumb.section, titleText) : title.label,
    dateline: dl?.place ?? null,
    paragraphs,
    removed,
    mentions: [],
    duplicateOf: null,
  };
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
