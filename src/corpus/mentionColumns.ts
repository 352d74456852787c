/**
 * Mentions kept as typed columns instead of objects: 20 bytes a mention where an object with
 * its array slot takes about 90. An article so stored makes its mentions when they are read
 * (the reader, figures, exports); counting is done from the mention table. Used for
 * corpus.json as it streams in, and to write and read snapshots.
 */
import { MENTION_TYPES, type Article, type Mention, type MentionType } from './types.js';

// a type is stored as its position here: MENTION_TYPES' order is part of the cached columns
const TYPES: readonly MentionType[] = MENTION_TYPES;
const KEYS = 'type,id,name,text,paragraph,start,end';
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0x7fffffff;

export class MentionColumns {
  /** per entity: type, id, name */
  entities: [MentionType, string, string][];
  /** the spellings as written */
  surfaces: string[];
  /** per mention: entity, surface, paragraph, start, end */
  columns: Int32Array;
  length: number;
  private entityIndex = new Map<string, number>();
  private surfaceIndex = new Map<string, number>();

  constructor(saved?: { entities: [MentionType, string, string][]; surfaces: string[]; columns: Int32Array }) {
    this.entities = saved?.entities ?? [];
    this.surfaces = saved?.surfaces ?? [];
    this.columns = saved?.columns ?? new Int32Array(5 * 4096);
    this.length = saved ? saved.columns.length / 5 : 0;
  }

  /**
   * Adds an article's mentions; returns where they sit, or null when one of them is not
   * exactly a mention (a hand-made file may carry other fields; those stay objects, as read).
   */
  add(mentions: readonly unknown[]): { start: number; end: number } | null {
    for (const m of mentions) {
      if (typeof m !== 'object' || m === null || Object.keys(m).join(',') !== KEYS) return null;
      const x = m as Record<string, unknown>;
      if (!TYPES.includes(x.type as MentionType) || typeof x.id !== 'string' || typeof x.name !== 'string' || typeof x.text !== 'string') return null;
      if (!isInt(x.paragraph) || !isInt(x.start) || !isInt(x.end)) return null;
    }
    const start = this.length;
    for (const m of mentions as Mention[]) this.push(m);
    return { start, end: this.length };
  }

  /** Adds one mention as it is (fields other than a mention's own are not kept). */
  push(m: Mention): void {
    if ((this.length + 1) * 5 > this.columns.length) {
      const grown = new Int32Array(this.columns.length * 2);
      grown.set(this.columns);
      this.columns = grown;
    }
    const at = this.length * 5;
    this.columns[at] = this.entity(m.type, m.id, m.name);
    this.columns[at + 1] = this.surface(m.text);
    this.columns[at + 2] = m.paragraph;
    this.columns[at + 3] = m.start;
    this.columns[at + 4] = m.end;
    this.length++;
  }

  private entity(type: MentionType, id: string, name: string): number {
    const key = `${type}\u0000${id}\u0000${name}`;
    let e = this.entityIndex.get(key);
    if (e === undefined) {
      e = this.entities.push([type, id, name]) - 1;
      this.entityIndex.set(key, e);
    }
    return e;
  }

  private surface(text: string): number {
    let s = this.surfaceIndex.get(text);
    if (s === undefined) {
      s = this.surfaces.push(text) - 1;
      this.surfaceIndex.set(text, s);
    }
    return s;
  }

  /** The mentions [start, end) as objects, in the order they were added. */
  read(start: number, end: number): Mention[] {
    const out: Mention[] = new Array(end - start);
    const c = this.columns;
    for (let k = start, j = 0; k < end; k++, j++) {
      const [type, id, name] = this.entities[c[k * 5]!]!;
      out[j] = { type, id, name, text: this.surfaces[c[k * 5 + 1]!]!, paragraph: c[k * 5 + 2]!, start: c[k * 5 + 3]!, end: c[k * 5 + 4]! };
    }
    return out;
  }
}

/**
 * Makes `article.mentions` read from the columns, in the property's own place (JSON key order
 * is kept). Assigning mentions to the article later stores them as a plain list again.
 */
export function mentionsFromColumns(article: Article, store: MentionColumns | (() => MentionColumns), start: number, end: number): Article {
  Object.defineProperty(article, 'mentions', {
    // a store made on first need (a snapshot's columns are read when a mention first is)
    get: () => (typeof store === 'function' ? store() : store).read(start, end),
    set(value: Mention[]) {
      Object.defineProperty(article, 'mentions', { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  return article;
}
