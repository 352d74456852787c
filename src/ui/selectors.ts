/**
 * Derived data for the panes, pure and memoised: the filter result once per query, the
 * sorted list once per (query, sort), tables once per (query, type), reader lines once per
 * (article, width, options). Nothing here runs per frame unless its inputs changed.
 */
import { entityCountsIn, type EntityCount } from '../analysis/entityCounts.js';
import { plainTitle } from '../corpus/displayTitle.js';
import { comparisonIn, sideBySideIn, type Comparison, type CountryProfile } from '../analysis/compare.js';
import type { Figures } from '../analysis/figureStore.js';
import { concordance, type KwicLine } from '../analysis/kwic.js';
import { collocatesWith, type Collocates } from '../analysis/collocates.js';
import { sortConcordance, wordConcordance, type KwicSort } from '../analysis/wordKwic.js';
import type { MentionTable } from '../analysis/mentionTable.js';
import type { MentionType } from '../corpus/types.js';
import { hasMarkFilter, type Query } from '../search/query.js';
import type { Mark } from '../review/marks.js';
import { fieldMentions, searchAll, type SearchResult } from '../search/search.js';
import { hitRanges } from '../search/hits.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { ArticleRow, MemoryModel } from './model.js';
import type { Article } from '../corpus/types.js';
import { countryCodesOf, figuresLines, linesOf, MARK_TWO, matrixAxis, sideBySideLines, sortCountries, timelineLines, type Lines } from './compareView.js';
import type { CompareSort, CompareView, Concordance, SortKey } from './state.js';
import { wrapRanges } from './textWidth.js';

/**
 * A phrase over common words reads thousands of articles' text: a keystroke checks for this
 * long, then the list shows what was found so far and the check goes on between keys.
 */
const PHRASE_BUDGET_MS = 20;
const PHRASE_ROUND_MS = 30;

/** The compare views count no figures while a large corpus's are still being extracted. */
const PENDING: Figures = [];

/**
 * A memo of the last `slots` keys (one by default): recomputes only for a key it does not hold.
 * Two slots where two keys alternate, e.g. the list's query and the tables' settled query.
 */
function memo<K, V>(compute: (key: K) => V, same: (a: K, b: K) => boolean = (a, b) => a === b, slots = 1): (key: K) => V {
  const held: { key: K; value: V }[] = [];
  return (key) => {
    const at = held.findIndex((h) => same(h.key, key));
    const hit = at >= 0 ? held.splice(at, 1)[0]! : { key, value: compute(key) };
    held.unshift(hit);
    if (held.length > slots) held.pop();
    return hit.value;
  };
}

export interface Segment {
  text: string;
  entity?: MentionType;
  hit?: boolean;
  style?: 'title' | 'label' | 'dim' | 'note';
}

export interface Selectors {
  result(query: Query): SearchResult;
  list(query: Query, sort: SortKey): number[];
  entities(query: Query, type: MentionType): { rows: EntityCount[]; totals: Map<string, EntityCount> };
  comparison(query: Query): Comparison;
  /** the countries table in the order chosen */
  compareRows(query: Query, sort: CompareSort): CountryProfile[];
  /** the countries on the co-mention matrix's axes (all of them; the pane scrolls) */
  matrix(query: Query): string[];
  /** ISO alpha-3 codes by country name: the matrix's column headers */
  countryCodes(): Map<string, string>;
  figures(): Figures;
  /** how far a large corpus's figures are extracted (0–1), or null when they are ready */
  figuresProgress(): number | null;
  /** how far the index is built (0–1) while it is built in the background, or null when ready */
  indexProgress(): number | null;
  /** how far a large corpus's mention table is made; null once it is */
  tableProgress(): number | null;
  /** how far the entities of a large JSON Lines file are found (other threads), or null once they are */
  entitiesProgress(): number | null;
  /** lines of the scrolling compare views (side by side, timeline, figures) */
  compareLines(query: Query, view: CompareView, marked: string[], width: number): Lines;
  /** an entity's mentions or the query's hits in context, in one of KWIC_SORTS */
  concordance(query: Query, of: Concordance, sort: KwicSort): KwicLine[];
  reader(article: number, width: number, showEntities: boolean, query: Query): ReaderLines;
  /** how many articles a query finds (the saved searches list's counts); null while the index is made */
  countOf(query: Query): number | null;
  /** the words near the query's hits, by log-likelihood (C) */
  collocates(query: Query): Collocates;
  /** how many articles the query finds in all (a database's list holds the pages read so far) */
  matches(query: Query): number;
  /** how many articles the corpus holds */
  size(): number;
  /** what the panes cannot show yet, said in the list's title: a database unreachable, a query still running */
  notice(): string | null;
  /** answers that arrive later (a database's) re-render through this */
  subscribe?(listener: () => void): () => void;
  /** the list's cursor stands at `index` of the query's list: a paged list reads its next page before it is needed */
  reach?(query: Query, sort: SortKey, index: number): void;
}

/** An article as the reader shows it: its lines, those with a hit, and the line a paragraph's character is on. */
export interface ReaderLines {
  lines: Segment[][];
  hitLines: number[];
  lineOf(paragraph: number, offset: number): number;
  /** where a line starts in the text (a paragraph and a character), or null for the title and metadata lines */
  placeOf(line: number): { paragraph: number; offset: number } | null;
}

/** The review marks as the selectors see them: a lookup and a version that changes with every mark. */
export interface MarksView {
  get(articleId: string): Mark | undefined;
  version: number;
}

export function makeSelectors(model: MemoryModel, marks: MarksView = { get: () => undefined, version: 0 }): Selectors {
  const session = model.session;
  // is:new reads the session's fresh ids beside the marks
  const markOf = (id: string) => {
    const m = marks.get(id);
    return session.fresh.has(id) ? { ...m, new: true } : m;
  };
  // while the index is built in the background every query waits: the list shows every
  // article (one result, made once), and the query applies once the index is ready
  // (made again once the entities are found, so that tables made from it before are made again)
  let everything: SearchResult | null = null;
  let everythingFound = false;
  const waiting = () => {
    const found = session.progress().entities === null;
    if (!everything || everythingFound !== found) {
      everything = { ids: model.articles.map((_, i) => i), scores: new Float64Array(0), terms: new Set(), phrases: [] };
      everythingFound = found;
    }
    return everything;
  };
  const resultFor = memo(
    ({ q }: { q: Query; v: number; round: number }) => searchAll(session.index(), q, markOf, model.phraseBudgetMs ?? PHRASE_BUDGET_MS),
    (a, b) => a.q === b.q && a.v === b.v && a.round === b.round,
    // the list follows the query as typed, a large corpus's tables the settled one
    2,
  );
  // a phrase still being checked: a new round of checking once the last is PHRASE_ROUND_MS old
  let round = 0;
  let roundAt = 0;
  const result = (q: Query) => {
    if (session.progress().index !== null) return waiting();
    // a query with is:/has: depends on the marks too
    const v = hasMarkFilter(q) ? marks.version : 0;
    const r = resultFor({ q, v, round });
    if (r.pending === undefined) return r;
    const now = performance.now();
    if (now - roundAt < PHRASE_ROUND_MS) return r;
    roundAt = now;
    return resultFor({ q, v, round: ++round });
  };
  // each order over the whole corpus is sorted once; a filter result is then laid out in it
  // with one pass, so a keystroke never sorts 100,000 strings
  const orders = new Map<SortKey, Int32Array>();
  const orderOf = (sort: Exclude<SortKey, 'relevance'>) => {
    if (!orders.has(sort))
      orders.set(
        sort,
        Int32Array.from(
          sortIds(
            model,
            model.articles.map((_, i) => i),
            sort,
          ),
        ),
      );
    return orders.get(sort)!;
  };
  const listFor = memo(
    ({ r, sort }: { r: SearchResult; sort: SortKey }) => (sort === 'relevance' ? r.ids : inOrder(orderOf(sort), r.ids, model.articles.length)),
    (a, b) => a.r === b.r && a.sort === b.sort,
  );
  const list = ({ q, sort }: { q: Query; sort: SortKey }) => listFor({ r: result(q), sort });
  // the tables below are keyed on the mention table too: a large corpus's counts none until its table is made
  const totals = new Map<MentionType, Map<string, EntityCount>>();
  let totalsOf: MentionTable | null = null;
  const totalsFor = (t: MentionTable, type: MentionType) => {
    if (totalsOf !== t) totals.clear();
    totalsOf = t;
    if (!totals.has(type)) totals.set(type, new Map(entityCountsIn(t, undefined, type).map((e) => [e.id, e])));
    return totals.get(type)!;
  };
  const entitiesFor = memo(
    ({ r, t, type }: { r: SearchResult; t: MentionTable; type: MentionType }) => ({ rows: entityCountsIn(t, r.ids, type), totals: totalsFor(t, type) }),
    (a, b) => a.r === b.r && a.t === b.t && a.type === b.type,
  );
  const entities = ({ q, type }: { q: Query; type: MentionType }) => entitiesFor({ r: result(q), t: model.table, type });
  // a large corpus's figures are extracted by the session's background work: until then
  // the compare views count none
  const figures = () => session.readyFigures() ?? PENDING;
  const comparisonFor = memo(
    ({ r, t, f }: { r: SearchResult; t: MentionTable; f: Figures }) => comparisonIn(t, f, r.ids),
    (a, b) => a.r === b.r && a.t === b.t && a.f === b.f,
  );
  const comparison = (q: Query) => comparisonFor({ r: result(q), t: model.table, f: figures() });
  const compareRowsFor = memo(
    ({ c, sort }: { c: Comparison; sort: CompareSort }) => sortCountries(c.countries, sort),
    (a, b) => a.c === b.c && a.sort === b.sort,
  );
  const matrixFor = memo(
    (c: Comparison) => matrixAxis(c),
    (a, b) => a === b,
  );
  const codesFor = memo(countryCodesOf, (a, b) => a === b);
  const compareLinesFor = memo(
    (k: { r: SearchResult; t: MentionTable; f: Figures; view: CompareView; marked: string[]; width: number }) => {
      switch (k.view) {
        case 'side by side':
          return linesOf(
            k.marked.length < 2 ? [MARK_TWO] : sideBySideLines(sideBySideIn(k.t, k.f, k.marked, k.r.ids), (i) => plainTitle(model.articles[i]!), k.width),
          );
        case 'timeline':
          return linesOf(timelineLines(comparisonFor(k)));
        case 'figures':
          return figuresLines(comparisonFor(k));
        default:
          return linesOf([]);
      }
    },
    (a, b) => a.r === b.r && a.t === b.t && a.f === b.f && a.view === b.view && a.marked === b.marked && a.width === b.width,
  );
  const collocatesFor = memo(
    // the words near the hits are counted over the matches; the corpus's, once, in the background
    ({ r }: { r: SearchResult }) => collocatesWith(model.articles, r, model.session.wordCounts()),
    (a, b) => a.r === b.r,
  );
  // an entity's lines are the table's; the words' the result's hits; either then sorted
  const kwicFor = memo(
    ({ r, t, id }: { r: SearchResult; t: MentionTable; id: string | null }) =>
      id === null ? wordConcordance(model.articles, r.ids, r.terms, r.phrases) : concordance(model.articles, r.ids, id, t),
    (a, b) => a.r === b.r && a.t === b.t && a.id === b.id,
  );
  const kwicSorted = memo(
    ({ lines, sort }: { lines: KwicLine[]; sort: KwicSort }) => sortConcordance(lines, sort),
    (a, b) => a.lines === b.lines && a.sort === b.sort,
  );
  const kwic = (q: Query, of: Concordance, sort: KwicSort) =>
    kwicSorted({ lines: kwicFor({ r: result(q), t: model.table, id: of.of === 'entity' ? of.id : null }), sort });
  const readerFor = memo(
    (k: { article: number; width: number; showEntities: boolean; r: SearchResult; q: Query; marks: number }) =>
      readerLines(
        model.articles[k.article]!,
        model.rows[k.article]!,
        model.paragraphs(k.article),
        k.width,
        k.showEntities,
        k.r,
        k.q,
        marks.get(model.articles[k.article]!.id),
      ),
    (a, b) => a.article === b.article && a.width === b.width && a.showEntities === b.showEntities && a.r === b.r && a.q === b.q && a.marks === b.marks,
  );
  // counts of the saved searches: a few queries, kept apart from the list's results
  const counts = new Map<string, number>();
  let countsAt = -1;
  const countOf = (q: Query) => {
    if (session.progress().index !== null) return null;
    if (countsAt !== marks.version) counts.clear();
    countsAt = marks.version;
    const key = JSON.stringify(q);
    if (!counts.has(key)) counts.set(key, searchAll(session.index(), q, markOf).ids.length);
    return counts.get(key)!;
  };
  return {
    result,
    countOf,
    list: (q, sort) => list({ q, sort }),
    entities: (q, type) => entities({ q, type }),
    comparison,
    compareRows: (q, sort) => compareRowsFor({ c: comparison(q), sort }),
    matrix: (q) => matrixFor(comparison(q)),
    countryCodes: () => codesFor(model.table),
    figures,
    compareLines: (q, view, marked, width) => compareLinesFor({ r: result(q), t: model.table, f: figures(), view, marked, width }),
    figuresProgress: () => session.progress().figures,
    indexProgress: () => session.progress().index,
    tableProgress: () => session.progress().table,
    entitiesProgress: () => session.progress().entities,
    concordance: kwic,
    collocates: (q) => collocatesFor({ r: result(q) }),
    reader: (article, width, showEntities, q) => readerFor({ article, width, showEntities, r: result(q), q, marks: marks.version }),
    matches: (q) => result(q).ids.length,
    size: () => model.articles.length,
    notice: () => null,
  };
}

/** The ids of `order` that are in `ids`, in `order`'s order. */
function inOrder(order: Int32Array, ids: number[], n: number): number[] {
  if (ids.length === n) return Array.from(order);
  const member = new Uint8Array(n);
  for (const id of ids) member[id] = 1;
  const out: number[] = [];
  for (const id of order) if (member[id]) out.push(id);
  return out;
}

function sortIds(model: MemoryModel, ids: number[], sort: Exclude<SortKey, 'relevance'>): number[] {
  const rows = model.rows;
  // plain string comparison for ISO dates: localeCompare costs a collation per pair
  if (sort === 'date') return ids.sort((a, b) => cmp(dateKey(rows[b]!.date), dateKey(rows[a]!.date)) || a - b);
  const key = sort === 'publisher' ? (i: number) => rows[i]!.publisher : (i: number) => rows[i]!.title;
  return ids.sort((a, b) => key(a).localeCompare(key(b)) || a - b);
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Undated articles sort after every dated one. */
function dateKey(d: string): string {
  return d === 'undated' ? '' : d;
}

/** The reader's margin: a column on each side, as less and mutt's pager leave none but newsboat does. */
const MARGIN = 1;

/** An article's reader lines: `paragraphs` its text made safe, `r` what marks the hits. */
export function readerLines(
  a: Article,
  row: ArticleRow,
  paragraphs: string[],
  paneWidth: number,
  showEntities: boolean,
  r: Pick<SearchResult, 'terms' | 'phrases'>,
  q: Query,
  mark: Mark | undefined,
): ReaderLines {
  const lines: Segment[][] = [];
  const hitLines: number[] = [];
  const width = Math.max(1, paneWidth - 2 * MARGIN);
  const pad: Segment = { text: ' '.repeat(MARGIN) };
  const wrapPlain = (text: string, style: Segment['style']) => {
    for (const range of wrapRanges(text, width)) lines.push([pad, { text: text.slice(range.start, range.end), style }]);
  };
  // a field filter's entity (country:Tajikistan) is a hit wherever the article mentions it
  const found = q.fields.length ? fieldMentions(q.fields) : null;
  wrapPlain(row.title, row.untitled ? 'dim' : 'title');
  // read once: a snapshot's article makes its mentions each time they are read
  const mentions = a.mentions;
  const countries = [...new Set(mentions.filter((m) => m.type === 'country').map((m) => m.name))].join(', ');
  const meta: [string, string | null][] = [
    ['Publisher', a.publisher],
    ['Author', a.author],
    ['Date', a.published ?? 'undated'],
    ['Section', a.section.join(' › ') || null],
    ['Countries', countries || null],
    ['URL', a.url ?? null],
  ];
  for (const [label, value] of meta) if (value) wrapPlain(`${label}: ${sanitizeLine(value)}`, 'label');
  if (mark?.tags) wrapPlain(`Tags: ${sanitizeLine(mark.tags.join(', '))}`, 'note');
  if (mark?.note) wrapPlain(`Note: ${sanitizeLine(mark.note)}`, 'note');
  lines.push([]);
  // per paragraph, its first line and where each of its lines starts in it
  const firstLine: number[] = [];
  const starts: number[][] = [];
  paragraphs.forEach((text, p) => {
    firstLine.push(lines.length);
    starts.push([]);
    const inParagraph = mentions.filter((m) => m.paragraph === p);
    const entities = showEntities ? inParagraph : [];
    const hits = hitRanges(text, r.terms, r.phrases);
    if (found) for (const m of inParagraph) if (found(m)) hits.push({ start: m.start, end: m.end });
    for (const range of wrapRanges(text, width)) {
      const segs = styleRange(text, range.start, range.end, entities, hits);
      if (segs.some((s) => s.hit)) hitLines.push(lines.length);
      starts[p]!.push(range.start);
      lines.push([pad, ...segs]);
    }
    lines.push([]);
  });
  const lineOf = (paragraph: number, offset: number) => {
    const at = starts[paragraph];
    if (!at) return 0;
    let k = 0;
    while (k + 1 < at.length && at[k + 1]! <= offset) k++;
    return firstLine[paragraph]! + k;
  };
  const placeOf = (line: number) => {
    if (!firstLine.length || line < firstLine[0]!) return null;
    let lo = 0;
    let hi = firstLine.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firstLine[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    const at = starts[lo]!;
    const k = line - firstLine[lo]!;
    // the blank line after a paragraph stands for the next one's start
    if (k >= at.length) return lo + 1 < starts.length ? { paragraph: lo + 1, offset: 0 } : { paragraph: lo, offset: at[at.length - 1] ?? 0 };
    return { paragraph: lo, offset: at[k]! };
  };
  return { lines, hitLines, lineOf, placeOf };
}

/** Cuts text[start, end) at entity and hit boundaries into styled segments. */
function styleRange(
  text: string,
  start: number,
  end: number,
  entities: { start: number; end: number; type: MentionType }[],
  hits: { start: number; end: number }[],
): Segment[] {
  const cuts = new Set([start, end]);
  for (const r of [...entities, ...hits]) {
    if (r.start > start && r.start < end) cuts.add(r.start);
    if (r.end > start && r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const entity = entities.find((m) => m.start <= s && m.end >= e)?.type;
    const hit = hits.some((h) => h.start <= s && h.end >= e);
    out.push({ text: text.slice(s, e), ...(entity ? { entity } : {}), ...(hit ? { hit } : {}) });
  }
  return out;
}
