/** The countries table: per country, the articles and mentions within a set of articles. */
import type { Article } from '../corpus/types.js';
import { countEntities } from './entityCounts.js';

export interface CountryRow {
  id: string;
  country: string;
  articles: number;
  mentions: number;
  /** share of the set's articles that mention the country */
  share: number;
}

export function countryTable(articles: Article[]): CountryRow[] {
  const total = articles.filter((a) => !a.duplicateOf).length;
  return countEntities(articles, 'country')
    .map((e) => ({ id: e.id, country: e.name, articles: e.articles, mentions: e.mentions, share: total ? e.articles / total : 0 }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.country.localeCompare(b.country));
}
