/**
 * A large corpus.json is parsed and indexed once; what that produced is kept in the cache
 * folder as a snapshot that loads in a fraction of the time: the paragraphs as one UTF-8 byte
 * arena (decoded an article at a time, when something reads it), mentions as typed columns,
 * the posting lists as they sit in memory. The snapshot is keyed by the corpus file's path,
 * size, modification time and inode, and by the formats it holds; anything that does not
 * match, or does not read back whole, is ignored and rebuilt. It only ever costs time.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { FIGURE_STRIDE, FigureStore, type Figures } from '../analysis/figureStore.js';
import type { Article, Mention, MentionType, RemovedLine } from '../corpus/types.js';
import type { MentionTable } from '../analysis/mentionTable.js';
import { MentionColumns, mentionsFromColumns } from '../corpus/mentionColumns.js';
import { INDEX_VERSION, vocabularyFuse, type SearchIndex } from '../search/searchIndex.js';
import { cacheDir } from './parseCache.js';

const FORMAT = 2;

interface Meta {
  key: string;
  count: number;
  articles: { id: string; file: string; title: string | null; publisher: string | null; author: string | null; published: string | null; section: string[]; dateline: string | null; removed: RemovedLine[]; duplicateOf: string | null }[];
  entities: [MentionType, string, string][];
  surfaces: string[];
  /** the mention table's entities and spellings (its columns are binaries) */
  table: { entityId: string[]; entityType: MentionType[]; entityName: string[]; spellingText: string[] };
  vocabulary: string[];
  titles: [string, number[]][];
  fields: Record<keyof SearchIndex['fields'], [string, number[]][]>;
  years: (number | null)[];
  /** byte lengths of the binary files, checked on reading */
  sizes: Record<string, number>;
}

/** Where the snapshot of a corpus file lives (one per file: a new one replaces the old). */
export function snapshotFolderFor(corpusFile: string): string {
  return path.join(cacheDir(), 'snapshots', createHash('sha256').update(realpathSync(corpusFile)).digest('hex').slice(0, 24));
}

function keyFor(corpusFile: string): string {
  const s = statSync(corpusFile);
  return [FORMAT, INDEX_VERSION, realpathSync(corpusFile), s.size, s.mtimeMs, s.ino].join('|');
}

const TABLE_COLUMNS = ['spellingEntity', 'entityStart', 'entityKey', 'entityCount', 'spellingStart', 'spellingKey', 'spellingCount', 'pairStart', 'pairCountry', 'pairOther', 'pairCount', 'duplicate'] as const;
const BINARIES = ['text', 'paragraphStarts', 'articleParagraphs', 'articleMentions', 'mentions', 'postingData', 'starts', ...TABLE_COLUMNS] as const;

function tableColumns(t: MentionTable): Record<(typeof TABLE_COLUMNS)[number], ArrayBufferView> {
  return {
    spellingEntity: t.spellingEntity,
    entityStart: t.entities.start,
    entityKey: t.entities.key,
    entityCount: t.entities.count,
    spellingStart: t.spellings.start,
    spellingKey: t.spellings.key,
    spellingCount: t.spellings.count,
    pairStart: t.companions.start,
    pairCountry: t.companions.country,
    pairOther: t.companions.other,
    pairCount: t.companions.count,
    duplicate: t.duplicate,
  };
}

/** Writes the snapshot of a corpus just parsed and indexed; any failure leaves no snapshot. */
export function writeSnapshot(corpusFile: string, articles: Article[], index: SearchIndex, table: MentionTable): boolean {
  let tmp = '';
  try {
    const folder = snapshotFolderFor(corpusFile);
    const key = keyFor(corpusFile);
    mkdirSync(path.dirname(folder), { recursive: true });
    tmp = `${folder}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);

    // paragraphs: one arena of UTF-8, written a chunk at a time (never a second copy of the
    // corpus in memory), with the byte offset where each paragraph starts
    const paragraphCount = articles.reduce((n, a) => n + a.paragraphs.length, 0);
    const paragraphStarts = new Float64Array(paragraphCount + 1);
    const articleParagraphs = new Int32Array(articles.length + 1);
    const fd = openSync(path.join(tmp, 'text.bin'), 'w');
    let bytes = 0;
    try {
      const chunk = Buffer.alloc(16 << 20);
      let used = 0;
      const flush = () => {
        writeAll(fd, chunk.subarray(0, used));
        used = 0;
      };
      let p = 0;
      articles.forEach((a, i) => {
        articleParagraphs[i] = p;
        for (const text of a.paragraphs) {
          paragraphStarts[p++] = bytes;
          // at most 3 bytes a UTF-16 unit; a paragraph larger than the chunk goes on its own
          if (used + text.length * 3 > chunk.length) flush();
          if (text.length * 3 > chunk.length) {
            const big = Buffer.from(text, 'utf8');
            writeAll(fd, big);
            bytes += big.length;
          } else {
            const n = chunk.write(text, used, 'utf8');
            used += n;
            bytes += n;
          }
        }
      });
      flush();
      articleParagraphs[articles.length] = p;
      paragraphStarts[p] = bytes;
    } finally {
      closeSync(fd);
    }

    // mentions: entity and surface form as table indices, then paragraph, start, end
    const store = new MentionColumns();
    const articleMentions = new Int32Array(articles.length + 1);
    articles.forEach((a, i) => {
      articleMentions[i] = store.length;
      for (const m of a.mentions) store.push(m);
    });
    articleMentions[articles.length] = store.length;
    const { entities, surfaces } = store;
    const mentions = store.columns.subarray(0, store.length * 5);

    const arrays: Record<Exclude<(typeof BINARIES)[number], 'text'>, ArrayBufferView> = {
      paragraphStarts,
      articleParagraphs,
      articleMentions,
      mentions,
      postingData: index.postingData,
      starts: index.starts,
      ...tableColumns(table),
    };
    const sizes: Record<string, number> = { text: bytes };
    for (const name of BINARIES) {
      if (name === 'text') continue;
      const view = arrays[name];
      writeFileSync(path.join(tmp, `${name}.bin`), new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
      sizes[name] = view.byteLength;
    }
    const meta: Meta = {
      key,
      count: articles.length,
      articles: articles.map(({ id, file, title, publisher, author, published, section, dateline, removed, duplicateOf }) => ({ id, file, title, publisher, author, published, section, dateline, removed, duplicateOf })),
      entities,
      surfaces,
      table: { entityId: table.entityId, entityType: table.entityType, entityName: table.entityName, spellingText: table.spellingText },
      vocabulary: index.vocabulary,
      titles: [...index.titles],
      fields: Object.fromEntries(Object.entries(index.fields).map(([f, map]) => [f, [...map]])) as Meta['fields'],
      years: index.docs.map((d) => d.year),
      sizes,
    };
    // the meta file last: a folder without it is incomplete and never read
    writeJsonInParts(path.join(tmp, 'meta.json'), meta as unknown as Record<string, unknown>);
    rmSync(folder, { recursive: true, force: true });
    renameSync(tmp, folder);
    pruneSnapshots(path.dirname(folder), folder);
    return true;
  } catch {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    return false;
  }
}

/** Snapshots are large (about the corpus's size): only the few most recently written stay. */
const KEEP = 3;

function pruneSnapshots(root: string, current: string): void {
  try {
    const others = readdirSync(root)
      .map((name) => path.join(root, name))
      .filter((p) => p !== current && !p.includes('.tmp-'))
      .map((p) => ({ p, at: statSync(p).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { p } of others.slice(KEEP - 1)) rmSync(p, { recursive: true, force: true });
  } catch {
    // pruning is housekeeping: failing at it costs disk space, nothing else
  }
}

/**
 * JSON.stringify(value) written a thousand array elements at a time: the meta of 100,000
 * articles as one string would be a few hundred MB at the moment memory peaks.
 */
function writeJsonInParts(file: string, value: Record<string, unknown>): void {
  const fd = openSync(file, 'w');
  try {
    const put = (s: string) => writeAll(fd, Buffer.from(s, 'utf8'));
    put('{');
    Object.entries(value).forEach(([key, v], n) => {
      put(`${n ? ',' : ''}${JSON.stringify(key)}:`);
      if (!Array.isArray(v)) return put(JSON.stringify(v) ?? 'null');
      put('[');
      for (let i = 0; i < v.length; i += 1000) put((i ? ',' : '') + v.slice(i, i + 1000).map((x: unknown) => JSON.stringify(x) ?? 'null').join(','));
      put(']');
    });
    put('}');
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function readBinary(folder: string, name: string, size: number): Buffer {
  const fd = openSync(path.join(folder, `${name}.bin`), 'r');
  try {
    if (fstatSync(fd).size !== size) throw new Error(`${name}: wrong size`);
    // a fresh, aligned buffer of its own: typed arrays are laid over it below
    const buf = Buffer.from(new ArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, Math.min(size - at, 1 << 30), at);
      if (n === 0) throw new Error(`${name}: short read`);
      at += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

const view = <T,>(Kind: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }, b: Buffer) => new Kind(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / Kind.BYTES_PER_ELEMENT);

export interface Snapshot {
  articles: Article[];
  index: SearchIndex;
  table: MentionTable;
  /** every article's figures, once a session has extracted them */
  figures?: Figures;
}

/**
 * Adds a corpus's figures to its snapshot, if the snapshot still matches the file: their
 * columns as two binaries, the words they share and the counts in figures.json (written
 * last, so a folder without it has no figures).
 */
export function writeSnapshotFigures(corpusFile: string, figures: Figures): boolean {
  try {
    const folder = snapshotFolderFor(corpusFile);
    const meta = JSON.parse(readFileSync(path.join(folder, 'meta.json'), 'utf8')) as Meta;
    if (meta.key !== keyFor(corpusFile)) return false;
    let store = figures instanceof FigureStore ? figures : null;
    if (!store) {
      store = new FigureStore();
      for (let i = 0; i < figures.length; i++) store.push(figures.at(i)!);
    }
    const { ints, nums, pool, length } = store.columns();
    rmSync(path.join(folder, 'figures.json'), { force: true });
    writeFileSync(path.join(folder, 'figureInts.bin'), new Uint8Array(ints.buffer, ints.byteOffset, ints.byteLength));
    writeFileSync(path.join(folder, 'figureNums.bin'), new Uint8Array(nums.buffer, nums.byteOffset, nums.byteLength));
    const tmp = path.join(folder, `figures.json.tmp-${process.pid}`);
    writeFileSync(tmp, JSON.stringify({ key: meta.key, length, pool, sizes: { ints: ints.byteLength, nums: nums.byteLength } }));
    renameSync(tmp, path.join(folder, 'figures.json'));
    return true;
  } catch {
    return false;
  }
}

function readFigures(folder: string, key: string): Figures | undefined {
  try {
    const saved = JSON.parse(readFileSync(path.join(folder, 'figures.json'), 'utf8')) as { key: string; length: number; pool: string[]; sizes: { ints: number; nums: number } };
    if (saved.key !== key || !Array.isArray(saved.pool)) return undefined;
    const ints = view(Int32Array, readBinary(folder, 'figureInts', saved.sizes.ints));
    const nums = view(Float64Array, readBinary(folder, 'figureNums', saved.sizes.nums));
    if (ints.length !== saved.length * FIGURE_STRIDE || nums.length !== saved.length * 2) return undefined;
    return new FigureStore({ ints, nums, pool: saved.pool, length: saved.length });
  } catch {
    return undefined;
  }
}

/** The snapshot of this corpus file as it is now, or null. */
export function readSnapshot(corpusFile: string): Snapshot | null {
  try {
    const folder = snapshotFolderFor(corpusFile);
    const meta = JSON.parse(readFileSync(path.join(folder, 'meta.json'), 'utf8')) as Meta;
    if (meta.key !== keyFor(corpusFile)) return null;
    const bin = Object.fromEntries(BINARIES.map((name) => [name, readBinary(folder, name, meta.sizes[name] ?? -1)])) as Record<(typeof BINARIES)[number], Buffer>;
    const text = bin.text;
    const paragraphStarts = view(Float64Array, bin.paragraphStarts);
    const articleParagraphs = view(Int32Array, bin.articleParagraphs);
    const articleMentions = view(Int32Array, bin.articleMentions);
    const columns = view(Int32Array, bin.mentions);
    if (articleParagraphs.length !== meta.count + 1 || articleMentions.length !== meta.count + 1) return null;

    // paragraphs are decoded when read, and the last few articles' are kept
    const decoded = new Map<number, string[]>();
    const paragraphsOf = (i: number): string[] => {
      let ps = decoded.get(i);
      if (ps) return ps;
      ps = [];
      for (let p = articleParagraphs[i]!; p < articleParagraphs[i + 1]!; p++) ps.push(text.toString('utf8', paragraphStarts[p]!, paragraphStarts[p + 1]!));
      if (decoded.size >= 4) decoded.delete(decoded.keys().next().value!);
      decoded.set(i, ps);
      return ps;
    };
    // mentions are made when read (the reader, figures, exports), never all kept: counting
    // is done from the mention table
    const mentions = new MentionColumns({ entities: meta.entities, surfaces: meta.surfaces, columns });
    const articles: Article[] = meta.articles.map((a, i) => {
      const article = { id: a.id, file: a.file, title: a.title, publisher: a.publisher, author: a.author, published: a.published, section: a.section, dateline: a.dateline, paragraphs: [] as string[], removed: a.removed, mentions: [] as Mention[], duplicateOf: a.duplicateOf };
      // same key order as a parsed article; text and mentions stay in their columns until read
      Object.defineProperty(article, 'paragraphs', { get: () => paragraphsOf(i), enumerable: true, configurable: true });
      return mentionsFromColumns(article, mentions, articleMentions[i]!, articleMentions[i + 1]!);
    });
    const int = (name: (typeof TABLE_COLUMNS)[number]) => view(Int32Array, bin[name]);
    const table: MentionTable = {
      articles: meta.count,
      ...meta.table,
      spellingEntity: int('spellingEntity'),
      entities: { start: int('entityStart'), key: int('entityKey'), count: int('entityCount') },
      spellings: { start: int('spellingStart'), key: int('spellingKey'), count: int('spellingCount') },
      companions: { start: int('pairStart'), country: int('pairCountry'), other: int('pairOther'), count: int('pairCount') },
      duplicate: new Uint8Array(bin.duplicate.buffer, bin.duplicate.byteOffset, bin.duplicate.byteLength),
      published: meta.articles.map((a) => a.published),
    };
    if (table.entities.start.length !== meta.count + 1 || table.companions.start.length !== meta.count + 1 || table.duplicate.length !== meta.count) return null;
    const index: SearchIndex = {
      docs: articles.map((article, i) => ({ article, year: meta.years[i] ?? null })),
      fields: Object.fromEntries(Object.entries(meta.fields).map(([f, entries]) => [f, new Map(entries)])) as SearchIndex['fields'],
      titles: new Map(meta.titles),
      terms: new Map(meta.vocabulary.map((t, k) => [t, k])),
      postingData: view(Int32Array, bin.postingData),
      starts: view(Int32Array, bin.starts),
      vocabulary: meta.vocabulary,
      fuse: vocabularyFuse(meta.vocabulary),
    };
    if (index.starts.length !== meta.vocabulary.length + 1) return null;
    return { articles, index, table, figures: readFigures(folder, meta.key) };
  } catch {
    return null;
  }
}
