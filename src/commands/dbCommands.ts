/**
 * The plain commands over a corpus in PostgreSQL (--db): the same rows and tables as over
 * the corpus in memory, from the database's answers; review marks from the user's state file
 * for the database (keyed by its URL without the password), as the dashboard keeps them.
 */
import type { CorpusBackend } from '../backend/backend.js';
import { UsageError } from '../io/errors.js';
import { ReviewStore, stateFileFor } from '../review/store.js';
import { EMPTY_QUERY, parseQuery, type Query } from '../search/query.js';
import { toJson } from '../text/sanitize.js';
import { comparisonJson, comparisonText } from './compare.js';
import { entitiesTable, parseType } from './entities.js';
import type { CommandIo } from './io.js';
import { searchTable } from './search.js';
import { expectHits, kwicOptions, kwicRowsOf, kwicTable, parseCount } from './kwic.js';
import { candidatesOf, COLLOCATE_MIN, COLLOCATE_WINDOW, nearHits, noneNearby, rankCollocates } from '../analysis/collocates.js';
import { collocatesTable } from './collocates.js';
import type { Article, MentionType } from '../corpus/types.js';
import { type MarkColumns, tableOf, type What } from '../analysis/exportTable.js';
import { formatTable } from '../text/tableFormats.js';
import { briefText, expectBriefFormat, parseFormat, parseWhat, writeExport } from './export.js';
import { briefEntries, type BriefEntry } from '../analysis/notesBrief.js';
import { wordConcordance } from '../analysis/wordKwic.js';
import type { KwicLine } from '../analysis/kwic.js';

async function withBackend<T>(url: string, work: (db: CorpusBackend, review: ReviewStore) => Promise<T>): Promise<T> {
  const { openPg } = await import('../backend/pg/pgBackend.js');
  const { shownUrl } = await import('../backend/pg/connect.js');
  const db = await openPg(url);
  try {
    const review = new ReviewStore(stateFileFor(`db:${shownUrl(url)}`));
    await review.load();
    return await work(db, review);
  } finally {
    await db.close().catch(() => undefined);
  }
}

function queryOf(text: string, option: string, review: ReviewStore) {
  const parsed = parseQuery(text, (name) => review.savedSearch(name));
  if (!parsed.ok) throw new UsageError(`${option}: ${parsed.error}`);
  return parsed.query;
}

export function runSearchDb(url: string, query: string, flags: { json?: boolean }, io: CommandIo): Promise<number> {
  return withBackend(url, async (db, review) => {
    const hits = await db.search(queryOf(query, 'search', review), (id) => review.get(id));
    if (flags.json) io.data(toJson(hits.map(({ shown: _, ...row }) => row)) + '\n');
    else io.stdout(searchTable(hits, query, io.columns));
    return 0;
  });
}

export function runEntitiesDb(url: string, flags: { type?: string; query?: string; json?: boolean }, io: CommandIo): Promise<number> {
  const type = parseType(flags.type);
  return withBackend(url, async (db, review) => {
    const q = flags.query?.trim() ? queryOf(flags.query, '--query', review) : null;
    const { rows, articles } = await db.entities(q, type, (id) => review.get(id));
    if (flags.json) io.data(toJson(rows) + '\n');
    else io.stdout(entitiesTable(rows, articles, io.columns));
    return 0;
  });
}

export function runCompareDb(url: string, flags: { json?: boolean; query?: string }, io: CommandIo): Promise<number> {
  return withBackend(url, async (db, review) => {
    const q = flags.query?.trim() ? queryOf(flags.query, '--query', review) : null;
    const c = await db.compare(q, (id) => review.get(id));
    if (flags.json) io.data(comparisonJson(c));
    else io.stdout(comparisonText(c, io.columns));
    return 0;
  });
}

/** Articles read at once for a concordance: only the matches are read, a chunk at a time. */
const CHUNK = 500;

/** The matches of a query with words or phrases, their articles read a chunk at a time (each with its place among all the matches). */
async function eachChunk(db: CorpusBackend, ids: readonly string[], use: (articles: Article[], placeOf: (i: number) => number) => void): Promise<void> {
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const place = new Map(chunk.map((id, i) => [id, at + i]));
    const articles = await db.articles(chunk);
    use(articles, (i) => place.get(articles[i]!.id)!);
  }
}

export function runCollocatesDb(
  url: string,
  query: string,
  flags: { window?: string | number; min?: string | number; json?: boolean },
  io: CommandIo,
): Promise<number> {
  const window = parseCount('window', flags.window, COLLOCATE_WINDOW);
  const min = parseCount('min', flags.min, COLLOCATE_MIN);
  return withBackend(url, async (db, review) => {
    const r = expectHits(await db.hits(queryOf(query, 'collocates', review), (id) => review.get(id)), 'collocates');
    const nearby = noneNearby();
    await eachChunk(db, r.ids, (articles) =>
      nearHits(
        articles,
        articles.map((_, i) => i),
        r.terms,
        r.phrases,
        window,
        nearby,
      ),
    );
    const shown = candidatesOf(nearby, r.terms, r.phrases, min);
    const c = rankCollocates(nearby, shown, await db.frequencies([...shown]));
    if (flags.json) io.data(toJson(c.rows) + '\n');
    else io.stdout(collocatesTable(c.rows, { query, window, min, hits: c.hits }, io.columns));
    return 0;
  });
}

export function runKwicDb(url: string, query: string, flags: { sort?: string; window?: string | number; json?: boolean }, io: CommandIo): Promise<number> {
  const { by, window } = kwicOptions(flags);
  return withBackend(url, async (db, review) => {
    const r = expectHits(await db.hits(queryOf(query, 'kwic', review), (id) => review.get(id)), 'kwic');
    const lines: KwicLine[] = [];
    // each line's article by its place among all the matches, so that the order is theirs
    await eachChunk(db, r.ids, (articles, placeOf) => {
      for (const l of wordConcordance(
        articles,
        articles.map((_, i) => i),
        r.terms,
        r.phrases,
        window,
      ))
        lines.push({ ...l, article: placeOf(l.article) });
    });
    const rows = kwicRowsOf(lines, by, (k) => r.ids[k]!);
    if (flags.json) io.data(toJson(rows) + '\n');
    else io.stdout(kwicTable(rows, query, io.columns));
    return 0;
  });
}

/**
 * The brief's entries from the database: the articles given a note or a tag (the user's state
 * file says which), read by id; with a query, those it matches, best first, their hits quoted.
 */
async function dbBriefEntries(db: CorpusBackend, review: ReviewStore, q: Query | null): Promise<BriefEntry[]> {
  const marksOf = (id: string) => review.get(id);
  const annotated = review.annotated();
  const entries: BriefEntry[] = [];
  if (q === null) {
    // in the corpus's order, as the brief over files lists them: a brief's articles are read at once
    const articles = await db.articles(annotated, true);
    return briefEntries(
      articles,
      articles.map((_, i) => i),
      marksOf,
      null,
    );
  }
  const kept = new Set(annotated);
  const r = await db.hits(q, marksOf);
  const ids = r.ids.filter((id) => kept.has(id));
  await eachChunk(db, ids, (articles) => {
    entries.push(
      ...briefEntries(
        articles,
        articles.map((_, i) => i),
        marksOf,
        r,
      ),
    );
  });
  return entries;
}

/** A table `export` writes, from the database's answers: only what the table is made of is asked for. */
export async function dbTable(
  db: CorpusBackend,
  review: Pick<ReviewStore, 'get'>,
  what: Exclude<What, 'notes'>,
  q: Query | null,
  options: { type?: MentionType } = {},
) {
  const marksOf = (id: string) => review.get(id);
  const articles: { article: Article; mark: MarkColumns | undefined }[] = [];
  if (what === 'articles') {
    const ids = (await db.search(q ?? EMPTY_QUERY, marksOf)).map((h) => h.id);
    await eachChunk(db, ids, (chunk) => {
      for (const article of chunk) articles.push({ article, mark: marksOf(article.id) });
    });
  }
  const entities = what === 'entities' ? (await db.entities(q, options.type, marksOf)).rows : [];
  const comparison = ['compare', 'matrix', 'timeline', 'figures'].includes(what) ? await db.compare(q, marksOf) : null;
  return tableOf(what, {
    articles: () => articles,
    entities: () => entities,
    comparison: () => comparison!,
    figures: () => comparison!.figures,
  });
}

export function runExportDb(url: string, flags: { what?: string; format?: string; query?: string; out?: string }, io: CommandIo): Promise<number> {
  const what = parseWhat(flags.what);
  const format = parseFormat(flags.format);
  if (what === 'notes') expectBriefFormat(format);
  return withBackend(url, async (db, review) => {
    const q = flags.query?.trim() ? queryOf(flags.query, '--query', review) : null;
    if (what === 'notes') return writeExport(briefText(await dbBriefEntries(db, review, q), db.label, flags.query, format), what, flags.out, io);
    return writeExport(formatTable(await dbTable(db, review, what, q), format), what, flags.out, io);
  });
}
