/** Figures of every article of a corpus, with place mentions resolved to their countries. */
import type { Article } from '../corpus/types.js';
import { placeCountryOf } from '../entities/gazetteer.js';
import { figuresOf, type Figure, type FigureFact } from './figures.js';

export function corpusFigures(articles: Article[]): Figure[] {
  const placeCountry = placeCountryOf();
  return articles.flatMap((a, i) => (a.duplicateOf ? [] : figuresOf(a, i, placeCountry)));
}

/**
 * The same, a slice at a time: each call extracts until `budgetMs` has passed and says how
 * far it got, so a large corpus's figures can be made between key presses. Kept without
 * their snippets, which the dashboard does not show and which would double their memory.
 */
export function figuresInSlices(articles: Article[]): { next(budgetMs: number): boolean; done(): number; figures: FigureFact[] } {
  const placeCountry = placeCountryOf();
  const figures: FigureFact[] = [];
  let i = 0;
  return {
    figures,
    done: () => i,
    next(budgetMs) {
      const until = performance.now() + budgetMs;
      while (i < articles.length && performance.now() < until) {
        const a = articles[i]!;
        if (!a.duplicateOf) for (const { snippet: _, ...fact } of figuresOf(a, i, placeCountry)) figures.push(fact);
        i++;
      }
      return i >= articles.length;
    },
  };
}
