/**
 * Metadata lines and signals: bylines, labelled fields ("Publisher …", "Author …"),
 * credit lines, datelines and the outlet a text names as its own.
 */
import { findDate } from './dates.js';
import { canonicalOutlet, outletsIn, type Outlets } from './outlets.js';
import { escapeRegExp, words } from './text.js';

/** Name particles that may stand lowercase inside a person's name. */
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'ul', 'uulu', 'uly', 'kyzy', 'and']);

/**
 * Cleans a byline into a name or names (trafilatura's rules): drops "By", e-mail addresses,
 * handles, dates and everything after a preposition ("for RFE/RL", "in Almaty").
 */
export function cleanAuthor(raw: string, latest?: Date): string | null {
  let s = raw.replace(/^(?:written by|words by|reported by|by|author[s]?|автор)\s*:?\s*/iu, '');
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
  for (const t of tokens) {
    if (!/^[\p{L}][\p{L}\p{M}.'’-]*$/u.test(t)) return false;
    if (t.length > 1 && !/\p{Ll}/u.test(t) && !/^\p{Lu}\.$/u.test(t)) return false; // acronyms are not names
    if (PARTICLES.has(t.toLowerCase().replace(/-$/, ''))) continue;
    if (!/^\p{Lu}/u.test(t)) return false;
    capitalised++;
  }
  return capitalised >= 1 && (tokens.length >= 2 || s.length >= 3);
}

export type LabelledField = { field: 'publisher' | 'author' | 'source'; value: string };

/** "Publisher X", "Author: X", "Source: X" — a field name then its value on one line. */
export function labelledField(line: string): LabelledField | null {
  const m = /^(publisher|published by|author[s]?|source|издатель|автор|текст|источник)\s*:?\s+(.{2,120})$/iu.exec(line);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (/^(?:author|автор|текст)/.test(label)) return { field: 'author', value };
  if (/^(?:source|источник)/.test(label)) return { field: 'source', value };
  return { field: 'publisher', value };
}

/** A byline: "By Fuad Mukhtarli September 1, 2017", "Written by …". Returns the cleaned author. */
export function byline(line: string, latest?: Date): string | null {
  if (line.length > 160) return null;
  if (/^(?:by|written by|words by|reported by)\s+\S/i.test(line)) return cleanAuthor(line, latest);
  // "Ayzirek Imanaliyeva May 28, 2019": a name of two to four words beside a date
  const date = findDate(line, latest);
  if (!date || /^\d{4}$/.test(date.value)) return null;
  const rest = (line.slice(0, date.index) + ' ' + line.slice(date.end)).replace(/[,|•·–—-]/g, ' ').replace(/\s+/g, ' ').trim();
  const n = rest.split(' ').length;
  return n >= 2 && n <= 4 && isNameShape(rest) && !/\b(?:mon|tue|wed|thu|fri|sat|sun)\w*day\b/i.test(rest) ? rest : null;
}

/**
 * The outlet a credit or copyright line names: "This article was produced by IRIN News while…",
 * "© 2019 Reuters", "Copyright notice: © Institute for War & Peace Reporting".
 */
export function creditedOutlet(outlets: Outlets, line: string): string | null {
  const credit =
    /\b(?:produced|published|written|provided|prepared|distributed|reproduced|republished)\s+(?:by|in|with|from)\s+(.{2,100}?)(?=\s+(?:while|and|as|on|under|in|for|with)\b|[,.;(]|$)/i.exec(line) ??
    /(?:©|\(c\)|copyright(?:\s+notice)?\s*:?)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(.{2,100}?)(?=\s*(?:[.,;|]|all rights|$))/i.exec(line);
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
}

/**
 * A dateline opening the first paragraph: "LONDON (TCA) —", "ALMATY, Kazakhstan (Reuters) -",
 * "BISHKEK, Sept 1 (AFP) –", "16 February 1999 (RFE/RL) -", "DUSHANBE —".
 */
export function dateline(paragraph: string): Dateline | null {
  // a wire dateline: "MOSCOW, August 23. /TASS/. …", "МОСКВА, 18 октября/ Радио Sputnik. …",
  // "TOShKENT, 16 fev — Sputnik. …": a place in capitals, a date, then the agency between
  // slashes or after a dash, closed by a full stop or a dash
  const w = /^(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ -]\p{Lu}[\p{L}\p{M}'’.-]*){0,3}),\s*([^/()—–\n]{2,30}?)\s*\.?\s*(?:\/|—|–|--)\s*([^/()—–.\n]{2,40}?)\s*\/?\s*(?:\.|—|–|--)\s+\S/u.exec(paragraph);
  if (w && upperShare(w[1]!) >= 0.75 && w[1]!.replace(/[^\p{L}]/gu, '').length >= 3) {
    const dateText = findDate(w[2]!) ? w[2]!.trim() : null;
    // between slashes, or after a date, it is an agency; after a dash alone, only a known one
    const slashed = /^\s*\.?\s*\//.test(paragraph.slice(w[1]!.length).replace(/^,\s*/, '').slice(w[2]!.length));
    return { place: w[1]!, agency: w[3]!.trim(), dateText, ...(dateText || slashed ? {} : { wire: true }) };
  }
  const m =
    /^((?:\p{Lu}[\p{Lu}\p{M}'’.-]+)(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3})(?:\s*,\s*([^()—–]{2,40}?))?\s*(?:\(([^()]{2,30})\))?\s*(?:—|–|--|-)\s+\S/u.exec(paragraph);
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
  return outlets.byAbbreviation.get(agency) ?? canonicalOutlet(outlets, agency) ?? canonicalOutlet(outlets, agency.replace(/\.(?:com|org|net|kz|uz|kg|tj|tm|ru|info)$/i, ''));
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
      const name = known?.name ?? generic.exec(rest)?.[1] ?? null;
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}
