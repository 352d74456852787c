/**
 * `steppe export` and the dashboard's `x`: a view of the corpus — articles, entities, the
 * country comparison or figures — filtered by a query, as CSV, JSON or a Markdown table.
 */
import { toJson } from '../text/sanitize.js';
import { compareCountries } from '../analysis/compare.js';
import { corpusFigures } from '../analysis/corpusFigures.js';
import { countEntities } from '../analysis/entityCounts.js';
import type { Article, Corpus } from '../corpus/types.js';
import { UsageError } from '../io/errors.js';
import type { Mark } from '../review/marks.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { matchingArticles } from './matching.js';

export const WHATS = ['articles', 'entities', 'compare', 'figures'] as const;
export type What = (typeof WHATS)[number];
export const FORMATS = ['csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

type Cell = string | number | null;
export interface ExportTable {
  columns: string[];
  rows: Record<string, Cell>[];
}

/** `index`: the corpus's index when one is at hand (the dashboard's, a snapshot's); built only if a query needs one. */
export function filtered(corpus: Corpus, query: string | undefined, marks?: (id: string) => Mark | undefined, index?: SearchIndex): Article[] {
  return matchingArticles(corpus, query, index, marks);
}

export function exportTable(articles: Article[], what: What, marks?: (id: string) => Mark | undefined): ExportTable {
  switch (what) {
    case 'articles':
      return {
        columns: ['id', 'file', 'published', 'publisher', 'author', 'title', 'countries', 'read', 'starred', 'note'],
        rows: articles.map((a) => {
          const m = marks?.(a.id);
          return {
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
          };
        }),
      };
    case 'entities':
      return {
        columns: ['entity', 'type', 'articles', 'mentions', 'as written'],
        rows: countEntities(articles).map((e) => ({ entity: e.name, type: e.type, articles: e.articles, mentions: e.mentions, 'as written': e.spellings.map((s) => `${s.text} ${s.count}`).join('; ') })),
      };
    case 'compare':
      return {
        columns: ['country', 'articles', 'mentions', 'share', 'first', 'last', 'figures', 'top organizations', 'top people'],
        rows: compareCountries(articles, corpusFigures(articles)).countries.map((c) => ({
          country: c.country,
          articles: c.articles,
          mentions: c.mentions,
          share: Math.round(c.share * 1000) / 1000,
          first: c.first,
          last: c.last,
          figures: c.figures,
          'top organizations': c.topOrganizations.join('; '),
          'top people': c.topPeople.join('; '),
        })),
      };
    case 'figures':
      return {
        columns: ['country', 'low', 'high', 'qualifier', 'what', 'event', 'speaker', 'year', 'article', 'snippet'],
        rows: corpusFigures(articles).map((f) => ({ country: f.country, low: f.low, high: f.high, qualifier: f.qualifier, what: f.what, event: f.event, speaker: f.speaker, year: f.year, article: f.article, snippet: f.snippet })),
      };
  }
}

/**
 * A cell a spreadsheet would run as a formula: a sign (ASCII or full-width) after any leading
 * white space, or a leading tab or carriage return (OWASP's list, and what Excel and LibreOffice
 * read past).
 */
const FORMULA = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
/** Bidi embeddings, overrides and isolates: in a cell they reorder what a reader sees. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** RFC 4180 quoting; formula-looking cells are prefixed with ' and bidi controls shown as �. */
function csvCell(v: Cell): string {
  if (v === null) return '';
  let s = String(v).replace(BIDI_CONTROLS, '\uFFFD');
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A GitHub-flavoured Markdown table cell: a pipe as its character reference (a backslash escape
 * can itself be escaped and then split the cell), every kind of line break as <br>.
 */
function mdCell(v: Cell): string {
  return v === null ? '' : String(v).replace(/&/g, '&amp;').replace(/\|/g, '&#124;').replace(/</g, '&lt;').replace(/\r\n|\r|\n/g, '<br>');
}

export function formatTable(t: ExportTable, format: Format): string {
  switch (format) {
    case 'json':
      return toJson(t.rows) + '\n';
    case 'csv':
      // a BOM, so that spreadsheets read UTF-8; CRLF line ends as RFC 4180 has them
      return '\uFEFF' + [t.columns.map(csvCell).join(','), ...t.rows.map((r) => t.columns.map((c) => csvCell(r[c] ?? null)).join(','))].join('\r\n') + '\r\n';
    case 'md':
      return [`| ${t.columns.map(mdCell).join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`, ...t.rows.map((r) => `| ${t.columns.map((c) => mdCell(r[c] ?? null)).join(' | ')} |`)].join('\n') + '\n';
  }
}

export function parseWhat(v: string | undefined): What {
  const w = (v ?? 'articles').toLowerCase() as What;
  if (!WHATS.includes(w)) throw new UsageError(`--what must be one of ${WHATS.join(', ')} (got "${v}")`);
  return w;
}

export function parseFormat(v: string | undefined): Format {
  if (v === undefined) throw new UsageError(`export: give --format ${FORMATS.join('|')}`);
  const f = v.toLowerCase().replace(/^markdown$/, 'md') as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${v}")`);
  return f;
}
