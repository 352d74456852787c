/** Figures of every article of a corpus, with place mentions resolved to their countries. */
import { makeInterner } from '../corpus/intern.js';
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
  // the same few words ("people", "killed", "about", a speaker's name) recur across thousands
  // of figures: one string each
  const pool = makeInterner();
  const shared = (s: string | null) => (s === null ? null : pool(s));
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
        for (const { snippet: _, ...f } of figuresOf(a, i, placeCountry)) {
          figures.push({ ...f, qualifier: shared(f.qualifier), what: pool(f.what), event: shared(f.event), speaker: shared(f.speaker) });
        }
        i++;
      }
      return i >= articles.length;
    },
  };
}
