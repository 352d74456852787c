/**
 * Organizations the gazetteer does not list, by their shape: a run of capitalised words that
 * ends in an organization's head word ("United Tajik Opposition", "Afghan National Army",
 * "Group 24") or opens with one and names whose it is ("Ministry of Health and Social
 * Development"). The head words are data (data/gazetteer/organizations.json, `headWords`).
 */
import type { Gazetteer } from './gazetteer.js';
import type { GazetteerMatch } from './matcher.js';
import type { Token } from './tokens.js';

export interface ShapeOrg {
  first: number;
  last: number;
  start: number;
  end: number;
  name: string;
}

/** Words that join the parts of a name. */
const JOINERS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'al', 'el', 'ul', 'in']);
/** Capitalised at a sentence's start, never an organization's first word. */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'after',
  'when',
  'but',
  'and',
  'as',
  'for',
  'with',
  'by',
  'from',
  'to',
  'this',
  'that',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'if',
  'while',
  'since',
  'during',
  'under',
  'meanwhile',
  'earlier',
  'later',
  'according',
]);

export function findShapeOrgs(text: string, tokens: Token[], matches: GazetteerMatch[], g: Gazetteer, heads: Set<string>): ShapeOrg[] {
  // tokens already inside an organization the gazetteer knows are its
  const taken = new Uint8Array(tokens.length);
  for (const m of matches) {
    const kind = g.entries[m.entry]!.kind;
    if (kind === 'organization' || kind === 'institution') for (let k = m.first; k <= m.last; k++) taken[k] = 1;
  }
  const out: ShapeOrg[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.capitalised || taken[i] || !/^\p{Script=Latin}/u.test(tokens[i]!.text)) {
      i++;
      continue;
    }
    // the run: capitalised words, joiners between them, a number after a head word ("Group 24")
    let j = i;
    const joins = (k: number) => {
      const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
      const next = tokens[k + 1]!;
      // "Prosecutor General's Office": a possessive inside the name
      if (!/^(?:['’]s)?[ \u00a0]$/.test(gap)) return false;
      // "the National Hospital and the National Surgical Center": two names, not one
      if (next.key === 'and' && (heads.has(tokens[k]!.key) || tokens[k + 2]?.key === 'the')) return false;
      return next.capitalised || JOINERS.has(next.key) || (/^\d+$/.test(next.key) && heads.has(tokens[k]!.key));
    };
    while (j + 1 < tokens.length && !taken[j + 1] && joins(j)) j++;
    while (j > i && JOINERS.has(tokens[j]!.key)) j--;
    let first = i;
    while (first < j && OPENERS.has(tokens[first]!.key)) first++;
    // "Officers of the Drug Control Agency": words before "of the" that are no head word are not the name
    if (heads.has(tokens[j]!.key) && !heads.has(tokens[first]!.key)) {
      for (let k = j - 1; k > first; k--) {
        if (tokens[k]!.key !== 'of' || heads.has(tokens[k - 1]!.key)) continue;
        if (tokens.slice(first, k).some((t) => heads.has(t.key))) break;
        first = tokens[k + 1]!.key === 'the' ? k + 2 : k + 1;
        break;
      }
    }
    const span = tokens.slice(first, j + 1);
    const last = span[span.length - 1]!;
    const closing = heads.has(last.key) || (/^\d+$/.test(last.key) && span.length >= 2 && heads.has(span[span.length - 2]!.key));
    const opening = heads.has(span[0]!.key) && span.some((t, k) => k > 0 && (t.key === 'of' || t.key === 'for')) && last.capitalised;
    // "Tashkent Institute of Finances", "Almaly District Court of Almaty": a head word inside, then whose
    const inner =
      span.some((t, k) => k > 0 && k + 2 < span.length && heads.has(t.key) && (span[k + 1]!.key === 'of' || span[k + 1]!.key === 'for')) && last.capitalised;
    // "RFE/RL's Tajik Service": an outlet's desk is the outlet
    const desk = first > 0 && taken[first - 1] && /^['’]s\s$/.test(text.slice(tokens[first - 1]!.end, span[0]!.start));
    const name = text.slice(span[0]!.start, last.end).replace(/[’‘]/g, "'");
    // "Group 24": a number after the head word is part of the name
    const named = span.filter((t) => t.capitalised || /^\d+$/.test(t.key)).length;
    if (span.length >= 2 && (closing || opening || inner) && !desk && !g.notOrganizations.has(name.toLowerCase()) && named >= 2) {
      out.push({ first, last: j, start: span[0]!.start, end: last.end, name });
    }
    i = j + 1;
  }
  return [...out, ...findCourts(text, tokens, out)];
}

/** the lowercase words between a court's place and "court": "Khujand city court", "Almaly district court of Almaty" */
const COURT_KIND = new Set([
  'city',
  'district',
  'regional',
  'provincial',
  'oblast',
  'military',
  'appeals',
  'interdistrict',
  'municipal',
  'garrison',
  'economic',
  'criminal',
]);

function findCourts(text: string, tokens: Token[], found: ShapeOrg[]): ShapeOrg[] {
  const out: ShapeOrg[] = [];
  for (let k = 0; k + 2 < tokens.length; k++) {
    const place = tokens[k]!;
    if (!place.capitalised || OPENERS.has(place.key) || !/^\p{Script=Latin}/u.test(place.text)) continue;
    if (!COURT_KIND.has(tokens[k + 1]!.text) || tokens[k + 2]!.text !== 'court') continue;
    if (!/^ $/.test(text.slice(place.end, tokens[k + 1]!.start)) || !/^ $/.test(text.slice(tokens[k + 1]!.end, tokens[k + 2]!.start))) continue;
    // "the Aktobe Region criminal court": the capitalised words before belong to the name
    let from = k;
    while (
      from > k - 3 &&
      from > 0 &&
      tokens[from - 1]!.capitalised &&
      !OPENERS.has(tokens[from - 1]!.key) &&
      /^ $/.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start))
    )
      from--;
    let last = k + 2;
    // "… court of Almaty"
    const of = tokens[last + 1];
    const owner = tokens[last + 2];
    if (of?.key === 'of' && owner?.capitalised && /^ $/.test(text.slice(tokens[last]!.end, of.start))) last += 2;
    if (found.some((o) => o.first <= last && o.last >= from)) continue;
    out.push({ first: from, last, start: tokens[from]!.start, end: tokens[last]!.end, name: text.slice(tokens[from]!.start, tokens[last]!.end) });
  }
  return out;
}
