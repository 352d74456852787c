/**
 * What a key does beyond the UI state: review marks, exports, the clipboard. The app calls
 * these with the article a key applies to; they return the status-bar message.
 */
import type { Article, MentionType } from '../corpus/types.js';
import type { Mark, MarkChange } from '../review/marks.js';
import type { What } from '../analysis/exportTable.js';
import type { PipeResult } from '../io/pipeCommand.js';

/** The review store as the dashboard uses it (the real one saves to disk; tests may pass a fake). */
export interface Review {
  get(articleId: string): Mark | undefined;
  set(articleId: string, change: MarkChange): Promise<void>;
  /** many articles' changes as one (a batch on a selection, its undo) */
  setMany(changes: readonly (readonly [articleId: string, change: MarkChange])[]): Promise<void>;
  /** the tags in use, by how many articles carry each */
  tags(): [tag: string, articles: number][];
  savedSearches(): [name: string, query: string][];
  savedSearch(name: string): string | undefined;
  /** an empty query deletes it */
  saveSearch(name: string, query: string): Promise<void>;
  subscribe(listener: () => void): () => void;
  version: number;
  message: string | null;
  /** why marks could not be saved, while changes wait to be saved (shown until they are) */
  failure?: string | null;
  /** at quit: a last save; what could still not be saved */
  close?(): Promise<{ id: string; fields: string[] }[]>;
}

/** the views `x` exports: the export table's kinds */
export type ExportWhat = What;

export interface Outside {
  /** writes the current view, filtered, to a file in the working directory; returns its path */
  exportView(what: ExportWhat, query: string, options?: { type?: MentionType }): Promise<string>;
  /** sends text to the terminal's clipboard */
  copy(text: string): void;
  /** opens an address in the browser where one can show; resolves with what was done, for the status line */
  openAddress?(url: string): Promise<string>;
  /** runs a shell command with `input` as its standard input, the dashboard stepped aside meanwhile (|) */
  pipe?(command: string, input: string): Promise<PipeResult>;
  /** shows `input` in the pager (the config's, $PAGER or less), the terminal its until it ends (P) */
  page?(input: string): Promise<PipeResult>;
  /** the whole screen sent again with the next frame (Ctrl-L, leaving the help overlay) */
  redraw?(): void;
}

export function citation(a: Article): string {
  // the address, when the page has one, is what a reader of the citation can follow
  return [a.title ?? '(untitled)', a.publisher, a.published ?? 'undated', a.url ?? a.file].filter(Boolean).join(' — ');
}
