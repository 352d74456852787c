/**
 * A view of the corpus as a table — articles, entities, the country comparison or figures —
 * over the articles a filter selected: what `steppe export` and the dashboard's `x` write.
 */
import type { Article, MentionType } from '../corpus/types.js';
import { comparisonIn, type Comparison } from './compare.js';
import { entityCountsIn, type EntityCount } from './entityCounts.js';
import { articleAt, type Figures } from './figureStore.js';
import { withSnippet, type Figure } from './figures.js';
import { everyArticle, type MentionTable } from './mentionTable.js';
import type { Cell } from '../text/tableFormats.js';

export const WHATS = ['articles', 'entities', 'compare', 'matrix', 'timeline', 'figures'] as const;
export type What = (typeof WHATS)[number];
/** What `steppe export` writes: these tables, or the brief of the articles with notes and tags (notesBrief.ts). */
export const EXPORT_WHATS = [...WHATS, 'notes'] as const;

export interface ExportTable {
  columns: string[];
  rows: Record<string, Cell>[];
}

/** The review marks an articles table shows (a review mark has these fields). */
export interface MarkColumns {
  read?: boolean;
  starred?: boolean;
  note?: string;
  tags?: string[];
}

/** What a table is made from: an opened corpus (a Session is one). */
export interface TableSource {
  articles: Article[];
  table(): MentionTable;
  figures(): Figures;
  mark(articleId: string): MarkColumns | undefined;
}

/**
 * The figures of the articles `ids`, in that order (a search's best first), with their
 * snippets: the corpus's figures are kept without them and cut again from the paragraph.
 */
export function figuresIn(source: TableSource, ids: ArrayLike<number>): Figure[] {
  // positions by article, read from the columns: only the selected articles' figures are made
  // objects and given snippets (an export in slices asks for a few thousand articles at a time)
  const figures = source.figures();
  const selected = new Set(Array.from(ids));
  const byArticle = new Map<number, number[]>();
  for (let i = 0; i < figures.length; i++) {
    const article = articleAt(figures, i);
    if (!selected.has(article)) continue;
    let list = byArticle.get(article);
    if (!list) byArticle.set(article, (list = []));
    list.push(i);
  }
  const out: Figure[] = [];
  for (let k = 0; k < ids.length; k++) for (const i of byArticle.get(ids[k]!) ?? []) out.push(withSnippet(figures.at(i)!, source.articles[ids[k]!]!));
  return out;
}

/** What each table is made from, found in memory or asked of a database. */
export interface TableData {
  articles(): { article: Article; mark: MarkColumns | undefined }[];
  entities(): EntityCount[];
  comparison(): Comparison;
  figures(): Figure[];
}

const COLUMNS: Record<What, string[]> = {
  articles: ['id', 'file', 'published', 'publisher', 'author', 'title', 'countries', 'read', 'starred', 'note', 'tags', 'url'],
  entities: ['entity', 'type', 'articles', 'mentions', 'as written'],
  compare: ['country', 'articles', 'mentions', 'share', 'first', 'last', 'figures', 'top organizations', 'top people'],
  matrix: ['country', 'with', 'articles'],
  timeline: ['country', 'year', 'articles'],
  figures: ['country', 'low', 'high', 'qualifier', 'what', 'event', 'speaker', 'year', 'article', 'snippet'],
};

/** A table's rows from what it is made of. */
export function tableOf(what: What, data: TableData): ExportTable {
  return { columns: COLUMNS[what], rows: rowsOf(what, data) };
}

function rowsOf(what: What, data: TableData): Record<string, Cell>[] {
  switch (what) {
    case 'articles':
      return data.articles().map(({ article: a, mark: m }) => ({
        id: a.id,
        file: a.file,
        published: a.published,
        publisher: a.publisher,
        author: a.author,
        title: a.title,
        countries: [...new Set(a.mentions.filter((x) => x.type === 'country').map((x) => x.name))].join('; '),
        read: m?.read ? 'yes' : '',
        starred: m?.starred ? 'yes' : '',
        note: m?.note ?? '',
        tags: m?.tags?.join('; ') ?? '',
        url: a.url ?? '',
      }));
    case 'entities':
      return data.entities().map((e) => ({
        entity: e.name,
        type: e.type,
        articles: e.articles,
        mentions: e.mentions,
        'as written': e.spellings.map((s) => `${s.text} ${s.count}`).join('; '),
      }));
    case 'compare':
      return data.comparison().countries.map((c) => ({
        country: c.country,
        articles: c.articles,
        mentions: c.mentions,
        share: Math.round(c.share * 1000) / 1000,
        first: c.first,
        last: c.last,
        figures: c.figures,
        'top organizations': c.topOrganizations.join('; '),
        'top people': c.topPeople.join('; '),
      }));
    case 'matrix':
      // the co-mention matrix as pairs: each pair of countries once, with the articles naming both
      return data.comparison().coMentions.map((m) => ({ country: m.a, with: m.b, articles: m.articles }));
    case 'timeline':
      // a row a country and year (undated: an empty year), every year of the range included
      return timelineRows(data.comparison().timeline);
    case 'figures':
      return data.figures().map((f) => ({
        country: f.country,
        low: f.low,
        high: f.high,
        qualifier: f.qualifier,
        what: f.what,
        event: f.event,
        speaker: f.speaker,
        year: f.year,
        article: f.article,
        snippet: f.snippet,
      }));
  }
}

/** `ids`: the articles selected (all of them when omitted); `type`: the entities of one type only (the dashboard's tab). */
export function exportTable(
  source: TableSource,
  what: What,
  ids: ArrayLike<number> = everyArticle(source.articles.length),
  options: { type?: MentionType } = {},
): ExportTable {
  return tableOf(what, {
    articles: () => Array.from(ids, (i) => ({ article: source.articles[i]!, mark: source.mark(source.articles[i]!.id) })),
    entities: () => entityCountsIn(source.table(), ids, options.type),
    comparison: () => comparisonIn(source.table(), source.figures(), ids),
    figures: () => figuresIn(source, ids),
  });
}

function timelineRows(timeline: Comparison['timeline']): Record<string, Cell>[] {
  const years = timeline.flatMap((t) => Object.keys(t.years).map(Number));
  const from = Math.min(...years);
  const to = Math.max(...years);
  return timeline.flatMap((t) => [
    ...(years.length
      ? Array.from({ length: to - from + 1 }, (_, k) => ({ country: t.country, year: from + k, articles: t.years[String(from + k)] ?? 0 }))
      : []),
    ...(t.undated ? [{ country: t.country, year: null, articles: t.undated }] : []),
  ]);
}
