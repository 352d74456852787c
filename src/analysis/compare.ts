/**
 * Cross-country comparison over a set of articles: a profile per country, the co-mention
 * matrix, figures, and articles per year. Republished copies count once.
 */
import type { Article, MentionType } from '../corpus/types.js';
import { articleAt, countryAt, FigureStore, subsetOf, type Figures } from './figureStore.js';
import type { FigureFact } from './figures.js';
import { everyArticle, mentionTable, type MentionTable } from './mentionTable.js';

export interface CountryProfile {
  country: string;
  articles: number;
  mentions: number;
  /** share of the set's articles that mention it */
  share: number;
  first: string | null;
  last: string | null;
  topOrganizations: string[];
  topPeople: string[];
  figures: number;
}

export interface CoMention {
  a: string;
  b: string;
  articles: number;
}

export interface TimelineRow {
  country: string;
  years: Record<string, number>;
  undated: number;
}

export interface Comparison {
  countries: CountryProfile[];
  coMentions: CoMention[];
  /** the figures of these articles (made objects only when read) */
  figures: Figures;
  timeline: TimelineRow[];
}

/** The n largest counts, ties by name. */
function top(counts: Map<string, number>, n: number): string[] {
  return [...counts]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, n)
    .map(([k]) => k);
}

/** The table's countries numbered 0…C-1, and scratch space for counting over them; made once per table. */
interface CountryAxis {
  countries: number[];
  slotOf: Int32Array;
  /** counts of (country slot, entity), zeroed after each use */
  pairs: Int32Array | null;
}
const axes = new WeakMap<MentionTable, CountryAxis>();

function axisOf(t: MentionTable): CountryAxis {
  let axis = axes.get(t);
  if (!axis) {
    const slotOf = new Int32Array(t.entityId.length).fill(-1);
    const countries: number[] = [];
    t.entityType.forEach((type, e) => {
      if (type === 'country') slotOf[e] = countries.push(e) - 1;
    });
    // a dense (country × entity) grid while it stays small (~30 MB at most), else maps
    const cells = countries.length * t.entityId.length;
    axis = { countries, slotOf, pairs: cells <= 8_000_000 ? new Int32Array(cells) : null };
    axes.set(t, axis);
  }
  return axis;
}

/** Articles of `ids` that count: republished copies left out. */
function membersOf(t: MentionTable, ids: ArrayLike<number>): { member: Uint8Array; list: number[] } {
  const member = new Uint8Array(t.articles);
  const list: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    if (!t.duplicate[i] && !member[i]) {
      member[i] = 1;
      list.push(i);
    }
  }
  return { member, list };
}

/**
 * For each country (by slot), how often each other entity is mentioned in paragraphs that
 * name it, over the articles given; only entities whose type `wanted` accepts.
 */
function companionsIn(t: MentionTable, list: number[], wanted: (type: MentionType) => boolean, onlySlots?: Set<number>): Map<number, Map<number, number>> {
  const axis = axisOf(t);
  const width = t.entityId.length;
  const out = new Map<number, Map<number, number>>();
  const c = t.companions;
  if (axis.pairs) {
    const grid = axis.pairs;
    const touched: number[] = [];
    for (const i of list) {
      for (let r = c.start[i]!; r < c.start[i + 1]!; r++) {
        const slot = axis.slotOf[c.country[r]!]!;
        const o = c.other[r]!;
        if (!wanted(t.entityType[o]!) || (onlySlots && !onlySlots.has(slot))) continue;
        const cell = slot * width + o;
        if (grid[cell] === 0) touched.push(cell);
        grid[cell] = grid[cell]! + c.count[r]!;
      }
    }
    for (const cell of touched) {
      const slot = Math.floor(cell / width);
      let m = out.get(slot);
      if (!m) out.set(slot, (m = new Map()));
      m.set(cell % width, grid[cell]!);
      grid[cell] = 0;
    }
    return out;
  }
  for (const i of list) {
    for (let r = c.start[i]!; r < c.start[i + 1]!; r++) {
      const slot = axis.slotOf[c.country[r]!]!;
      const o = c.other[r]!;
      if (!wanted(t.entityType[o]!) || (onlySlots && !onlySlots.has(slot))) continue;
      let m = out.get(slot);
      if (!m) out.set(slot, (m = new Map()));
      m.set(o, (m.get(o) ?? 0) + c.count[r]!);
    }
  }
  return out;
}

/** The n entities of one type most often beside a country, by name. */
function topOf(t: MentionTable, counts: Map<number, number> | undefined, type: MentionType, n: number): string[] {
  const byName = new Map<string, number>();
  for (const [e, k] of counts ?? []) if (t.entityType[e] === type) byName.set(t.entityName[e]!, (byName.get(t.entityName[e]!) ?? 0) + k);
  return top(byName, n);
}

/** The figures of member articles (positions) and their count per country. */
function figuresOfMembers(figures: Figures, member: Uint8Array): { positions: ArrayLike<number>; byCountry: Map<string, number> } {
  if (figures instanceof FigureStore) return figures.ofMembers(member);
  const positions: number[] = [];
  const byCountry = new Map<string, number>();
  for (let i = 0; i < figures.length; i++) {
    if (member[articleAt(figures, i)] !== 1) continue;
    positions.push(i);
    const country = countryAt(figures, i);
    if (country) byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
  }
  return { positions, byCountry };
}

/** The comparison over the articles `ids` of a table (all when omitted). */
export function comparisonIn(t: MentionTable, figures: Figures, ids: ArrayLike<number> = everyArticle(t.articles)): Comparison {
  const axis = axisOf(t);
  const C = axis.countries.length;
  const { member, list } = membersOf(t, ids);
  const articles = new Int32Array(C);
  const mentions = new Int32Array(C);
  const first: (string | null)[] = new Array(C).fill(null);
  const last: (string | null)[] = new Array(C).fill(null);
  const years: Map<string, number>[] = Array.from({ length: C }, () => new Map());
  const undated = new Int32Array(C);
  const together = new Int32Array(C * C);
  const slots: number[] = [];
  for (const i of list) {
    const date = t.published[i] ?? null;
    slots.length = 0;
    for (let r = t.entities.start[i]!; r < t.entities.start[i + 1]!; r++) {
      const slot = axis.slotOf[t.entities.key[r]!]!;
      if (slot < 0) continue;
      slots.push(slot);
      articles[slot] = articles[slot]! + 1;
      mentions[slot] = mentions[slot]! + t.entities.count[r]!;
      if (date) {
        if (first[slot] === null || date < first[slot]!) first[slot] = date;
        if (last[slot] === null || date > last[slot]!) last[slot] = date;
        const y = date.slice(0, 4);
        years[slot]!.set(y, (years[slot]!.get(y) ?? 0) + 1);
      } else undated[slot] = undated[slot]! + 1;
    }
    for (let x = 0; x < slots.length; x++)
      for (let y = x + 1; y < slots.length; y++) {
        const [a, b] = slots[x]! < slots[y]! ? [slots[x]!, slots[y]!] : [slots[y]!, slots[x]!];
        together[a * C + b] = together[a * C + b]! + 1;
      }
  }
  const { positions: inSet, byCountry: figureCount } = figuresOfMembers(figures, member);
  const comp = companionsIn(t, list, (type) => type === 'organization' || type === 'person');
  const present = axis.countries.map((_, slot) => slot).filter((slot) => articles[slot]! > 0);
  const nameOf = (slot: number) => t.entityName[axis.countries[slot]!]!;
  const countries: CountryProfile[] = present.map((slot) => ({
    country: nameOf(slot),
    articles: articles[slot]!,
    mentions: mentions[slot]!,
    share: list.length ? articles[slot]! / list.length : 0,
    first: first[slot]!,
    last: last[slot]!,
    topOrganizations: topOf(t, comp.get(slot), 'organization', 3),
    topPeople: topOf(t, comp.get(slot), 'person', 3),
    figures: figureCount.get(nameOf(slot)) ?? 0,
  }));
  countries.sort((x, y) => y.articles - x.articles || y.mentions - x.mentions || x.country.localeCompare(y.country));

  const coMentions: CoMention[] = [];
  for (const a of present)
    for (const b of present) {
      if (a < b && together[a * C + b]! > 0) {
        const [x, y] = [nameOf(a), nameOf(b)].sort();
        coMentions.push({ a: x!, b: y!, articles: together[a * C + b]! });
      }
    }
  coMentions.sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  const slotByName = new Map(present.map((slot) => [nameOf(slot), slot]));
  const timeline = countries.map(({ country }) => {
    const slot = slotByName.get(country)!;
    return { country, years: Object.fromEntries([...years[slot]!].sort((x, y) => (x[0] < y[0] ? -1 : 1))), undated: undated[slot]! };
  });
  return { countries, coMentions, figures: subsetOf(figures, inSet), timeline };
}

/** The figures that pass a test, as objects. */
function figuresOf(figures: Figures, keep: (i: number) => boolean): FigureFact[] {
  const out: FigureFact[] = [];
  for (let i = 0; i < figures.length; i++) if (keep(i)) out.push(figures.at(i)!);
  return out;
}

/** The comparison over a list of articles (a command's whole corpus). */
export function compareCountries(articles: Article[], figures: Figures): Comparison {
  return comparisonIn(mentionTable(articles), figures);
}

/** Articles that name both countries. */
export function coMentionCount(c: Comparison, a: string, b: string): number {
  if (a === b) return c.countries.find((x) => x.country === a)?.articles ?? 0;
  const [x, y] = [a, b].sort();
  return c.coMentions.find((m) => m.a === x && m.b === y)?.articles ?? 0;
}

/** `A`: how an article is named (its position in memory; its id and title from a database). */
export interface SideBySide<A = number> {
  /** each country's companions (the six most mentioned in paragraphs naming it), its figures, and the articles that name it and no other of the countries */
  columns: { country: string; organizations: string[]; people: string[]; places: string[]; figures: FigureFact[]; only: A[] }[];
  /** articles that name every selected country */
  shared: A[];
}

/** How many organizations, people and places a country's column names. */
export const SIDE_TOP = 6;

/** Two or more countries in columns: their organizations, people, places and figures, shared and unique articles. */
export function sideBySideIn(t: MentionTable, figures: Figures, countries: string[], ids: ArrayLike<number> = everyArticle(t.articles)): SideBySide {
  const axis = axisOf(t);
  const slotByName = new Map(axis.countries.map((e, slot) => [t.entityName[e]!, slot]));
  const wanted = countries.map((c) => slotByName.get(c) ?? -1);
  const { member, list } = membersOf(t, ids);
  const shared: number[] = [];
  const only: number[][] = countries.map(() => []);
  const named = new Uint8Array(countries.length);
  for (const i of list) {
    named.fill(0);
    for (let r = t.entities.start[i]!; r < t.entities.start[i + 1]!; r++) {
      const k = wanted.indexOf(axis.slotOf[t.entities.key[r]!]!);
      if (k >= 0 && wanted[k]! >= 0) named[k] = 1;
    }
    const n = named.reduce((s, x) => s + x, 0);
    if (n === countries.length) shared.push(i);
    else if (n === 1) only[named.indexOf(1)]!.push(i);
  }
  const comp = companionsIn(t, list, (type) => type !== 'country', new Set(wanted));
  return {
    shared,
    columns: countries.map((country, k) => ({
      country,
      organizations: topOf(t, comp.get(wanted[k]!), 'organization', SIDE_TOP),
      people: topOf(t, comp.get(wanted[k]!), 'person', SIDE_TOP),
      places: topOf(t, comp.get(wanted[k]!), 'place', SIDE_TOP),
      figures: figuresOf(figures, (i) => countryAt(figures, i) === country && member[articleAt(figures, i)] === 1),
      only: only[k]!,
    })),
  };
}

/** The same over a list of articles. */
export function sideBySide(articles: Article[], figures: Figures, countries: string[]): SideBySide {
  return sideBySideIn(mentionTable(articles), figures, countries);
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of counts per year from `from` to `to`: "▁▁█▃". */
export function sparkline(years: Record<string, number>, from: number, to: number): string {
  const values = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => years[String(from + i)] ?? 0);
  const max = Math.max(1, ...values);
  // a year with none is a dot, not a gap: every year of the range shows
  return values.map((v) => (v === 0 ? '·' : BARS[Math.min(BARS.length - 1, Math.ceil((v / max) * BARS.length) - 1)])).join('');
}

const SHADES = ' ░▒▓█';

/** A matrix cell that reads without colour: a shade for the share of the largest count, and the number. */
export function shade(n: number, max: number): string {
  if (n === 0) return SHADES[0]!;
  return SHADES[Math.max(1, Math.ceil((n / Math.max(1, max)) * (SHADES.length - 1)))]!;
}
