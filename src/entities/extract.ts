/**
 * Mentions for a whole corpus: gazetteer matches (countries, places, organizations,
 * institutions) and people, with paragraph and character offsets into `paragraphs`.
 * Only the cleaned paragraphs are read: boilerplate that was removed is never counted.
 */
import type { Article, Mention } from '../corpus/types.js';
import { isHan } from './countryNames.js';
import { defaultGazetteer, slug, type Entry, type Gazetteer } from './gazetteer.js';
import { matchGazetteer, type GazetteerMatch } from './matcher.js';
import { bindAcronyms } from './acronyms.js';
import { findShapeOrgs, type ShapeOrg } from './orgShapes.js';
import { findPeople, type PersonCandidate } from './people.js';
import { PersonIndex } from './resolve.js';
import { defaultRoles, type Roles } from './roles.js';
import { adjacent, foldKey, tokenize, type Token } from './tokens.js';

interface ParagraphScan {
  text: string;
  tokens: Token[];
  matches: GazetteerMatch[];
  people: PersonCandidate[];
  orgs: ShapeOrg[];
}

/** Each article's paragraphs read for candidates (the costly part, and article by article: workers split it). */
export type Scans = ParagraphScan[][];

export function extractMentions(
  articles: (Pick<Article, 'paragraphs' | 'dateline'> & Partial<Pick<Article, 'publisher'>>)[],
  gazetteer: Gazetteer = defaultGazetteer(),
  roles: Roles = defaultRoles(),
  /** hears how many articles have been scanned (the costly part), as it goes */
  onScanned?: (done: number) => void,
): Mention[][] {
  const scans = scanArticles(articles, gazetteer, roles, onScanned);
  const people = new PersonIndex();
  fullNamesOf(scans).forEach((names, ai) => {
    for (const name of names) people.add(name, ai);
  });
  return mentionsOf(scans, articles, gazetteer, people);
}

export function scanArticles(
  articles: Pick<Article, 'paragraphs'>[],
  gazetteer: Gazetteer = defaultGazetteer(),
  roles: Roles = defaultRoles(),
  onScanned?: (done: number) => void,
): Scans {
  const scans: Scans = articles.map((a, ai) => {
    onScanned?.(ai);
    return a.paragraphs.map((text) => {
      const tokens = tokenize(text);
      // a city from the world list inside a longer capitalised name ("Suhrobi Zafar", "Kabul Bank") is not the city
      const matches = matchGazetteer(gazetteer, text, tokens).filter((m) => !guarded(gazetteer, text, m) || !inLongerName(text, tokens, m));
      const orgs = findShapeOrgs(text, tokens, matches, gazetteer, gazetteer.headWords);
      // a name inside an organization's ("Mukhtar Ablyazov Foundation") is not a person of the story
      const covered = [...matches, ...orgs.map((o) => ({ ...o, entry: -1 }))];
      return { text, tokens, matches, orgs, people: findPeople(text, tokens, covered, roles) };
    });
  });
  // a weak pair ("Samiullah Qatra") is a person where the article names the surname alone too ("Qatra narrowly escaped")
  // (in English only: German capitalises every noun, Turkish writes "Orta Asya")
  scans.forEach((paras) => {
    if (!paras.some((p) => p.people.some((c) => c.weak))) return;
    const all = paras.map((p) => p.text).join('\n');
    const english = inEnglish(all);
    for (const p of paras) p.people = p.people.filter((c) => !c.weak || (english && repeatedAlone(all, c.text)));
  });
  return scans;
}

/**
 * Per article, the full names its scan found, in order: what the corpus-wide PersonIndex is
 * built from (a lone surname resolves against every article's), so workers send these.
 */
export function fullNamesOf(scans: Scans): string[][] {
  return scans.map((paras) => paras.flatMap((p) => p.people.filter((c) => c.size >= 2).map((c) => c.name)));
}

/** The mentions of scanned articles; `first` is the first one's number in the corpus (the PersonIndex's numbering). */
export function mentionsOf(
  scans: Scans,
  articles: (Pick<Article, 'dateline'> & Partial<Pick<Article, 'publisher'>>)[],
  gazetteer: Gazetteer,
  people: PersonIndex,
  first = 0,
): Mention[][] {
  return scans.map((paras, ai) => {
    const mentions: Mention[] = [];
    // a city of the world list that is the surname of a person the article names ("Suhrobi Zafar" … "Zafar") is the person
    const surnames = new Set(paras.flatMap((p) => p.people.filter((c) => c.size >= 2).map((c) => c.name.split(/\s+/).pop()!.toLowerCase())));
    // "the Interior Ministry said", with no country beside it: the story's own country's, decided at the end
    const unqualified: { mention: Mention; entry: number }[] = [];
    paras.forEach((p, paragraph) => {
      let previous: { match: GazetteerMatch; mention: Mention | null } | null = null;
      // a dateline ("LONDON (TCA) —") names the place the story was filed from, which counts,
      // and the agency that filed it, which is the publisher rather than a subject
      const skipUntil = paragraph === 0 ? datelineEnd(p.text, articles[ai]!.dateline) : 0;
      for (const [k, m] of p.matches.entries()) {
        const kind = gazetteer.entries[m.entry]!.kind;
        if (m.start < skipUntil && kind !== 'place' && kind !== 'country') continue;
        if (guarded(gazetteer, p.text, m) && surnames.has(p.text.slice(m.start, m.end).toLowerCase())) continue;
        if (kind === 'place' && asPublisher(p.text, m, articles[ai]!.publisher)) continue;
        const mention = gazetteerMention(gazetteer, p.text, regionOf(gazetteer, p.text, p.matches, k), previous, p.matches[k + 1], paragraph);
        if (mention) mentions.push(mention);
        if (mention && kind === 'institution' && mention.id === gazetteer.entries[m.entry]!.id) unqualified.push({ mention, entry: m.entry });
        previous = { match: m, mention };
      }
      for (const o of p.orgs)
        mentions.push({ type: 'organization', id: `org:${slug(o.name)}`, name: o.name, text: o.name, paragraph, start: o.start, end: o.end });
      for (const c of p.people) {
        const name = personName(c, people, first + ai);
        if (name) mentions.push({ type: 'person', id: `person:${slug(name)}`, name, text: c.text, paragraph, start: c.start, end: c.end });
      }
    });
    qualifyByStory(gazetteer, mentions, unqualified);
    const bound = bindAcronyms(
      paras.map((p) => p.text),
      paras.map((p) => p.tokens),
      mentions,
    );
    return withoutStrayPlaces(gazetteer, bound).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  });
}

/**
 * "the Almaty, Aktobe, Atyrau regions": places listed before "regions" or "province" are the
 * regions of those names, where the gazetteer has them.
 */
function regionOf(g: Gazetteer, text: string, matches: GazetteerMatch[], k: number): GazetteerMatch {
  const m = matches[k]!;
  const entry = g.entries[m.entry]!;
  if (entry.kind !== 'place') return m;
  let end = m.end;
  for (
    let j = k + 1;
    j < matches.length && /^(?:,\s*|\s+and\s+|\s*&\s*)$/.test(text.slice(end, matches[j]!.start)) && g.entries[matches[j]!.entry]!.kind === 'place';
    j++
  )
    end = matches[j]!.end;
  if (!/^\s+(?:regions?|provinces?|oblasts?)\b/i.test(text.slice(end, end + 12))) return m;
  const region = g.regionByName.get(`${entry.name} Region`);
  return region === undefined ? m : { ...m, entry: region };
}

/** A world-list city, or a place's name from another language: a longer capitalised name or a person's surname takes it. */
function guarded(g: Gazetteer, text: string, m: GazetteerMatch): boolean {
  return g.cities.has(m.entry) || (m.first === m.last && g.foreignNames.has(foldKey(text.slice(m.start, m.end))));
}

function inLongerName(text: string, tokens: Token[], m: GazetteerMatch): boolean {
  const before = tokens[m.first - 1];
  const after = tokens[m.last + 1];
  const startsSentence = (k: number) => k === 0 || /[.!?:]\s*$/.test(text.slice(0, tokens[k]!.start));
  // the word before counts as part of a name unless it is capitalised only as a sentence's first ("Мысалы Петропавл …")
  return (
    (!!after && after.capitalised && adjacent(text, tokens[m.last]!, after)) ||
    (!!before && !startsSentence(m.first) && !startsSentence(m.first - 1) && before.capitalised && adjacent(text, before, tokens[m.first]!))
  );
}

/**
 * "As Fergana discovered", "Fergana reported": the story's own publisher, named by the place it
 * is named after, reporting; the place is not a subject of the story there.
 */
function asPublisher(text: string, m: GazetteerMatch, publisher: string | null | undefined): boolean {
  const written = text.slice(m.start, m.end);
  if (!publisher?.toLowerCase().startsWith(written.toLowerCase())) return false;
  return (
    /^\s+(?:has\s+|had\s+)?(?:reported|reports|discovered|learned|learnt|found out|wrote|writes|was told|correspondent)\b/.test(
      text.slice(m.end, m.end + 30),
    ) || /\b(?:told|according to|to|by)\s+$/.test(text.slice(Math.max(0, m.start - 15), m.start))
  );
}

function datelineEnd(text: string, dateline: string | null | undefined): number {
  if (!dateline || !text.startsWith(dateline)) return 0;
  const dash = /\s(?:—|–|--|-)\s/.exec(text.slice(0, dateline.length + 80));
  return dash ? dash.index : 0;
}

function gazetteerMention(
  g: Gazetteer,
  text: string,
  m: GazetteerMatch,
  previous: { match: GazetteerMatch; mention: Mention | null } | null,
  next: GazetteerMatch | undefined,
  paragraph: number,
): Mention | null {
  const entry = g.entries[m.entry]!;
  const written = text.slice(m.start, m.end);
  if (entry.kind !== 'institution') return { type: entry.kind, id: entry.id, name: entry.name, text: written, paragraph, start: m.start, end: m.end };
  // "Kazakh Security Council", "Tajikistan’s Interior Ministry": the country before names whose body it is;
  // "МВД Казахстана", "Ministry of Internal Affairs of Uzbekistan": the country after it
  // (Chinese runs the two together: "吉尔吉斯斯坦国家安全委员会")
  const gap = text.slice(previous?.match.end ?? 0, m.start);
  const before = previous?.mention?.type === 'country' && (/^(?:['’]s)?\s+$/.test(gap) || (gap === '' && isHan(written))) ? previous.mention.id : null;
  const after =
    next &&
    g.entries[next.entry]!.kind === 'country' &&
    /^\s+(?:of\s+(?:the\s+)?|(?:Республики|Республикасының|Respublikasi|Ҷумҳурии)\s+)?$/iu.test(text.slice(m.end, next.start))
      ? g.entries[next.entry]!.id
      : null;
  const qualifier = before ?? after;
  // "Tajik border guards": a plural in lowercase names the people, not the body
  if (qualifier && /^\p{Ll}[^A-Z]*s$/u.test(written)) return null;
  if (qualifier) return qualified(g, entry, qualifier.slice('country:'.length), { text: written, paragraph, start: m.start, end: m.end });
  // without a country, only a name written as one ("the Interior Ministry said"), not "the ministry"
  if (!isHan(written) && (!/^\p{Lu}/u.test(written) || written.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !/^(?:of|for|the|and)$/.test(w)))) return null;
  return { type: 'organization', id: entry.id, name: entry.name, text: written, paragraph, start: m.start, end: m.end };
}

/** A country's own body: its entry where the data has one ("State Committee for National Security of Kyrgyzstan"), else "X (Country)". */
function qualified(g: Gazetteer, entry: Entry, cca3: string, at: Pick<Mention, 'text' | 'paragraph' | 'start' | 'end'>): Mention {
  const own = g.bodyOf.get(`${entry.name}|${cca3}`);
  if (own !== undefined) return { type: 'organization', id: g.entries[own]!.id, name: g.entries[own]!.name, ...at };
  return { type: 'organization', id: `${entry.id}:${cca3}`, name: `${entry.name} (${g.countryNames.get(cca3) ?? cca3})`, ...at };
}

/**
 * State bodies named without their country belong to the story's country: the one named most,
 * if it has at least two mentions and half of all the article's country mentions.
 */
function qualifyByStory(g: Gazetteer, mentions: Mention[], unqualified: { mention: Mention; entry: number }[]): void {
  if (unqualified.length === 0) return;
  const counts = new Map<string, number>();
  let total = 0;
  // a place in the country speaks for it as its name does ("Batken Region", "Kyzyl-Kyya": Kyrgyzstan)
  const placeCountry = (m: Mention) => {
    const entry = placeOf(g, m);
    const country = entry === undefined ? null : g.entries[entry]!.country;
    return country ? `country:${country}` : null;
  };
  for (const m of mentions) {
    const id = m.type === 'country' ? m.id : m.type === 'place' ? placeCountry(m) : null;
    if (id) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total++;
    }
  }
  let top: string | null = null;
  for (const [id, n] of counts) if (top === null || n > counts.get(top)!) top = id;
  if (!top || counts.get(top)! < 2 || counts.get(top)! * 2 < total) return;
  const cca3 = top.slice('country:'.length);
  for (const { mention, entry } of unqualified) {
    const { text, paragraph, start, end } = mention;
    Object.assign(mention, qualified(g, g.entries[entry]!, cca3, { text, paragraph, start, end }));
  }
}

/**
 * A place only a world list knows, written in another script, counts where the story names its
 * country: "معسكر" is a camp, not Mascara, unless the story is about Algeria; "مدينة" is a city.
 */
function withoutStrayPlaces(g: Gazetteer, mentions: Mention[]): Mention[] {
  const countries = new Set(mentions.filter((m) => m.type === 'country').map((m) => m.id.slice('country:'.length)));
  return mentions.filter((m) => {
    if (m.type !== 'place' || /\p{Script=Latin}/u.test(m.text)) return true;
    const entry = placeOf(g, m);
    if (entry === undefined || g.listed.has(entry)) return true;
    const country = g.entries[entry]!.country;
    return country === null || countries.has(country);
  });
}

/** The gazetteer's entry of a place mention (rules add places by name, so the name is the key). */
function placeOf(g: Gazetteer, m: Mention): number | undefined {
  return g.placeByName.get(foldKey(m.name));
}

/** English by its commonest words: "the", "and", "of" make a tenth of any English text. */
function inEnglish(text: string): boolean {
  let words = 0;
  let common = 0;
  for (const m of text.matchAll(/\S+/g)) {
    words++;
    if (COMMON_ENGLISH.has(m[0])) common++;
  }
  return words > 0 && common / words >= 0.1;
}
const COMMON_ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'was', 'that', 'for']);

function repeatedAlone(text: string, name: string): boolean {
  const surname = name.split(/\s+/).pop()!;
  // whole words only: "Qatra" is not inside "Qatrab"
  const count = (s: string) => text.match(new RegExp(`(?<![\\p{L}\\p{M}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'gu'))?.length ?? 0;
  return count(surname) > count(name);
}

function personName(c: PersonCandidate, people: PersonIndex, article: number): string | null {
  if (c.size >= 2) return people.canonical(c.name);
  const resolved = people.resolveSurname(c.name, article);
  if (resolved) return resolved;
  // an unresolved single name needs a surname's shape and something else that marks a person
  if (c.surnameShaped && (c.context || c.titled || c.possessive)) return c.name;
  if (c.titled && c.context) return c.name;
  return null;
}
