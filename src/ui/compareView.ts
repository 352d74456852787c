/** The Compare pane's views as plain data: sorted countries, the matrix axes, and the lines of the text views. */
import { sparkline, type Comparison, type CountryProfile, type SideBySide } from '../analysis/compare.js';
import { countryAt } from '../analysis/figureStore.js';
import type { FigureFact } from '../analysis/figures.js';
import type { MentionTable } from '../analysis/mentionTable.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { CompareSort, LineTarget } from './state.js';
import { fit } from './textWidth.js';

export function sortCountries(rows: CountryProfile[], key: CompareSort): CountryProfile[] {
  const by: Record<CompareSort, (a: CountryProfile, b: CountryProfile) => number> = {
    articles: (a, b) => b.articles - a.articles,
    mentions: (a, b) => b.mentions - a.mentions,
    share: (a, b) => b.share - a.share,
    country: (a, b) => a.country.localeCompare(b.country),
    first: (a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999'),
    last: (a, b) => (b.last ?? '').localeCompare(a.last ?? ''),
    figures: (a, b) => b.figures - a.figures,
  };
  return [...rows].sort((a, b) => by[key](a, b) || b.articles - a.articles || a.country.localeCompare(b.country));
}

/** Label and cell widths of the matrix; as many countries as fit, most covered first. */
export const MATRIX_LABEL = 14;
/** a shade and a count under a three-letter code */
export const MATRIX_CELL = 5;

/** The matrix's axes: every country of the comparison, most articles first (the pane scrolls over them). */
export function matrixAxis(c: Comparison): string[] {
  return c.countries.map((r) => r.country);
}

/** How many matrix columns fit `width`. */
export function matrixColumns(width: number): number {
  return Math.max(1, Math.floor((width - MATRIX_LABEL) / MATRIX_CELL));
}

/** ISO 3166 alpha-3 codes by country name, from the mention table's country ids ("country:KAZ"): distinct headers. */
export function countryCodesOf(table: MentionTable): Map<string, string> {
  const codes = new Map<string, string>();
  table.entityId.forEach((id, k) => {
    if (table.entityType[k] === 'country' && id.startsWith('country:')) codes.set(table.entityName[k]!, id.slice('country:'.length, 'country:'.length + 3));
  });
  return codes;
}

export function figureLine(f: FigureFact): string {
  const n = f.low === f.high ? f.low.toLocaleString('en') : `${f.low.toLocaleString('en')}–${f.high.toLocaleString('en')}`;
  return sanitizeLine(
    `${f.qualifier ? f.qualifier + ' ' : ''}${n} ${f.what}${f.event ? ` (${f.event})` : ''}${f.year ? `, ${f.year}` : ''}${f.speaker ? ` — ${f.speaker}` : ''}`,
  );
}

/** What the side-by-side view says until two countries are marked. */
export const MARK_TWO = 'Mark two or more countries with Space in the countries view (v cycles the views).';

/** The side-by-side view of the marked countries (`sbs`'s columns); `titleOf` names an article. */
export function sideBySideLines<A>(sbs: SideBySide<A>, titleOf: (article: A) => string, width: number): string[] {
  const marked = sbs.columns.map((c) => c.country);
  const colWidth = Math.max(10, Math.floor((width - (marked.length - 1) * 2) / marked.length));
  const sections: [string, (col: (typeof sbs.columns)[number]) => string[]][] = [
    ['organizations', (c) => c.organizations],
    ['people', (c) => c.people],
    ['places', (c) => c.places],
    ['figures', (c) => c.figures.map(figureLine)],
    ['only here (articles)', (c) => c.only.map(titleOf)],
  ];
  const lines = [marked.map((m) => fit(sanitizeLine(m.toUpperCase()), colWidth)).join('  ')];
  for (const [name, pick] of sections) {
    const cells = sbs.columns.map(pick);
    const rows = Math.max(1, ...cells.map((c) => c.length));
    lines.push(marked.map(() => fit(`· ${name}`, colWidth)).join('  '));
    for (let r = 0; r < rows; r++) lines.push(cells.map((c) => fit(c[r] ? sanitizeLine(c[r]!) : r === 0 ? '—' : '', colWidth)).join('  '));
  }
  lines.push(`shared by all (${sbs.shared.length} articles):`, ...sbs.shared.map((a) => `  ${sanitizeLine(titleOf(a))}`));
  return lines;
}

export function timelineLines(c: Comparison): string[] {
  const years = c.timeline.flatMap((t) => Object.keys(t.years).map(Number));
  if (!years.length) return ['No dated articles here.', ...c.timeline.map((t) => `${fit(t.country, 16)} undated ${t.undated}`)];
  const from = Math.min(...years);
  const to = Math.max(...years);
  const w = Math.max(to - from + 1, 10);
  const axis = to > from ? fit(String(from), w - 4) + String(to) : fit(String(from), w);
  // each row's bars are scaled to its own busiest year, so the row says what that is
  const peak = (years: Record<string, number>) => {
    const [year, n] = Object.entries(years).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    return n ? `${n} in ${year}` : '—';
  };
  return [
    `${fit('', 16)} ${axis}  ${fit('peak', 12)} undated`,
    ...c.timeline.map((t) => `${fit(t.country, 16)} ${fit(sparkline(t.years, from, to), w)}  ${fit(peak(t.years), 12)} ${t.undated}`),
  ];
}

/** Lines of a scrolling view, made as they are shown: a view may have hundreds of thousands. */
export interface Lines {
  length: number;
  at(i: number): string;
  /** where line i leads, for views with a cursor (the figures) */
  targetAt?(i: number): LineTarget | undefined;
}

export const linesOf = (lines: string[]): Lines => ({ length: lines.length, at: (i) => lines[i] ?? '' });

const NO_COUNTRY = '(no country)';

/** Figures by country, most first: a heading per country, then a line per figure. */
export function figuresLines(c: Comparison): Lines {
  if (!c.figures.length) return linesOf(['No figures in these articles.']);
  // positions grouped by country; a figure is made an object when its line is shown
  const byCountry = new Map<string, number[]>();
  for (let i = 0; i < c.figures.length; i++) {
    const key = countryAt(c.figures, i) ?? NO_COUNTRY;
    const list = byCountry.get(key);
    if (list) list.push(i);
    else byCountry.set(key, [i]);
  }
  // most figures first; the figures no country could be given to last
  const groups = [...byCountry].sort((a, b) => Number(a[0] === NO_COUNTRY) - Number(b[0] === NO_COUNTRY) || b[1].length - a[1].length);
  // where each group's heading sits; its figures follow
  const starts: number[] = [];
  let length = 0;
  for (const [, list] of groups) {
    starts.push(length);
    length += 1 + list.length;
  }
  /** the group line i falls in, and its place in the group (0: the heading) */
  const groupOf = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return { group: groups[lo]!, k: i - starts[lo]! };
  };
  const figureAt = (list: number[], k: number) => (k < 1 || list[k - 1] === undefined ? undefined : c.figures.at(list[k - 1]!));
  return {
    length,
    at(i) {
      const { group, k } = groupOf(i);
      const [country, list] = group;
      if (k === 0) return `${country} (${list.length})`;
      const f = figureAt(list, k);
      return f ? `  ${figureLine(f)}` : '';
    },
    targetAt(i) {
      if (i < 0 || i >= length) return undefined;
      const { group, k } = groupOf(i);
      const [country, list] = group;
      if (k === 0) return country === NO_COUNTRY ? undefined : { country };
      const f = figureAt(list, k);
      return f && { article: f.index, paragraph: f.paragraph, start: f.start, end: f.end };
    },
  };
}
