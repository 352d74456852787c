/**
 * Metadata lines and signals: bylines, labelled fields ("Publisher …", "Author …"),
 * credit lines, datelines and the outlet a text names as its own.
 */
import { findDate } from './dates.js';
import { canonicalOutlet, outletOrDomain, outletsIn, type Outlets } from './outlets.js';
import { escapeRegExp, words } from './text.js';

/** Name particles that may stand lowercase inside a person's name. */
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'ul', 'uulu', 'uly', 'kyzy', 'and']);

/**
 * Cleans a byline into a name or names (trafilatura's rules): drops "By", e-mail addresses,
 * handles, dates and everything after a preposition ("for RFE/RL", "in Almaty").
 */
export function cleanAuthor(raw: string, latest?: Date): string | null {
  // "By Alexander Sodiqov (9/3/2010 issue of the CACI Analyst)": the aside goes first
  let s = raw.replace(/^(?:written by|words by|reported by|by|author[s]?|автор)\s*:?\s*/iu, '').replace(/\s*\([^()]*\)\s*/g, ' ');
  const date = findDate(s, latest);
  if (date) s = s.slice(0, date.index) + ' ' + s.slice(date.end);
  s = s
    .replace(/\S+@\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/\s(?:for|in|at|from|of|via|with|on|to|—|–|-|\|)\s.*$/i, '')
    .replace(/[,;|]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,.;:|]+$/, '');
  if (!s) return null;
  // a desk or a service, not a person: "RFE/RL's Kazakh Service", "Staff Reporter"
  if (/\b(?:service|desk|staff|bureau|agency|newsroom|editors?|editorial|team|correspondents?|wire|news|reporters?|contributors?)\b/i.test(s)) return null;
  const names = s.split(/\s*(?:,|;|&|\band\b|\/)\s*/).filter(Boolean);
  if (names.length === 0 || names.length > 4) return null;
  for (const n of names) if (!isNameShape(n)) return null;
  return names.join(', ');
}

/** 1–5 capitalised tokens (particles excepted), letters, hyphens, apostrophes and dots only. */
export function isNameShape(s: string): boolean {
  const tokens = s.split(/\s+/);
  if (tokens.length < 1 || tokens.length > 5) return false;
  let capitalised = 0;
  // "Mehmet Yahya ÇİÇEKLİ": a surname in capitals beside names written normally
  const mixed = tokens.some((t) => /^\p{Lu}\p{Ll}/u.test(t));
  for (const t of tokens) {
    if (!/^[\p{L}][\p{L}\p{M}.'’-]*$/u.test(t)) return false;
    if (t.length > 1 && !/\p{Ll}/u.test(t) && !/^\p{Lu}\.$/u.test(t) && !(mixed && t.length >= 4)) return false; // acronyms are not names
    if (PARTICLES.has(t.toLowerCase().replace(/-$/, ''))) continue;
    if (!/^\p{Lu}/u.test(t)) return false;
    capitalised++;
  }
  return capitalised >= 1 && (tokens.length >= 2 || s.length >= 3);
}

export type LabelledField = { field: 'publisher' | 'author' | 'source'; value: string };

/** "Publisher X", "Author: X", "Source: X" — a field name then its value on one line. */
export function labelledField(line: string): LabelledField | null {
  const m =
    /^(?:(publisher|published by|(?:original )?author[s]?|source|издатель|автор|текст|источник)\s*:?\s+|(作者|来源|muallif|манба)\s*[:：]\s*)(.{2,120})$/iu.exec(
      line,
    );
  if (!m) return null;
  const label = (m[1] ?? m[2]!).toLowerCase();
  const value = m[3]!.trim();
  if (/^(?:original |)(?:author|автор|текст|作者|muallif)/.test(label)) return { field: 'author', value };
  if (/^(?:source|источник|来源|манба)/.test(label)) return { field: 'source', value };
  return { field: 'publisher', value };
}

/** A byline: "By Fuad Mukhtarli September 1, 2017", "Written by …". Returns the cleaned author. */
export function byline(line: string, latest?: Date): string | null {
  if (line.length > 160) return null;
  if (/^(?:by|written by|words by|reported by)\s+\S/i.test(line)) return cleanAuthor(line, latest);
  // "Nov. 19, 2019, 8:41 AM UTC By Phil Helsel": the date first, then the byline
  const after = /^(.{6,60}?)[\s,|]+(?:by|written by)\s+(\p{Lu}.{2,60})$/iu.exec(line);
  if (after && findDate(after[1]!, latest)) return cleanAuthor(after[2]!, latest);
  // "Ayzirek Imanaliyeva May 28, 2019": a name of two to four words beside a date
  const date = findDate(line, latest);
  if (!date || /^\d{4}$/.test(date.value)) return null;
  const rest = (line.slice(0, date.index) + ' ' + line.slice(date.end))
    .replace(/[,|•·–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const n = rest.split(' ').length;
  return n >= 2 && n <= 4 && isNameShape(rest) && !/\b(?:mon|tue|wed|thu|fri|sat|sun)\w*day\b/i.test(rest) ? rest : null;
}

/**
 * The outlet a credit or copyright line names: "This article was produced by IRIN News while…",
 * "© 2019 Reuters", "Copyright notice: © Institute for War & Peace Reporting".
 */
export function creditedOutlet(outlets: Outlets, line: string): string | null {
  const credit =
    /\b(?:produced|published|written|provided|prepared|distributed|reproduced|republished)\s+(?:by|in|with|from)\s+(.{2,100}?)(?=\s+(?:while|and|as|on|under|in|for|with)\b|[,.;(]|$)/i.exec(
      line,
    ) ?? /(?:©|\(c\)|copyright(?:\s+notice)?\s*:?)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(.{2,100}?)(?=\s*(?:[.,;|]|all rights|$))/i.exec(line);
  if (!credit) return null;
  const name = credit[1]!.trim();
  const known = canonicalOutlet(outlets, name) ?? outletsIn(outlets, name)[0]?.name ?? null;
  if (known) return known;
  return isOrganisationShape(name) ? name : null;
}

/** Capitalised words, as an organisation's name is written ("The Astana Daily", "Kazakh TV"). */
export function isOrganisationShape(s: string): boolean {
  const ws = words(s);
  if (ws.length < 1 || ws.length > 8) return false;
  return ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|for|and|the|on|in|de|&)$/i.test(w));
}

export interface Dateline {
  place: string | null;
  agency: string | null;
  /** a wire dateline whose agency must be a known outlet to count (no date says it is one) */
  wire?: boolean;
  /** the date written in the dateline, when there is one */
  dateText: string | null;
  /** a reporter the dateline names ("新华社塔什干3月16日电(记者蔡国栋)") */
  reporter?: string;
}

/**
 * A dateline opening the first paragraph: "LONDON (TCA) —", "ALMATY, Kazakhstan (Reuters) -",
 * "BISHKEK, Sept 1 (AFP) –", "16 February 1999 (RFE/RL) -", "DUSHANBE —".
 */
export function dateline(paragraph: string): Dateline | null {
  // the Chinese wire form: agency, place, date, 电, reporter: "新华社塔什干3月16日电(记者蔡国栋)"
  const zh = /^(\p{Script=Han}{2,8}?社)(\p{Script=Han}{0,8}?)(\d{1,2}月\d{1,2}日)电(?:\s*[（(](?:记者|通讯员)\s*([^()（）\d]{2,12}?)[)）])?/u.exec(paragraph);
  if (zh) return { place: zh[2] || null, agency: zh[1]!, dateText: null, ...(zh[4] ? { reporter: zh[4] } : {}) };
  // "【环球时报综合报道】": the outlet in lenticular brackets
  const lenticular = /^【(\p{Script=Han}{2,12}?)(?:综合报道|报道|讯|消息)?】/u.exec(paragraph);
  if (lenticular) return { place: null, agency: lenticular[1]!, dateText: null };
  // "Душанбе. 28 марта. INTERFAX.RU - …", "Душанбе. 22-юми июл. ОИ «Азия-Плюс» - …": place, date, agency, each closed by a full stop
  const dotted =
    /^(\p{Lu}[\p{L}\p{M}'’-]+(?: \p{Lu}[\p{L}\p{M}'’-]+){0,2})\.\s+([^.()—–]{0,24}\d[^.()—–]{0,24})\.\s+([^.()—–\s][^()—–]{1,40}?)\s+(?:—|–|--|-)\s+\S/u.exec(
      paragraph,
    );
  if (dotted && !/[.!?]\s/.test(dotted[3]!))
    return { place: dotted[1]!, agency: dotted[3]!.trim(), dateText: findDate(dotted[2]!) ? dotted[2]!.trim() : null, wire: true };
  // a wire dateline: "MOSCOW, August 23. /TASS/. …", "МОСКВА, 18 октября/ Радио Sputnik. …",
  // "TOShKENT, 16 fev — Sputnik. …": a place in capitals, a date, then the agency between
  // slashes or after a dash, closed by a full stop or a dash
  const w =
    /^(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ -]\p{Lu}[\p{L}\p{M}'’.-]*){0,3}),\s*([^/()—–\n]{2,30}?)\s*\.?\s*(?:\/|—|–|--)\s*([^/()—–.\n]{2,40}?)\s*\/?\s*(?:\.|—|–|--)\s+\S/u.exec(
      paragraph,
    );
  if (w && upperShare(w[1]!) >= 0.75 && w[1]!.replace(/[^\p{L}]/gu, '').length >= 3) {
    const dateText = findDate(w[2]!) ? w[2]!.trim() : null;
    // between slashes, or after a date, it is an agency; after a dash alone, only a known one
    const slashed = /^\s*\.?\s*\//.test(paragraph.slice(w[1]!.length).replace(/^,\s*/, '').slice(w[2]!.length));
    return { place: w[1]!, agency: w[3]!.trim(), dateText, ...(dateText || slashed ? {} : { wire: true }) };
  }
  const m =
    /^((?:\p{Lu}[\p{Lu}\p{M}'’.-]+)(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3})(?:\s*[,.]\s*([^()—–]{2,40}?))?\s*(?:\(([^()]{2,30})\))?\s*(?:—|–|--|-|_)\s+\S/u.exec(
      paragraph,
    );
  if (m && m[1]!.replace(/[^\p{L}]/gu, '').length >= 3) {
    const after = m[2]?.trim() ?? null;
    const dateText = after && findDate(after) ? after : null;
    // "ASTANA. KAZINFORM -": the place, then the agency
    const [place, agencyAfterDot] = m[1]!.split(/\.\s+/, 2) as [string, string | undefined];
    return { place, agency: m[3]?.trim() ?? agencyAfterDot?.trim() ?? null, dateText };
  }
  // "Tashkent, Uzbekistan (UzDaily.com) --": a place in title case, made a dateline by the agency
  const t = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})(?:\s*,\s*([^()—–]{2,40}?))?\s*\(([^()]{2,30})\)\s*(?:—|–|--|-)\s+\S/u.exec(paragraph);
  if (t) {
    const after = t[2]?.trim() ?? null;
    return { place: t[1]!, agency: t[3]!.trim(), dateText: after && findDate(after) ? after : null };
  }
  const d = /^([^()—–]{6,40}?)\s*\(([^()]{2,30})\)\s*(?:—|–|--|-)\s+\S/u.exec(paragraph);
  if (d && findDate(d[1]!)) return { place: null, agency: d[2]!.trim(), dateText: d[1]!.trim() };
  return null;
}

/** The share of a name's letters that are capitals ("TOShKENT" 0.88, "Moscow" 0.17). */
function upperShare(s: string): number {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters ? letters.replace(/[^\p{Lu}]/gu, '').length / letters.length : 0;
}

/** The canonical outlet for a dateline agency ("TCA" → "The Times of Central Asia"). */
export function agencyOutlet(outlets: Outlets, agency: string): string | null {
  const known = outlets.byAbbreviation.get(agency) ?? outletOrDomain(outlets, agency);
  if (known) return known;
  // "ОИ «Азия-Плюс»", "агентство Kazinform": a known outlet with its kind or its quotes around it
  const inside = outletsIn(outlets, agency);
  return inside.length === 1 && inside[0]!.text.length >= agency.replace(/[«»"“”„]/g, '').length * 0.5 ? inside[0]!.name : null;
}

/**
 * The outlet a text names as the one a source spoke to — "…, recently told Caspian News." —
 * which is how articles name their own publication. Unknown outlets count when their name
 * ends like one ("… told the Astana Daily News").
 */
export function interviewingOutlet(outlets: Outlets, paragraphs: string[]): string | null {
  const counts = new Map<string, number>();
  const suffix = outlets.nameSuffixes.map(escapeRegExp).join('|');
  const generic = new RegExp(`^(?:the\\s+)?((?:[\\p{Lu}][\\p{L}\\p{N}.&'-]*\\s+){0,4}(?:${suffix}))(?![\\p{L}])`, 'u');
  for (const p of paragraphs) {
    for (const m of p.matchAll(/\b(?:told|in an interview with|speaking to|said in comments to|in comments to|said to)\s+/g)) {
      const rest = p.slice(m.index + m[0].length);
      const known = outletsIn(outlets, rest.slice(0, 80)).find((o) => o.index <= 4);
      // "told Reuters": everyone is interviewed through the wires, which names no publisher;
      // "told RFE/RL's Tajik Service": a broadcaster names its own desk
      if (
        known &&
        outlets.quoted.has(known.name) &&
        !/['’]s\s+\p{Lu}\p{L}+\s+(?:Service|Desk)\b/u.test(rest.slice(known.index, known.index + known.text.length + 30))
      )
        continue;
      const name = known?.name ?? generic.exec(rest)?.[1] ?? null;
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

export interface SignOff {
  publisher?: string;
  author?: string;
  date?: string;
  rule: string;
}

/**
 * The line that closes a story by naming who sent it: "(Xinhua News Agency September 22, 2006)",
 * "Associated Press, July 8, 2002", "Fergana international information agency. Translated by …",
 * or, as Russian-language papers sign, the author's initial and surname ("А. Сюмбаева").
 */
export function signOff(outlets: Outlets, paragraph: string, latest?: Date): SignOff | null {
  if (paragraph.length > 120) return null;
  const inner = paragraph.replace(/^\((.*)\)\.?$/u, '$1').trim();
  const known = outletsIn(outlets, inner)[0];
  if (known && known.index === 0) {
    const rest = inner.slice(known.text.length);
    const date = findDate(rest, latest);
    const tail = date ? rest.slice(0, date.index) + rest.slice(date.end) : rest;
    // after the outlet only a date, a translator's credit or punctuation
    if (/^[\s,.;:()\d-]*(?:(?:translated|перевод|перевела|перевёл)\b.*)?$/iu.test(tail)) {
      return { publisher: known.name, ...(date ? { date: date.value } : {}), rule: 'sign-off naming the outlet' };
    }
  }
  if (/^\p{Lu}\.\s?(?:\p{Lu}\.\s?)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(paragraph))
    return { author: paragraph, rule: "sign-off: the author's initial and surname" };
  return null;
}

const REPORTS_VERB = /reports|reported|has learned|learned|learnt|writes|передает|передаёт|сообщает|сообщили?|пишет|информирует|хабарла|xabar|хабар/iu;

/** "… передает агентство Kazinform", "… сообщает ТАСС", "…, Orda.kz reports.": the verb before or after the outlet. */
const REPORTS_BEFORE =
  /(?:передает|передаёт|сообщает|сообщили?|пишет|информирует|хабарлайды|хабарлады|xabar beradi|xabar qildi|хабар медиҳад|хабар дод)\s+(?:корреспондент\S*\s+)?(?:(?:агентств[оа]|ИА|МИА|издание|портал|сайт|телеканал|газета|тілшісі|агенттігі|muxbiri|мухбири)\s+)?[«"“]?$/iu;
// in English the credit closes its sentence ("…, Orda.kz reports."); "Asia-Plus reported that …" cites another outlet
const REPORTS_AFTER =
  /^[»"”]?\s*(?:(?:reports|has learned|learned|learnt)[.,;]|(?:передает|передаёт|сообщает|пишет|тілшісі хабарлайды|хабарлайды|xabar beradi|xabar qildi|хабар медиҳад)(?![\p{L}]))/iu;

/**
 * The outlet the opening paragraphs credit with the report: the form agencies sign their
 * own copy with, and reposts credit the agency they took it from.
 */
export function reportingOutlet(outlets: Outlets, paragraphs: string[]): string | null {
  for (const p of paragraphs.slice(0, 4)) {
    if (!REPORTS_VERB.test(p)) continue; // the outlet pattern is long; most paragraphs credit no one
    for (const o of outletsIn(outlets, p)) {
      const before = p.slice(Math.max(0, o.index - 60), o.index);
      const after = p.slice(o.index + o.text.length, o.index + o.text.length + 40);
      if (REPORTS_BEFORE.test(before) || (REPORTS_AFTER.test(after) && /(?:^|[,.;:—–-]\s*|\s)$/u.test(before))) return o.name;
    }
  }
  return null;
}
