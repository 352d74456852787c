/**
 * The panes' data over a corpus in a database (--db): the same Selectors the loaded corpus
 * gives, answered by the backend a page at a time. Each answer is asked when a pane first
 * needs it and drawn when it arrives; until then a pane keeps what it showed (the last list,
 * the last table), so a slow or lost server never blanks the screen. Counts, the countries
 * table, co-mentions and timelines are the database's aggregations; the list holds the pages
 * read so far and the reader the article open.
 */
import { candidatesOf, COLLOCATE_MIN, COLLOCATE_WINDOW, nearHits, rankCollocates, type Collocates } from '../../analysis/collocates.js';
import type { Comparison } from '../../analysis/compare.js';
import type { EntityCount } from '../../analysis/entityCounts.js';
import type { Figure } from '../../analysis/figures.js';
import type { CorpusBackend, ListOrder, Page } from '../../backend/backend.js';
import type { Article, MentionType } from '../../corpus/types.js';
import { hasMarkFilter, isEmptyQuery, type Field, type Query } from '../../search/query.js';
import type { SearchResult } from '../../search/search.js';
import { figuresLines, linesOf, MARK_TWO, matrixAxis, sideBySideLines, sortCountries, timelineLines, type Lines } from '../compareView.js';
import { readerLines, type MarksView, type ReaderLines, type Segment, type Selectors } from '../selectors.js';
import type { CompareSort, Concordance } from '../state.js';
import { concordance as entityConcordance, type KwicLine } from '../../analysis/kwic.js';
import { sortConcordance, wordConcordance, type KwicSort } from '../../analysis/wordKwic.js';
import type { Answers } from './answers.js';
import type { RemoteModel } from './remoteModel.js';

/** Rows read a page at a time: a screen's worth many times over, and one round trip. */
export const LIST_PAGE = 200;
/** A concordance reads the best this many matches' text (the plain `kwic --db` reads them all). */
export const KWIC_ARTICLES = 500;

const FIELD_OF: Record<MentionType, Field> = { country: 'country', person: 'person', organization: 'org', place: 'place' };

const NO_COMPARISON: Comparison & { figures: Figure[] } = { countries: [], coMentions: [], figures: [], timeline: [] };
const COUNTING: Collocates = { rows: [], hits: 0, windowWords: 0, corpusWords: 0, pending: true };

interface Listing {
  ids: number[];
  total: number | null;
  terms: Set<string>;
  /** the query's first page has not arrived: this is the last listing shown */
  stale: boolean;
}

/** `keyOf` a query: its text as data, and the marks' version where its is:/has:/tag: parts depend on them. */
function keyOf(q: Query, marks: MarksView): string {
  return JSON.stringify(q) + (hasMarkFilter(q) ? `#${marks.version}` : '');
}

export function remoteSelectors(db: CorpusBackend, model: RemoteModel, answers: Answers, marks: MarksView = { get: () => undefined, version: 0 }): Selectors {
  const markOf = (id: string) => marks.get(id);
  const pageKey = (k: string, order: ListOrder, n: number) => `page ${k} ${order} ${n}`;
  const pageOf = (q: Query, k: string, order: ListOrder, n: number) =>
    answers.get<Page>(pageKey(k, order, n), () => db.page(q, LIST_PAGE, n * LIST_PAGE, markOf, order));

  // made again only when an answer arrives or the query or order changes
  let shown: Listing = { ids: [], total: null, terms: new Set(), stale: true };
  let listed: { k: string; order: ListOrder; version: number; listing: Listing } | null = null;
  /** the listing the list last asked for `q` (in whichever order it is shown), without asking again */
  const listedFor = (q: Query): Listing => (listed && listed.k === keyOf(q, marks) ? listed.listing : shown);
  const listing = (q: Query, order: ListOrder): Listing => {
    const k = keyOf(q, marks);
    if (listed && listed.k === k && listed.order === order && listed.version === answers.version) return listed.listing;
    const first = pageOf(q, k, order, 0);
    let out: Listing;
    if (!first) out = { ...shown, stale: true };
    else {
      const ids = first.hits.map((h) => model.slotOf(h));
      // the pages after the first are read as the cursor nears them (reach)
      for (let n = 1; ids.length < first.total; n++) {
        const next = answers.peek<Page>(pageKey(k, order, n));
        if (!next?.hits.length) break;
        for (const h of next.hits) ids.push(model.slotOf(h));
      }
      out = { ids, total: first.total, terms: first.terms, stale: false };
      shown = out;
    }
    listed = { k, order, version: answers.version, listing: out };
    return out;
  };

  /** An answer, or the last one given for the same kind of question while it is asked. */
  const lastOf = new Map<string, unknown>();
  const orLast = <T>(kind: string, key: string, fetch: () => Promise<T>, none: T): T => {
    const got = answers.get(`${kind} ${key}`, fetch);
    if (got !== undefined) lastOf.set(kind, got);
    return (got ?? lastOf.get(kind) ?? none) as T;
  };
  const whole = (q: Query) => (isEmptyQuery(q) ? null : q);
  const tableKey = (q: Query) => (isEmptyQuery(q) ? 'all' : keyOf(q, marks));

  const totalsMade = new WeakMap<object, Map<string, EntityCount>>();
  const entities = (q: Query, type: MentionType) => {
    const counts = orLast(`entities ${type}`, tableKey(q), () => db.entities(whole(q), type, markOf), { rows: [] as EntityCount[], articles: 0 });
    const all = orLast(`entities ${type} all`, 'all', () => db.entities(null, type), { rows: [] as EntityCount[], articles: 0 });
    let totals = totalsMade.get(all);
    if (!totals) totalsMade.set(all, (totals = new Map(all.rows.map((e) => [e.id, e]))));
    return { rows: counts.rows, totals };
  };
  const comparison = (q: Query) => orLast('compare', tableKey(q), () => db.compare(whole(q), markOf, false), NO_COMPARISON);

  // sorted once per answer
  const sorted = new WeakMap<object, Map<CompareSort, ReturnType<typeof sortCountries>>>();
  const compareRows = (q: Query, sort: CompareSort) => {
    const c = comparison(q);
    let bySort = sorted.get(c);
    if (!bySort) sorted.set(c, (bySort = new Map()));
    if (!bySort.has(sort)) bySort.set(sort, sortCountries(c.countries, sort));
    return bySort.get(sort)!;
  };
  const axes = new WeakMap<object, string[]>();
  const matrix = (q: Query) => {
    const c = comparison(q);
    if (!axes.has(c)) axes.set(c, matrixAxis(c));
    return axes.get(c)!;
  };

  // a figure leads to its article by id: the figures' positions are the database's, the screen's are slots
  const figureLines = new WeakMap<object, Lines>();
  const figuresView = (q: Query): Lines => {
    const c = orLast('figures', tableKey(q), () => db.compare(whole(q), markOf, true), NO_COMPARISON);
    let lines = figureLines.get(c);
    if (!lines) {
      const byOrdinal = { ...c, figures: c.figures.map((f, i) => ({ ...f, index: i })) };
      const made = figuresLines(byOrdinal);
      lines = {
        length: made.length,
        at: made.at,
        targetAt(i) {
          const t = made.targetAt?.(i);
          return t && 'article' in t ? { ...t, article: model.slotOfId(c.figures[t.article]!.article) } : t;
        },
      };
      figureLines.set(c, lines);
    }
    return lines;
  };
  const sideMade = new WeakMap<object, { width: number; lines: Lines }>();
  const sideBySideView = (q: Query, marked: string[], width: number): Lines => {
    if (marked.length < 2) return linesOf([MARK_TWO]);
    const s = answers.get(`side ${JSON.stringify(marked)} ${tableKey(q)}`, () => db.sideBySide(whole(q), marked, markOf));
    if (!s) return linesOf(['Side by side: counting…']);
    let made = sideMade.get(s);
    if (!made || made.width !== width) sideMade.set(s, (made = { width, lines: linesOf(sideBySideLines(s, (a) => a.shown, width)) }));
    return made.lines;
  };
  const compareLines = (q: Query, view: string, marked: string[], width: number): Lines => {
    switch (view) {
      case 'timeline':
        return linesOf(timelineLines(comparison(q)));
      case 'figures':
        return figuresView(q);
      case 'side by side':
        return sideBySideView(q, marked, width);
      default:
        return linesOf([]);
    }
  };

  const codes = new WeakMap<object, Map<string, string>>();
  const countryCodes = () => {
    const all = orLast('entities country all', 'all', () => db.entities(null, 'country'), { rows: [] as EntityCount[], articles: 0 });
    if (!codes.has(all)) codes.set(all, new Map(all.rows.map((e) => [e.name, e.id.slice('country:'.length, 'country:'.length + 3)])));
    return codes.get(all)!;
  };

  // a concordance: the best matches (of the filter, and for an entity of its name too) read
  // whole once, only their lines kept, each line's article given a slot
  const kwicLines = (q: Query, of: Concordance): KwicLine[] | undefined => {
    const entity = of.of === 'entity' ? of.id : null;
    const type = entity ? (entity.slice(0, entity.indexOf(':')) as MentionType) : null;
    const target = of.of === 'entity' && type && FIELD_OF[type] ? { ...q, fields: [...q.fields, { field: FIELD_OF[type], value: of.name }] } : q;
    return answers.get(`kwic ${entity ?? ''} ${keyOf(target, marks)}`, async () => {
      const p = await db.page(target, KWIC_ARTICLES, 0, markOf);
      const articles = await db.articles(p.hits.map((h) => h.id));
      const ids = articles.map((_, i) => i);
      const lines = entity ? entityConcordance(articles, ids, entity) : wordConcordance(articles, ids, p.terms, q.phrases);
      const hitOf = new Map(p.hits.map((h) => [h.id, h]));
      return lines.map((l) => ({ ...l, article: model.slotOf(hitOf.get(articles[l.article]!.id)!) }));
    });
  };
  const kwicSorted = new WeakMap<object, Map<KwicSort, KwicLine[]>>();
  const concordance = (q: Query, of: Concordance, sort: KwicSort): KwicLine[] => {
    const lines = kwicLines(q, of);
    if (!lines) return [];
    let bySort = kwicSorted.get(lines);
    if (!bySort) kwicSorted.set(lines, (bySort = new Map()));
    if (!bySort.has(sort)) bySort.set(sort, sortConcordance(lines, sort));
    return bySort.get(sort)!;
  };

  // collocates: the words near the hits in the best matches, scored against the corpus's counts the database keeps
  const collocates = (q: Query): Collocates =>
    answers.get(`collocates ${keyOf(q, marks)}`, async () => {
      const p = await db.page(q, KWIC_ARTICLES, 0, markOf);
      const articles = await db.articles(p.hits.map((h) => h.id));
      const nearby = nearHits(
        articles,
        articles.map((_, i) => i),
        p.terms,
        q.phrases,
        COLLOCATE_WINDOW,
      );
      const shown = candidatesOf(nearby, p.terms, q.phrases, COLLOCATE_MIN);
      return rankCollocates(nearby, shown, await db.frequencies([...shown]));
    }) ?? COUNTING;

  let read: { key: string; lines: ReaderLines } | null = null;
  const reader = (slot: number, width: number, showEntities: boolean, q: Query): ReaderLines => {
    const id = model.articles[slot]!.id;
    const a = answers.get<Article | undefined>(`article ${id}`, async () => (await db.articles([id]))[0]);
    if (a && !model.isWhole(slot)) model.fill(slot, a);
    const ready = model.isWhole(slot);
    const key = `${slot} ${width} ${showEntities} ${keyOf(q, marks)} ${marks.version} ${ready}`;
    if (read?.key === key) return read.lines;
    const lines = readerLines(
      model.articles[slot]!,
      model.rows[slot]!,
      model.paragraphs(slot),
      width,
      showEntities,
      { terms: listedFor(q).terms, phrases: q.phrases },
      q,
      marks.get(id),
    );
    if (!ready)
      lines.lines.push([
        { text: ' ' },
        { text: answers.failure ? 'database unreachable, retrying…' : 'reading from the database…', style: 'dim' } satisfies Segment,
      ]);
    read = { key, lines };
    return lines;
  };

  return {
    result: (q): SearchResult => {
      const l = listedFor(q);
      return { ids: l.ids, scores: new Float64Array(0), terms: l.terms, phrases: q.phrases };
    },
    list: (q, sort) => listing(q, sort).ids,
    entities,
    comparison,
    compareRows,
    matrix,
    countryCodes,
    figures: () => [],
    figuresProgress: () => null,
    indexProgress: () => null,
    tableProgress: () => null,
    entitiesProgress: () => null,
    compareLines,
    concordance,
    collocates,
    reader,
    countOf: (q) => answers.get(`count ${keyOf(q, marks)}`, async () => (await db.page(q, 1, 0, markOf)).total) ?? null,
    matches: (q) => listedFor(q).total ?? 0,
    size: () => answers.get('size', () => db.count()) ?? 0,
    notice() {
      if (answers.failure) return 'database unreachable, retrying';
      return listed?.listing.stale ? 'searching…' : answers.asking() ? 'reading…' : null;
    },
    subscribe: (listener) => answers.subscribe(listener),
    reach(q, sort, index) {
      const l = listing(q, sort);
      if (l.stale || l.total === null || l.ids.length >= l.total || index < l.ids.length - LIST_PAGE / 2) return;
      pageOf(q, keyOf(q, marks), sort, Math.ceil(l.ids.length / LIST_PAGE));
    },
  };
}
