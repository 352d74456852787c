/**
 * Cross-country comparison over a set of articles: a profile per country, the co-mention
 * matrix, figures, and articles per year. Republished copies count once.
 */
import type { Article } from '../corpus/types.js';
import type { Figure } from './figures.js';

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
  figures: Figure[];
  timeline: TimelineRow[];
}

const top = (m: Map<string, number>, n: number) =>
  [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, n).map(([k]) => k);

/** For each country, how often each organization, person and place shares a paragraph with it. */
export function companions(articles: Article[]): Map<string, { organization: Map<string, number>; person: Map<string, number>; place: Map<string, number> }> {
  const out = new Map<string, { organization: Map<string, number>; person: Map<string, number>; place: Map<string, number> }>();
  for (const a of articles) {
    if (a.duplicateOf) continue;
    const byParagraph = new Map<number, typeof a.mentions>();
    for (const m of a.mentions) byParagraph.set(m.paragraph, [...(byParagraph.get(m.paragraph) ?? []), m]);
    for (const ms of byParagraph.values()) {
      const countries = new Set(ms.filter((m) => m.type === 'country').map((m) => m.name));
      for (const c of countries) {
        let entry = out.get(c);
        if (!entry) out.set(c, (entry = { organization: new Map(), person: new Map(), place: new Map() }));
        for (const m of ms) if (m.type !== 'country') entry[m.type].set(m.name, (entry[m.type].get(m.name) ?? 0) + 1);
      }
    }
  }
  return out;
}

export function compareCountries(articles: Article[], figures: Figure[]): Comparison {
  const set = articles.filter((a) => !a.duplicateOf);
  const ids = new Set(set.map((a) => a.id));
  const inSet = figures.filter((f) => ids.has(f.article));
  const per = new Map<string, { articles: Article[]; mentions: number }>();
  for (const a of set) {
    const names = new Map<string, number>();
    for (const m of a.mentions) if (m.type === 'country') names.set(m.name, (names.get(m.name) ?? 0) + 1);
    for (const [name, n] of names) {
      const p = per.get(name) ?? { articles: [], mentions: 0 };
      p.articles.push(a);
      p.mentions += n;
      per.set(name, p);
    }
  }
  const comp = companions(set);
  const countries: CountryProfile[] = [...per].map(([country, p]) => {
    const dates = p.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
    return {
      country,
      articles: p.articles.length,
      mentions: p.mentions,
      share: set.length ? p.articles.length / set.length : 0,
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      topOrganizations: top(comp.get(country)?.organization ?? new Map(), 3),
      topPeople: top(comp.get(country)?.person ?? new Map(), 3),
      figures: inSet.filter((f) => f.country === country).length,
    };
  });
  countries.sort((x, y) => y.articles - x.articles || y.mentions - x.mentions || x.country.localeCompare(y.country));

  const pairs = new Map<string, number>();
  for (const a of set) {
    const names = [...new Set(a.mentions.filter((m) => m.type === 'country').map((m) => m.name))].sort();
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.set(`${names[i]}\u0000${names[j]}`, (pairs.get(`${names[i]}\u0000${names[j]}`) ?? 0) + 1);
  }
  const coMentions = [...pairs].map(([k, n]) => {
    const [a, b] = k.split('\u0000') as [string, string];
    return { a, b, articles: n };
  }).sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  const timeline = countries.map(({ country }) => {
    const years: Record<string, number> = {};
    let undated = 0;
    for (const a of per.get(country)!.articles) {
      if (a.published) years[a.published.slice(0, 4)] = (years[a.published.slice(0, 4)] ?? 0) + 1;
      else undated++;
    }
    return { country, years, undated };
  });
  return { countries, coMentions, figures: inSet, timeline };
}

/** Articles that name both countries. */
export function coMentionCount(c: Comparison, a: string, b: string): number {
  if (a === b) return c.countries.find((x) => x.country === a)?.articles ?? 0;
  const [x, y] = [a, b].sort();
  return c.coMentions.find((m) => m.a === x && m.b === y)?.articles ?? 0;
}

export interface SideBySide {
  columns: { country: string; organizations: string[]; people: string[]; places: string[]; figures: Figure[]; only: string[] }[];
  /** ids of articles that name every selected country */
  shared: string[];
}

/** Two or more countries in columns: their organizations, people, places and figures, shared and unique articles. */
export function sideBySide(articles: Article[], figures: Figure[], countries: string[]): SideBySide {
  const set = articles.filter((a) => !a.duplicateOf);
  const comp = companions(set);
  const named = (a: Article, c: string) => a.mentions.some((m) => m.type === 'country' && m.name === c);
  const shared = set.filter((a) => countries.every((c) => named(a, c))).map((a) => a.id);
  const ids = new Set(set.map((a) => a.id));
  return {
    shared,
    columns: countries.map((country) => ({
      country,
      organizations: top(comp.get(country)?.organization ?? new Map(), 6),
      people: top(comp.get(country)?.person ?? new Map(), 6),
      places: top(comp.get(country)?.place ?? new Map(), 6),
      figures: figures.filter((f) => f.country === country && ids.has(f.article)),
      only: set.filter((a) => named(a, country) && countries.every((c) => c === country || !named(a, c))).map((a) => a.id),
    })),
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of counts per year from `from` to `to`: "▁▁█▃". */
export function sparkline(years: Record<string, number>, from: number, to: number): string {
  const values = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => years[String(from + i)] ?? 0);
  const max = Math.max(1, ...values);
  return values.map((v) => (v === 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.ceil((v / max) * BARS.length) - 1)])).join('');
}

const SHADES = ' ░▒▓█';

/** A matrix cell that reads without colour: a shade for the share of the largest count, and the number. */
export function shade(n: number, max: number): string {
  if (n === 0) return SHADES[0]!;
  return SHADES[Math.max(1, Math.ceil((n / Math.max(1, max)) * (SHADES.length - 1)))]!;
}
