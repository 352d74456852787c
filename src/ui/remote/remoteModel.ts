/**
 * What the dashboard holds of a corpus in a database (--db): a slot for each article a list
 * page has shown (its row: date, publisher, title), and the whole text of the few last read.
 * The panes address articles by slot as they address a loaded corpus's by position, so they
 * read either alike; nothing else of the corpus is here.
 */
import { noMentionTable } from '../../analysis/mentionTable.js';
import type { SearchHit } from '../../backend/backend.js';
import type { Article } from '../../corpus/types.js';
import { plainTitle } from '../../corpus/displayTitle.js';
import { neutralize, sanitizeLine } from '../../text/sanitize.js';
import type { ArticleRow, Model } from '../model.js';

/** Whole articles kept: those read lately (the reader's, the preview's). */
const WHOLE_KEPT = 32;
const UNTITLED = '(untitled) ';

/** An article as a list page gives it: its row, no text yet. */
function stubOf(hit: Pick<SearchHit, 'id' | 'file' | 'published' | 'publisher' | 'title'>): Article {
  return {
    id: hit.id,
    file: hit.file,
    title: hit.title,
    publisher: hit.publisher,
    author: null,
    published: hit.published,
    section: [],
    dateline: null,
    paragraphs: [],
    removed: [],
    mentions: [],
    duplicateOf: null,
  };
}

/** ISO alpha-3 codes of the countries an article mentions, most mentioned first (as the loaded list shows them). */
function codesOf(a: Article): string {
  const n = new Map<string, number>();
  for (const m of a.mentions) if (m.type === 'country' && m.id.startsWith('country:')) n.set(m.id, (n.get(m.id) ?? 0) + 1);
  return [...n]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, 4)
    .map(([id]) => id.slice('country:'.length))
    .join(' ');
}

function rowOf(a: Article, shown: string, codes = ''): ArticleRow {
  const title = a.title ?? (shown.startsWith(UNTITLED) ? shown.slice(UNTITLED.length) : shown);
  return {
    date: a.published ?? 'undated',
    publisher: sanitizeLine(a.publisher ?? '—'),
    title: sanitizeLine(title || a.file),
    untitled: a.title === null,
    codes,
  };
}

export class RemoteModel implements Model {
  readonly session = null;
  readonly articles: Article[] = [];
  readonly rows: ArticleRow[] = [];
  readonly warnings = 0;
  readonly table = noMentionTable(0);
  private readonly slots = new Map<string, number>();
  /** slots whose whole article is here, the least recently read first */
  private readonly whole = new Map<number, string[]>();

  constructor(readonly label: string) {}

  /** The slot of a listed article, made the first time a page shows it. */
  slotOf(hit: SearchHit): number {
    let slot = this.slots.get(hit.id);
    if (slot === undefined) {
      slot = this.articles.length;
      this.slots.set(hit.id, slot);
      this.articles.push(stubOf(hit));
      this.rows.push(rowOf(this.articles[slot]!, hit.shown));
    }
    return slot;
  }

  /** The slot of an article known only by its id (a figure's): its row says so until its text is read. */
  slotOfId(id: string): number {
    return this.slots.get(id) ?? this.slotOf({ id, file: '', published: null, publisher: null, title: '…', shown: '…', score: 0 });
  }

  /** Whether the slot's whole article is here. */
  isWhole(slot: number): boolean {
    return this.whole.has(slot);
  }

  /** The whole article read from the database: its slot shows it; the oldest read goes back to its row. */
  fill(slot: number, a: Article): void {
    this.articles[slot] = a;
    this.rows[slot] = rowOf(a, plainTitle(a), codesOf(a));
    this.whole.delete(slot);
    this.whole.set(slot, a.paragraphs.map(neutralize));
    while (this.whole.size > WHOLE_KEPT) {
      const [old] = this.whole.keys();
      this.whole.delete(old!);
      const kept = this.articles[old!]!;
      const stub = stubOf(kept);
      this.articles[old!] = kept.url ? { ...stub, url: kept.url } : stub;
    }
  }

  paragraphs(slot: number): string[] {
    return this.whole.get(slot) ?? [];
  }
}
