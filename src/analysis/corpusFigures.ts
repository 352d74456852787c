/** Figures of every article of a corpus, with place mentions resolved to their countries. */
import type { Article } from '../corpus/types.js';
import { placeCountryOf } from '../entities/gazetteer.js';
import { FigureStore } from './figureStore.js';
import { figuresOf, type Figure } from './figures.js';

export function corpusFigures(articles: Article[]): Figure[] {
  const placeCountry = placeCountryOf();
  return articles.flatMap((a, i) => (a.duplicateOf ? [] : figuresOf(a, i, placeCountry)));
}

/** Every article's figures as the dashboard keeps them (typed columns, no snippets). */
export function figureStoreOf(articles: Article[]): FigureStore {
  const job = figuresInSlices(articles);
  job.next(Infinity);
  return job.figures;
}

/**
 * The same, a slice at a time: each call extracts until `budgetMs` has passed and says how
 * far it got, so a large corpus's figures can be made between key presses. Kept in typed
 * columns and without their snippets, which the dashboard does not show.
 */
export function figuresInSlices(articles: Article[]): { next(budgetMs: number): boolean; done(): number; figures: FigureStore } {
  const placeCountry = placeCountryOf();
  const figures = new FigureStore();
  let i = 0;
  return {
    figures,
    done: () => i,
    next(budgetMs) {
      const until = performance.now() + budgetMs;
      while (i < articles.length && performance.now() < until) {
        const a = articles[i]!;
        if (a.duplicateOf) {
          i++;
          continue;
        }
        for (const f of figuresOf(a, i, placeCountry)) figures.push(f);
        i++;
      }
      return i >= articles.length;
    },
  };
}
