/**
 * Every article's mentions summed once, at load, into typed columns: per article the entities
 * it names (with counts), the spellings used, and which entities share a paragraph with each
 * country. Entity tables and country comparisons over any set of articles are then sums over
 * these columns, never a walk over millions of mention objects, and the mentions themselves
 * need not stay in memory.
 */
import type { Article, MentionType } from '../corpus/types.js';

/** Rows per article in compressed form: article i owns [start[i], start[i + 1]). */
export interface Rows {
  start: Int32Array;
  key: Int32Array;
  count: Int32Array;
}

export interface MentionTable {
  articles: number;
  /** entities, keyed by id (the first name seen for an id is its name) */
  entityId: string[];
  entityType: MentionType[];
  entityName: string[];
  /** each entity's spellings as written; spellingEntity says whose */
  spellingText: string[];
  spellingEntity: Int32Array;
  /** per article: entities named, with their mention counts */
  entities: Rows;
  /** per article: spellings used, with counts */
  spellings: Rows;
  /** per article: (country, other entity) pairs, counted as mentions of the other in paragraphs that name the country */
  companions: { start: Int32Array; country: Int32Array; other: Int32Array; count: Int32Array };
  /** republished copies (duplicateOf set): counted nowhere */
  duplicate: Uint8Array;
  /** publication dates, as in the articles */
  published: (string | null)[];
}

/** A growable Int32 column. */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds a table one article at a time. `entity` and `spelling` intern what they are given;
 * `add` takes one article's mentions as parallel lists of entity, spelling and paragraph.
 */
class MentionTableBuilder {
  private ids = new Map<string, number>();
  private entityId: string[] = [];
  private entityType: MentionType[] = [];
  private entityName: string[] = [];
  private spellingIds: Map<string, number>[] = [];
  private spellingText: string[] = [];
  private spellingOwner = new Column();
  private entityRows = { start: new Column(), key: new Column(), count: new Column() };
  private spellingRows = { start: new Column(), key: new Column(), count: new Column() };
  private pairRows = { start: new Column(), country: new Column(), other: new Column(), count: new Column() };
  private duplicate: number[] = [];
  private published: (string | null)[] = [];
  // scratch, reused for every article
  private entityCounts: number[] = [];
  private spellingCounts: number[] = [];

  entity(id: string, type: MentionType, name: string): number {
    let e = this.ids.get(id);
    if (e === undefined) {
      e = this.entityId.push(id) - 1;
      this.ids.set(id, e);
      this.entityType.push(type);
      this.entityName.push(name);
      this.spellingIds.push(new Map());
      this.entityCounts.push(0);
    }
    return e;
  }

  spelling(entity: number, text: string): number {
    const own = this.spellingIds[entity]!;
    let s = own.get(text);
    if (s === undefined) {
      s = this.spellingText.push(text) - 1;
      own.set(text, s);
      this.spellingOwner.push(entity);
      this.spellingCounts.push(0);
    }
    return s;
  }

  add(entities: ArrayLike<number>, spellings: ArrayLike<number>, paragraphs: ArrayLike<number>, duplicate: boolean, published: string | null): void {
    const n = entities.length;
    this.duplicate.push(duplicate ? 1 : 0);
    this.published.push(published);
    this.entityRows.start.push(this.entityRows.key.length);
    this.spellingRows.start.push(this.spellingRows.key.length);
    this.pairRows.start.push(this.pairRows.country.length);
    tally(entities, this.entityCounts, this.entityRows);
    tally(spellings, this.spellingCounts, this.spellingRows);

    // companions, paragraph by paragraph (mentions in paragraph order, which extraction keeps;
    // sorted here when a hand-made corpus does not)
    let order: number[] | null = null;
    for (let k = 1; k < n; k++) {
      if (paragraphs[k]! < paragraphs[k - 1]!) {
        order = Array.from({ length: n }, (_, i) => i).sort((a, b) => paragraphs[a]! - paragraphs[b]! || a - b);
        break;
      }
    }
    const at = (k: number) => (order ? order[k]! : k);
    const pairs = new Map<number, number>();
    const width = this.entityId.length;
    for (let from = 0; from < n; ) {
      let to = from;
      while (to < n && paragraphs[at(to)] === paragraphs[at(from)]) to++;
      const countries: number[] = [];
      for (let k = from; k < to; k++) {
        const e = entities[at(k)]!;
        if (this.entityType[e] === 'country' && !countries.includes(e)) countries.push(e);
      }
      if (countries.length) {
        for (let k = from; k < to; k++) {
          const o = entities[at(k)]!;
          if (this.entityType[o] === 'country') continue;
          for (const c of countries) pairs.set(c * width + o, (pairs.get(c * width + o) ?? 0) + 1);
        }
      }
      from = to;
    }
    for (const [key, count] of pairs) {
      this.pairRows.country.push(Math.floor(key / width));
      this.pairRows.other.push(key % width);
      this.pairRows.count.push(count);
    }
  }

  done(): MentionTable {
    const close = (r: { start: Column; key: Column; count: Column }): Rows => {
      r.start.push(r.key.length);
      return { start: r.start.done(), key: r.key.done(), count: r.count.done() };
    };
    this.pairRows.start.push(this.pairRows.country.length);
    return {
      articles: this.duplicate.length,
      entityId: this.entityId,
      entityType: this.entityType,
      entityName: this.entityName,
      spellingText: this.spellingText,
      spellingEntity: this.spellingOwner.done(),
      entities: close(this.entityRows),
      spellings: close(this.spellingRows),
      companions: {
        start: this.pairRows.start.done(),
        country: this.pairRows.country.done(),
        other: this.pairRows.other.done(),
        count: this.pairRows.count.done(),
      },
      duplicate: Uint8Array.from(this.duplicate),
      published: this.published,
    };
  }
}

/** Appends the distinct keys of one article with their counts, in order of first use. */
function tally(keys: ArrayLike<number>, scratch: number[], out: { key: Column; count: Column }): void {
  const first = out.key.length;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (scratch[key]! === 0) out.key.push(key);
    scratch[key]!++;
  }
  for (let r = first; r < out.key.length; r++) {
    const key = out.key.data[r]!;
    out.count.push(scratch[key]!);
    scratch[key] = 0;
  }
}

/** The table of articles whose mentions are objects (parsed or read from corpus.json). */
export function mentionTable(articles: readonly Article[]): MentionTable {
  const job = mentionTableInSlices(articles);
  job.next(Infinity);
  return job.table()!;
}

/**
 * `mentionTable` made a slice at a time, as the Session's background work makes it (10,000
 * articles take ~0.4 s, which on a key press would be a freeze): `next(budgetMs)` adds
 * articles for about that long and is true once the table is made.
 */
export function mentionTableInSlices(articles: readonly Article[]): { next(budgetMs: number): boolean; done(): number; table(): MentionTable | null } {
  const b = new MentionTableBuilder();
  const entities: number[] = [];
  const spellings: number[] = [];
  const paragraphs: number[] = [];
  let at = 0;
  let table: MentionTable | null = null;
  return {
    done: () => at,
    table: () => table,
    next(budgetMs) {
      const until = performance.now() + budgetMs;
      while (at < articles.length) {
        const a = articles[at++]!;
        entities.length = spellings.length = paragraphs.length = 0;
        for (const m of a.mentions) {
          const e = b.entity(m.id, m.type, m.name);
          entities.push(e);
          spellings.push(b.spelling(e, m.text));
          paragraphs.push(m.paragraph);
        }
        b.add(entities, spellings, paragraphs, !!a.duplicateOf, a.published);
        if ((at & 63) === 0 && performance.now() >= until) return false;
      }
      table ??= b.done();
      return true;
    },
  };
}

/** A table of n articles that name nothing: what is counted while the real one is being made. */
export function noMentionTable(n: number): MentionTable {
  const none = (): Rows => ({ start: new Int32Array(n + 1), key: new Int32Array(0), count: new Int32Array(0) });
  return {
    articles: n,
    entityId: [],
    entityType: [],
    entityName: [],
    spellingText: [],
    spellingEntity: new Int32Array(0),
    entities: none(),
    spellings: none(),
    companions: { start: new Int32Array(n + 1), country: new Int32Array(0), other: new Int32Array(0), count: new Int32Array(0) },
    duplicate: new Uint8Array(n),
    published: new Array<string | null>(n).fill(null),
  };
}

/** Indices 0…n-1: every article. */
export function everyArticle(n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

/** Countries an article names, most mentioned first (ties by id). */
export function countriesOf(t: MentionTable, article: number): { entity: number; count: number }[] {
  const out: { entity: number; count: number }[] = [];
  for (let r = t.entities.start[article]!; r < t.entities.start[article + 1]!; r++) {
    const e = t.entities.key[r]!;
    if (t.entityType[e] === 'country') out.push({ entity: e, count: t.entities.count[r]! });
  }
  return out.sort((x, y) => y.count - x.count || t.entityId[x.entity]!.localeCompare(t.entityId[y.entity]!));
}
