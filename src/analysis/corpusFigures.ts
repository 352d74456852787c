/** Figures of every article of a corpus, with place mentions resolved to their countries. */
import type { Article } from '../corpus/types.js';
import { placeCountryOf } from '../entities/gazetteer.js';
import { figuresOf, type Figure } from './figures.js';

export function corpusFigures(articles: Article[]): Figure[] {
  const placeCountry = placeCountryOf();
  return articles.flatMap((a, i) => (a.duplicateOf ? [] : figuresOf(a, i, placeCountry)));
}
