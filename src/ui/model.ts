/**
 * The dashboard's read-only model, prepared once at load: the corpus, its search index, and
 * display strings already made safe for the terminal. Panes read this; they never parse.
 */
import type { Figures } from '../analysis/figureStore.js';
import { countriesOf, mentionTable, type MentionTable } from '../analysis/mentionTable.js';
import type { Article, Corpus } from '../corpus/types.js';
import type { Opened } from '../io/openCorpus.js';
import { indexInSlices, type SearchIndex } from '../search/searchIndex.js';
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
  articles: Article[];
  /** the search index; while it is built in the background, reading it finishes the build */
  readonly index: SearchIndex;
  /** how far the background build of the index is (0–1), or null once the index is ready */
  indexProgress(): number | null;
  /** builds the index for about `budgetMs`; true once it is ready */
  indexStep(budgetMs: number): boolean;
  /** every article's mentions summed: what entity and compare tables count from */
  table: MentionTable;
  rows: ArticleRow[];
  /** an article's paragraphs with unsafe characters neutralised, offsets unchanged */
  paragraphs(article: number): string[];
  warnings: number;
  /** every article's figures, when they were loaded with the corpus (a snapshot) */
  figures?: Figures;
  /** keeps figures extracted in the background for the next open (a snapshot) */
  rememberFigures?: (figures: Figures) => void;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

function firstSentence(p: string): string {
  for (const s of sentences.segment(p)) return s.segment.trim();
  return '';
}

function countryCodes(t: MentionTable, article: number): string {
  return countriesOf(t, article)
    .slice(0, 4)
    .map((c) => t.entityId[c.entity]!.slice('country:'.length))
    .join(' ');
}

/** What a snapshot loaded with the corpus (index, mention table, figures), used instead of building them. */
export type Preloaded = Pick<Opened, 'index' | 'table' | 'figures' | 'rememberFigures'>;

/**
 * `indexLater`: the index is built in slices by whoever calls `indexStep` (the dashboard,
 * between key presses), so a large corpus opened for the first time shows at once.
 */
export function prepareModel(corpus: Corpus, label: string, warnings = 0, preloaded: Preloaded = {}, options: { indexLater?: boolean } = {}): Model {
  const articles = corpus.articles;
  let index = preloaded.index ?? null;
  const job = index ? null : indexInSlices(articles);
  const indexStep = (budgetMs: number) => {
    if (!index && job!.next(budgetMs)) index = job!.index();
    return index !== null;
  };
  if (!options.indexLater) indexStep(Infinity);
  // neutralised when an article is shown, not all at load: at 100,000 articles that would
  // be a second copy of the corpus
  const shown = new Map<number, string[]>();
  const table = preloaded.table ?? mentionTable(articles);
  return {
    label: sanitizeLine(label),
    articles,
    get index() {
      indexStep(Infinity);
      return index!;
    },
    indexProgress: () => (index ? null : job!.done() / Math.max(1, articles.length)),
    indexStep,
    table,
    figures: preloaded.figures,
    rememberFigures: preloaded.rememberFigures,
    warnings,
    paragraphs(i) {
      let ps = shown.get(i);
      if (!ps) {
        ps = articles[i]!.paragraphs.map(neutralize);
        if (shown.size >= 32) shown.delete(shown.keys().next().value!);
        shown.set(i, ps);
      }
      return ps;
    },
    rows: articles.map((a, i) => ({
      date: a.published ?? 'undated',
      publisher: sanitizeLine(a.publisher ?? '—'),
      title: sanitizeLine(a.title ?? firstSentence(a.paragraphs[0] ?? '') ?? ''),
      untitled: a.title === null,
      codes: countryCodes(table, i),
    })),
  };
}
