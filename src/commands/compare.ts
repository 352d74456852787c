/** `steppe compare [--json] [--query Q] [PATH…]`: the cross-country comparison without the dashboard. */
import { compareCountries, sparkline, type Comparison } from '../analysis/compare.js';
import { listOf } from '../analysis/figureStore.js';
import { corpusFigures } from '../analysis/corpusFigures.js';
import type { Corpus } from '../corpus/types.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { matchingArticles, type MarksOf } from './matching.js';
import { plainTable as table } from '../text/plainTable.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';

/** `index`: the corpus's index when it came with it (a snapshot); built only if a query needs one. */
export function comparison(corpus: Corpus, query: string | undefined, index?: SearchIndex, marks?: MarksOf): Comparison {
  const articles = matchingArticles(corpus, query, index, marks, '--query');
  return compareCountries(articles, corpusFigures(articles));
}

/** The JSON document: figures without the internal corpus position. */
export function comparisonJson(c: Comparison): string {
  return toJson({ ...c, figures: listOf(c.figures).map(({ index: _index, paragraph: _p, ...f }) => f) }) + '\n';
}

export function comparisonText(c: Comparison): string {
  const out = table(
    ['country', 'articles', 'mentions', 'share', 'first', 'last', 'figures', 'top organizations', 'top people'],
    c.countries.map((r) => [r.country, String(r.articles), String(r.mentions), `${Math.round(r.share * 100)}%`, r.first ?? '—', r.last ?? '—', String(r.figures), r.topOrganizations.join(', '), r.topPeople.join(', ')].map(sanitizeLine)),
    [false, true, true, true, false, false, true, false, false],
  );
  const years = c.timeline.flatMap((t) => Object.keys(t.years).map(Number));
  if (years.length) {
    const from = Math.min(...years);
    const to = Math.max(...years);
    out.push('', `articles per year ${from}–${to} (undated apart):`);
    out.push(...table(['country', 'timeline', 'undated'], c.timeline.map((t) => [t.country, sparkline(t.years, from, to), String(t.undated)]), [false, false, true]));
  }
  if (c.coMentions.length) {
    out.push('', 'named together (articles):');
    out.push(...c.coMentions.slice(0, 15).map((m) => `  ${m.a} × ${m.b}: ${m.articles}`));
  }
  if (c.figures.length) {
    out.push('', 'figures:');
    for (const f of listOf(c.figures)) {
      const n = f.low === f.high ? f.low.toLocaleString('en') : `${f.low.toLocaleString('en')}–${f.high.toLocaleString('en')}`;
      out.push(sanitizeLine(`  ${f.country ?? '—'}: ${f.qualifier ? f.qualifier + ' ' : ''}${n} ${f.what}${f.event ? ` (${f.event})` : ''}${f.year ? `, ${f.year}` : ''}${f.speaker ? ` — ${f.speaker}` : ''}`));
    }
  }
  return out.join('\n') + '\n';
}
