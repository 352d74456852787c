/**
 * The dashboard's read-only view of a Session: the articles' rows and display strings made
 * safe for the terminal, once at load. Panes read this; they never parse. What is derived
 * from the corpus (index, mention table, figures) stays the Session's.
 */
import { countriesOf, noMentionTable, type MentionTable } from '../analysis/mentionTable.js';
import type { Article } from '../corpus/types.js';
import { displayTitle } from '../corpus/displayTitle.js';
import type { Session } from '../session/session.js';
import { neutralize, sanitizeLine } from '../text/sanitize.js';

export interface ArticleRow {
  date: string;
  publisher: string;
  /** the headline, or the first sentence when there is none */
  title: string;
  untitled: boolean;
  /** ISO alpha-3 codes of the countries it mentions, most mentioned first */
  codes: string;
}

export interface Model {
  label: string;
  /** the corpus in memory; null when a database holds it (--db) and only what is shown is here */
  session: Session | null;
  articles: Article[];
  /** every article's mentions summed: what entity and compare tables count from (none while the entities are being found or the table made) */
  readonly table: MentionTable;
  rows: ArticleRow[];
  /** an article's paragraphs with unsafe characters neutralised, offsets unchanged */
  paragraphs(article: number): string[];
  warnings: number;
  /** how long a keystroke may check a phrase before the list shows what it found so far (20 ms unless a test says) */
  phraseBudgetMs?: number;
}

/** A model over a corpus in memory: what the memory selectors read. */
export type MemoryModel = Model & { session: Session };

export const inMemory = (m: Model): m is MemoryModel => m.session !== null;

function countryCodes(t: MentionTable, article: number): string {
  return countriesOf(t, article)
    .slice(0, 4)
    .map((c) => t.entityId[c.entity]!.slice('country:'.length))
    .join(' ');
}

/**
 * Each article's country codes, made when its row is first shown: not all at open (a walk of
 * the whole mention table), and not before the entities are found (a large JSON Lines file's
 * are found while its list is shown), nor before a large corpus's table is made.
 */
class CountryCodes {
  private readonly made: (string | undefined)[] = [];
  constructor(private readonly session: Session) {}
  of(article: number): string {
    if (this.made[article] === undefined && this.session.progress().entities === null) {
      const table = this.session.readyTable();
      if (table) this.made[article] = countryCodes(table, article);
    }
    return this.made[article] ?? '';
  }
}

class Row implements ArticleRow {
  constructor(
    readonly date: string,
    readonly publisher: string,
    readonly title: string,
    readonly untitled: boolean,
    private readonly article: number,
    private readonly countries: CountryCodes,
  ) {}
  get codes(): string {
    return this.countries.of(this.article);
  }
}

/**
 * The index is built now unless the session builds it in slices (a large corpus opened for
 * the first time), so that the first keystroke of a filter never waits for it.
 */
export function prepareModel(session: Session): MemoryModel {
  const articles = session.articles;
  if (session.progress().index === null) session.index();
  // neutralised when an article is shown, not all at load: at 100,000 articles that would
  // be a second copy of the corpus
  const shown = new Map<number, string[]>();
  const codes = new CountryCodes(session);
  // what the panes count from while a large corpus's table is being made: no mentions
  let pending: MentionTable | null = null;
  return {
    label: sanitizeLine(session.label),
    session,
    articles,
    get table() {
      return session.readyTable() ?? (pending ??= noMentionTable(articles.length));
    },
    warnings: session.warnings.length,
    paragraphs(i) {
      let ps = shown.get(i);
      if (!ps) {
        ps = articles[i]!.paragraphs.map(neutralize);
        if (shown.size >= 32) shown.delete(shown.keys().next().value!);
        shown.set(i, ps);
      }
      return ps;
    },
    rows: articles.map(
      (a, i) => new Row(a.published ?? 'undated', sanitizeLine(a.publisher ?? '—'), sanitizeLine(displayTitle(a).text), a.title === null, i, codes),
    ),
  };
}
