/**
 * The header stages: metadata lines (labelled fields, mastheads, bylines, date lines), the
 * headline, and section labels above it. Every value found keeps the rule and the line that
 * gave it, so that `steppe parse --verbose` can say why.
 */
import { isCalendarLine } from './calendar.js';
import { beforeUpdate, findDate, labelledDate, NOT_PUBLICATION, standaloneDate } from './dates.js';
import { byline, cleanAuthor, isNameShape, isOrganisationShape, labelledField } from './metadata.js';
import { canonicalOutlet, outletOrDomain, outletsIn, type Outlets } from './outlets.js';
import { HEADER_LINES, type Page } from './page.js';
import { endsSentence, hasSentencePunctuation, isProse, startsCapitalised, wordCount, words } from './text.js';

/** A value and where it came from: the rule and the page line (an index into page.lines). */
export interface Found {
  value: string;
  rule: string;
  index: number;
}

export interface HeaderMeta {
  publisher?: Found;
  masthead?: Found;
  author?: Found;
  /** an outlet named in the byline ("By RFE/RL's Kazakh Service") */
  byOutlet?: Found;
  source?: Found;
  /** a date labelled as the publication date */
  published?: Found;
  /** dates standing in the header (bylines, date lines, publication notes), in page order */
  dates: Found[];
  /** the date of an "updated" stamp: a clock later than it is not the publication date */
  updated?: string;
  /** the page's own address: a "URL:" line, or an address alone on the page's first line (as scrapers save pages) */
  url?: Found;
}

/** "URL: https://…", "Source URL: …", "Ссылка: …": the page's address, labelled. */
const URL_LINE =
  /^(?:(?:source |original |canonical |page )?(?:url|link)|canonical|permalink|ссылка|havola|链接|網址|网址|الرابط|پیوند)\s*[:：]\s*(https?:\/\/\S+)$/iu;
/**
 * "Source: https://…", "Источник: …": the page's address in its header; below the text such a
 * line names where a rewrite's text came from, another page.
 */
const SOURCE_URL_LINE = /^(?:source|источник|manba|来源|المصدر|منبع)\s*[:：]\s*(https?:\/\/\S+)$/iu;
/** An address alone on its line. */
const BARE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/i;

const meta = (page: Page, i: number, reason: string) => (page.status[i] = { kind: 'meta', reason });

/** "Author:", "Publication Date:": a label whose value the page put on the next line. */
const LABEL_ONLY = /^(?:[\p{L}][\p{L} ]{1,28}:|[Bb]y|[Aa]uthor|Автор)$/u;

/** "This material appeared in issue No. 1 of 10 January 2022": a note of when the text came out. */
const PUBLICATION_NOTE =
  /(?<![\p{L}])(?:published|appeared|вышел|вышла|опубликован[аоы]?|жарияланды|жарияланған|chop etilgan|e['’]lon qilingan|нашр шуд|yayınlandı|veröffentlicht|erschienen)(?![\p{L}])/iu;

/**
 * Reads and marks the metadata lines: "Publisher …", "Author …", "Publication Date …", bylines,
 * mastheads. Run again once the main text is known, it reads the header above it, adding only
 * what `found` lacks.
 */
export function readMetadataLines(page: Page, outlets: Outlets, latest?: Date, found: HeaderMeta = { dates: [] }): HeaderMeta {
  const headerEnd = page.bodyStart();
  const set = (key: 'publisher' | 'masthead' | 'author' | 'byOutlet' | 'source' | 'published', value: string | undefined, rule: string, index: number) => {
    if (value && !found[key]) found[key] = { value, rule, index };
  };
  const { nonBlank } = page;
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k]!;
    if (!page.open(i)) continue;
    let t = page.text(i);
    // a label alone on its line takes the next line as its value
    const next = nonBlank[k + 1];
    let joined: number | undefined;
    if (LABEL_ONLY.test(t) && next !== undefined && page.open(next) && page.text(next).length <= 100) {
      const combined = `${t} ${page.text(next)}`;
      if (labelledField(combined) || labelledDate(combined, latest) || /^by\s/i.test(combined)) {
        t = combined;
        joined = next;
      }
    }
    const take = (reason: string) => {
      meta(page, i, reason);
      if (joined !== undefined) meta(page, joined, reason);
    };
    // the page's address: labelled as its address anywhere, as its source in the header, or alone as its first line
    const address =
      URL_LINE.exec(t)?.[1] ?? (i < headerEnd ? SOURCE_URL_LINE.exec(t)?.[1] : undefined) ?? (i === nonBlank[0] ? BARE_URL.exec(t)?.[1] : undefined);
    if (address) {
      if (!found.url) found.url = { value: address, rule: 'url line', index: i };
      take('url');
      continue;
    }
    const field = labelledField(t);
    if (field?.field === 'author') {
      // "Author: REUTERS": an agency named as the byline is the author
      const author = cleanAuthor(field.value, latest) ?? canonicalOutlet(outlets, field.value) ?? undefined;
      if (author) {
        set('author', author, 'labelled author', i);
        take('metadata');
        continue;
      }
    } else if (field?.field === 'publisher' && (canonicalOutlet(outlets, field.value) || isOrganisationShape(field.value))) {
      set('publisher', canonicalOutlet(outlets, field.value) ?? field.value, 'labelled publisher', i);
      take('metadata');
      continue;
    } else if (field?.field === 'source' && /^(?:source|источник)\s*:/iu.test(t)) {
      set('source', canonicalOutlet(outlets, field.value) ?? field.value, 'labelled source', i);
      take('metadata');
      continue;
    }
    const labelled = labelledDate(t, latest);
    if (labelled) {
      set('published', labelled.value, 'labelled date', i);
      // a label glued to the running text ("date 2021-08-23 MOSCOW, August 23. /TASS/. …"):
      // the label and its date come off, the text stays
      if (joined === undefined && isProse(labelled.rest)) page.lines[i]!.text = labelled.rest;
      else take('metadata');
      continue;
    }
    if (NOT_PUBLICATION.test(t) && t.length <= 120) {
      const stamp = findDate(t.slice(NOT_PUBLICATION.exec(t)!.index), latest);
      if (stamp) found.updated ??= stamp.value;
    }
    // a line that is a known outlet's name alone is its masthead, above or just below the headline
    const known = k < HEADER_LINES ? outletOrDomain(outlets, t) : null;
    // a byline may stand below a standfirst that already reads as text
    const lateByline = /^(?:[Bb]y|[Ww]ritten by|[Rr]eported by)\s/.test(t) && nonBlank.slice(Math.max(0, k - 3), k).includes(headerEnd);
    if (i >= headerEnd && !known && !lateByline) continue;
    // an outlet the list does not know counts only as the page's first line, where mastheads stand
    const masthead = known ?? (i === nonBlank[0] ? unknownMasthead(outlets, t) : null);
    if (masthead) {
      set('masthead', masthead, 'masthead', i);
      meta(page, i, 'masthead');
      continue;
    }
    // "Сая Тауекелова" over "07 ноября 2022 года в 15:25": a name alone on the line above the date
    const nameAboveDate =
      next !== undefined && isNameShape(t) && words(t).length >= 2 && words(t).length <= 4 && standaloneDate(page.text(next), latest) !== null;
    const author = byline(t, latest) ?? (nameAboveDate ? t : null);
    const isBy = /^(?:[Bb]y|[Ww]ritten by|[Rr]eported by)\s/.test(t);
    const byOutlet = isBy ? outletsIn(outlets, t)[0]?.name : undefined;
    // "By Staff Reporter", "By RFE/RL's Kazakh Service": a byline even when it names no person
    const deskByline = isBy && /^\S+(?:\s+by)?\s+\p{Lu}/u.test(t) && t.length <= 100 && !endsSentence(t);
    if (author || byOutlet || deskByline) {
      set('author', author ?? undefined, 'byline', i);
      set('byOutlet', byOutlet, 'outlet in the byline', i);
      // "Written by Khaled Ahmed | Updated: December 14, 2019": not the date after the stamp
      const date = findDate(beforeUpdate(t) ?? '', latest);
      if (date) found.dates.push({ value: date.value, rule: 'byline date', index: i });
      take('byline');
      continue;
    }
    const inLine = isCalendarLine(t) || countedDateLine(t) ? findDate(t, latest)?.value : undefined;
    // a year alone ("1984") is a counter
    const date = standaloneDate(t, latest) ?? (inLine && inLine.length > 4 ? inLine : null);
    if (date) {
      found.dates.push({ value: date, rule: 'date line', index: i });
      meta(page, i, 'date line');
      continue;
    }
    if (t.length <= 120 && !isProse(t) && PUBLICATION_NOTE.test(t)) {
      const note = findDate(t, latest);
      if (note) {
        found.dates.push({ value: note.value, rule: 'publication note', index: i });
        meta(page, i, 'publication note');
      }
    }
  }
  return found;
}

/**
 * A date among counters and a section name: "Билік 1600 0 пікір 18 Шілде, 2021 сағат 19:17",
 * "June 25, 2022 1052": once the date, numbers and times are gone, at most three words and no sentence.
 */
function countedDateLine(line: string): boolean {
  if (line.length > 100 || hasSentencePunctuation(line)) return false;
  const d = findDate(line);
  if (!d || !/\d{4}/.test(line.slice(d.index, d.end))) return false;
  const around = line.slice(0, d.index) + ' ' + line.slice(d.end);
  // a counter or a clock beside the date, and little else
  return /\d/.test(around) && words(around.replace(/\d+(?:[:.]\d+)*/g, ' ')).length <= 3;
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

export interface Title {
  index: number | undefined;
  /** the headline as printed, without a date or a site name glued to it */
  text: string | null;
  label: string[];
  /** why this line: the rule */
  rule: string;
  /** a date glued to the headline ("[30.11.2011] …", "… 3 марта 2015, 09:12") */
  date?: string;
  /** a site named after the headline ("… – Avesta", "… | Reuters") */
  site?: string;
  /** a byline glued to the headline ("…TroopsBy Bruce Pannier") */
  author?: string;
}

/**
 * The headline: of the headline-shaped lines above the running text, the one nearest to it
 * (page chrome stands further up), unless an earlier one is echoed elsewhere on the page (a
 * `<title>`-like line, "Original title: …"); short labels above it name the section.
 */
export function pickTitle(page: Page, outlets: Outlets, latest?: Date): Title {
  const start = page.bodyStart();
  // the line under a photo credit is the photo's caption
  const credit = (i: number) =>
    page.reasonOf(i) === 'photo credit' || (page.reasonOf(i) === 'copyright' && /^©\s*(?:photo|фото|foto|сурет|surat)/iu.test(page.text(i)));
  const captions = new Set(page.nonBlank.filter((_, k) => k > 0 && credit(page.nonBlank[k - 1]!)));
  const candidates = page.nonBlank.filter((i) => i < start && page.open(i) && isTitleLine(page, i) && !captions.has(i));
  const full = candidates.filter((i) => wordCount(page.text(i)) >= 3);
  const echoed = candidates.filter((i) => isEchoed(page, i));
  let index = echoed[echoed.length - 1] ?? full[full.length - 1] ?? candidates[candidates.length - 1];
  let rule = index === undefined ? 'none' : echoed.includes(index) ? 'headline echoed on the page' : 'headline nearest the text';
  // a standfirst under the headline is headline-shaped too, and much longer: the line above it is the headline
  const above = index === undefined || echoed.length ? undefined : full[full.indexOf(index) - 1];
  if (index !== undefined && above !== undefined && page.nonBlank.indexOf(above) === page.nonBlank.indexOf(index) - 1) {
    const [a, b] = [page.text(above), page.text(index)];
    if (wordCount(a) >= 4 && b.length >= 60 && b.length >= 1.6 * a.length) [index, rule] = [above, 'headline above its standfirst'];
  }
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
  if (index === undefined) return { index, text: null, label, rule };
  return { index, label, rule, ...splitHeadline(page.text(index), outlets, latest) };
}

/** Another line of the page says the same headline: "X", "X - Site", "Original title: X". */
function isEchoed(page: Page, index: number): boolean {
  const t = page.text(index).toLowerCase();
  return page.nonBlank.some((i) => {
    if (i === index) return false;
    const other = page.text(i).toLowerCase();
    if (other === t) return true;
    const at = other.indexOf(t);
    if (at < 0 || other.length > t.length + 60) return false;
    const before = other.slice(0, at);
    const after = other.slice(at + t.length);
    return (/^\s*$|[:：]\s*$/u.test(before) && /^\s*(?:$|[-–—|:]\s)/u.test(after)) || (/\s[-–—|]\s*$/u.test(before) && after.trim() === '');
  });
}

/** Takes a date or a site name glued to a headline off it. */
export function splitHeadline(line: string, outlets: Outlets, latest?: Date): { text: string; date?: string; site?: string; author?: string } {
  let text = line;
  let date: string | undefined;
  let site: string | undefined;
  let author: string | undefined;
  // "Two Killed In Clash With TroopsBy Bruce Pannier": a byline glued to the headline
  const by = /(?<=[\p{Ll}\p{N}.!?"”’)])\s*By\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})$/u.exec(text);
  if (by && isNameShape(by[1]!) && words(text.slice(0, by.index)).length >= 3) {
    author = by[1]!;
    text = text.slice(0, by.index);
  }
  // "[08.07.2OO2] Title": a bracketed stamp, even one too mangled to read as a date
  text = text.replace(/^\[[\dO./-]{6,12}\]\s+(?=\S)/u, (stamp) => {
    date = findDate(stamp, latest)?.value;
    return '';
  });
  const d = date ? null : findDate(text, latest);
  if (d) {
    const before = text.slice(0, d.index);
    const after = text.slice(d.end);
    // "[30.11.2011] Title", "30.11.2011 | Title"
    if (/^[\s[(]*$/.test(before) && words(after).length >= 2) {
      date = d.value;
      text = after.replace(/^[\s\])|:–—-]+/u, '');
    } else if (/^[\s,|()\d:.–—-]*$/u.test(after.replace(/\b(?:gmt|utc|msk)\b/gi, '')) && words(before).length >= 3) {
      // "Title 3 марта 2015, 09:12"
      date = d.value;
      text = before.replace(/[\s,|(–—-]+$/u, '');
    }
  }
  // "Title – Avesta", "Title | Reuters": a known outlet after the last separator
  const sep = /\s+[-–—|]\s+([^-–—|]{2,60})$/u.exec(text);
  if (sep) {
    const name = sep[1]!.trim();
    const known = outletOrDomain(outlets, name);
    if (known && words(text.slice(0, sep.index)).length >= 2) {
      site = known;
      text = text.slice(0, sep.index);
    }
  }
  return { text, ...(date ? { date } : {}), ...(site ? { site } : {}), ...(author ? { author } : {}) };
}

/**
 * A headline: 2–25 words, no closing full stop or comma, capitalised, not a date, not a
 * section trail, standing as a line of its own rather than the first line of a wrapped paragraph.
 */
function isTitleLine(page: Page, i: number): boolean {
  const t = page.text(i);
  const n = wordCount(t);
  if (n < 2 || n > 25 || t.length > 150) return false;
  if (/[.,;:]$/.test(t) && !/(?:\.\.\.|…)$/.test(t)) return false;
  // "Security | Central Asia": a section trail, not a headline
  const items = t.split(/\s+[|>»›/]\s+/);
  if (items.length >= 2 && items.every((x) => words(x).length <= 4)) return false;
  // a headline may open with a number ("8 people were convicted …")
  if (!(startsCapitalised(t) || /^\d/.test(t)) || (findDate(t) && standaloneDate(t)) || isCalendarLine(t)) return false;
  // "Published in Field Reports", "Publication: Terrorism Monitor Volume: 20 Issue: 14": the page's filing, not a headline
  if (/^(?:published|posted|filed) (?:in|under)\s/i.test(t) || (t.match(/(?:^|\s)\p{L}+:\s/gu) ?? []).length >= 2) return false;
  if (isNameShape(t) && n <= 3) return false; // a lone name is a byline, not a headline
  if (isWidget(t)) return false;
  const next = page.lines[i + 1];
  if (next && next.text !== '' && page.open(i + 1)) {
    if (/^[\p{Ll}(]/u.test(next.text)) return false;
    // the first of hard-wrapped lines: both of a wrapping width, the text running on
    if (t.length >= 45 && next.text.length >= 45 && next.text.length <= 90 && t.length <= 90 && !endsSentence(t) && !endsSentence(next.text)) return false;
  }
  return true;
}

/**
 * Chrome that is not a headline: a weather or currency ticker ("Astana+23+25℃"), menu items
 * glued together without spaces ("Skip to main contentAccess keys helpA-Z index").
 */
function isWidget(t: string): boolean {
  if (/[℃℉]|°\s*[CF]?\b|\+\d+\s*°|\d+\s*(?:usd|eur|rub|kzt)\b/iu.test(t)) return true;
  return (t.match(/\p{Ll}{3}\p{Lu}/gu) ?? []).length >= 2;
}
