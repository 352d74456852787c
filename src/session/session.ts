/**
 * The opened corpus and what is derived from it, each built once and owned here: the search
 * index, the mention table, the figures and the review marks. Each part is loaded (a snapshot
 * held it), built when first asked for, or built a slice at a time by `work()`, which the
 * dashboard calls between key presses. `keep()` writes what was built for the next open.
 */
import { figuresInSlices } from '../analysis/corpusFigures.js';
import { wordCountsInSlices, type WordCounts } from '../analysis/collocates.js';
import type { Figures } from '../analysis/figureStore.js';
import { mentionTable, mentionTableInSlices, type MentionTable } from '../analysis/mentionTable.js';
import { gazetteerStep } from '../entities/gazetteer.js';
import type { Article, Corpus, Warning } from '../corpus/types.js';
import type { EntitiesJob } from '../pipeline/parallel.js';
import type { Mark } from '../review/marks.js';
import type { ReviewStore } from '../review/store.js';
import { indexInSlices, type SearchIndex } from '../search/searchIndex.js';

/**
 * Above this many articles a corpus is large: its figures are extracted by the background
 * work, not on first use, and the dashboard's tables follow the filter once typing pauses.
 */
export const LARGE_CORPUS = 2000;

/** What was opened already built (a snapshot held it). */
export interface Loaded {
  index?: SearchIndex;
  table?: MentionTable;
  figures?: Figures;
  /** a snapshot whose mention columns, removed lines and text are read when first needed: reads and checks the rest, in slices */
  checkRest?: (budgetMs: number) => boolean;
}

/** Where built parts are kept for the next open: a large corpus file's snapshot. */
export interface Keeper {
  /** writes the articles with their index and table; false when it could not */
  keep(articles: Article[], index: SearchIndex, table: MentionTable): boolean;
  /** adds figures to what `keep` wrote (or a snapshot read at open); false when it could not */
  keepFigures(figures: Figures): boolean;
}

/** How far each background part is (0–1), or null once it is ready or is built on first use. */
export interface Progress {
  /** entities found on other threads (a large JSON Lines file): until then the index and tables wait */
  entities: number | null;
  index: number | null;
  /** a large corpus's mention table, made by the background work */
  table: number | null;
  figures: number | null;
}

export interface Session {
  /** what was opened, as the user named it */
  readonly label: string;
  readonly corpus: Corpus;
  readonly articles: Article[];
  readonly warnings: readonly Warning[];
  /** the review marks of this corpus; null when opened without them (tests, benches) */
  readonly review: ReviewStore | null;
  /** a large corpus file opened for the first time: nothing loaded, a snapshot to keep */
  readonly firstOpen: boolean;
  /** what came built with the corpus (a snapshot) */
  readonly loaded: { index: boolean; figures: boolean };
  /** the article's review marks, and `new` when it was not in the corpus at the dashboard's last open */
  mark(articleId: string): (Mark & { new?: boolean }) | undefined;
  /** the ids of the articles not in the corpus at the dashboard's last open (none at the first) */
  readonly fresh: ReadonlySet<string>;
  /** the search index; built now (finishing any slices) if it is not ready */
  index(): SearchIndex;
  /** the mention table; made now (finishing any slices) if it is not ready */
  table(): MentionTable;
  /** the table without waiting: null while a large corpus's background work is still making it */
  readyTable(): MentionTable | null;
  /** every article's figures; extracted now if they are not ready */
  figures(): Figures;
  /** the figures without waiting: null while the background work is still extracting them */
  readyFigures(): Figures | null;
  /** every term's words in the corpus (collocates' denominators); counted now if the background work has not yet */
  wordCounts(): WordCounts;
  /** built in slices by `work`: the index (when asked to build it later), the gazetteer, then a large corpus's figures */
  progress(): Progress;
  /** does about `budgetMs` of background work; true once nothing is left */
  work(budgetMs: number): boolean;
  /** keeps what was built for the next open; `tell` hears what is being written */
  keep(tell?: (message: string) => void): void;
}

export interface SessionOptions {
  label?: string;
  warnings?: Warning[];
  loaded?: Loaded;
  review?: ReviewStore | null;
  /** the articles not seen at the last open (see review/seen.ts) */
  fresh?: ReadonlySet<string>;
  keeper?: Keeper;
  /** the index is built by `work()` in slices; until then `progress().index` says how far */
  indexLater?: boolean;
  /**
   * the articles' mentions, being found on other threads: `work()` takes them once found,
   * then builds the index in slices; until then the index is not ready and the table is empty
   */
  entities?: EntitiesJob;
}

export function sessionOf(corpus: Corpus, options: SessionOptions = {}): Session {
  const articles = corpus.articles;
  const { loaded = {}, keeper, review = null } = options;
  const fresh = options.fresh ?? new Set<string>();
  const large = articles.length > LARGE_CORPUS;
  let index = loaded.index ?? null;
  let indexJob: ReturnType<typeof indexInSlices> | null = null;
  let table = loaded.table ?? null;
  let figures = loaded.figures ?? null;
  let figuresJob: ReturnType<typeof figuresInSlices> | null = null;
  let tableJob: ReturnType<typeof mentionTableInSlices> | null = null;
  // what the keeper already holds: a snapshot read at open holds the index and table
  let keptIndex = loaded.index !== undefined;
  let keptFigures = loaded.figures !== undefined;
  let entities = options.entities ?? null;
  const indexLater = (options.indexLater ?? false) || entities !== null;
  let noMentions: MentionTable | null = null;
  /** takes the mentions once the other threads have found them; true when there are none to wait for */
  const entitiesFound = (): boolean => {
    if (!entities) return true;
    if (!entities.take()) return false;
    entities = null;
    noMentions = null;
    return true;
  };

  const stepIndex = (budgetMs: number): boolean => {
    if (index) return true;
    // an index without the mentions would answer field queries wrongly, and be kept so
    if (!entitiesFound()) throw new Error('the index was asked for while the entities are still being found');
    indexJob ??= indexInSlices(articles);
    if (indexJob.next(budgetMs)) {
      index = indexJob.index();
      indexJob = null;
    }
    return index !== null;
  };
  const stepTable = (budgetMs: number): boolean => {
    if (table) return true;
    tableJob ??= mentionTableInSlices(articles);
    if (tableJob.next(budgetMs)) {
      table = tableJob.table();
      tableJob = null;
    }
    return table !== null;
  };
  let words: WordCounts | null = null;
  let wordsJob: ReturnType<typeof wordCountsInSlices> | null = null;
  const stepWords = (budgetMs: number): boolean => {
    if (words) return true;
    wordsJob ??= wordCountsInSlices(articles);
    if (wordsJob.next(budgetMs)) {
      words = wordsJob.counts();
      wordsJob = null;
      return true;
    }
    return false;
  };
  const stepFigures = (budgetMs: number): boolean => {
    if (figures) return true;
    if (!entitiesFound()) throw new Error('the figures were asked for while the entities are still being found');
    figuresJob ??= figuresInSlices(articles);
    if (figuresJob.next(budgetMs)) {
      figures = figuresJob.figures;
      figuresJob = null;
      // a snapshot that holds the index takes the figures at once: a later kill keeps them
      if (keeper && keptIndex && !keptFigures) keptFigures = keeper.keepFigures(figures);
    }
    return figures !== null;
  };

  return {
    label: options.label ?? 'corpus',
    corpus,
    articles,
    warnings: options.warnings ?? [],
    review,
    firstOpen: keeper !== undefined && !keptIndex,
    loaded: { index: loaded.index !== undefined, figures: loaded.figures !== undefined },
    fresh,
    mark: (id) => {
      const m = review?.get(id);
      return fresh.has(id) ? { ...m, new: true } : m;
    },
    index() {
      stepIndex(Infinity);
      return index!;
    },
    // while the entities are being found: a table of no mentions (not kept), so panes show none yet
    table: () => {
      if (!entitiesFound()) return (noMentions ??= mentionTable(articles));
      stepTable(Infinity);
      return table!;
    },
    readyTable() {
      if (!entitiesFound()) return (noMentions ??= mentionTable(articles));
      // a small corpus's is made when first asked for (a few ms); a large one's only by work()
      if (!table && !large) stepTable(Infinity);
      return table;
    },
    wordCounts() {
      stepWords(Infinity);
      return words!;
    },
    figures() {
      stepFigures(Infinity);
      return figures!;
    },
    readyFigures() {
      // a small corpus's are extracted when first asked for; a large one's only by work()
      if (!figures && !large && entitiesFound()) stepFigures(Infinity);
      return figures;
    },
    progress: () => ({
      entities: entities && entities.scanned() / Math.max(1, entities.total),
      index: index || !indexLater ? null : (indexJob?.done() ?? 0) / Math.max(1, articles.length),
      table: table || !large ? null : (tableJob?.done() ?? 0) / articles.length,
      figures: figures || !large ? null : (figuresJob?.done() ?? 0) / articles.length,
    }),
    work(budgetMs) {
      const until = performance.now() + budgetMs;
      const left = () => Math.max(0, until - performance.now());
      // waiting on other threads: nothing to do here (the caller waits a while, not a slice)
      if (!entitiesFound()) return false;
      if (!index && indexLater && !stepIndex(budgetMs)) return false;
      // the gazetteer next: field queries and figures need it, and built on a keystroke it takes 0.3–0.9 s
      if (!gazetteerStep(left())) return false;
      // the mention table next: until it is made, Entities and Compare say they are counting
      if (!stepTable(left())) return false;
      // what a snapshot has not read yet is read and checked next, so that damage is found soon
      if (loaded.checkRest && !loaded.checkRest(left())) return false;
      if (large && !figures && !stepFigures(left())) return false;
      // last: the words collocates are scored against
      return stepWords(left());
    },
    keep(tell = () => undefined) {
      if (!keeper) return;
      if (!keptIndex && index) {
        tell('keeping a snapshot of this corpus for a quicker next open…');
        stepTable(Infinity);
        keptIndex = keeper.keep(articles, index, table!);
      }
      if (keptIndex && !keptFigures && figures) keptFigures = keeper.keepFigures(figures);
    },
  };
}
