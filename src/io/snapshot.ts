/**
 * A large corpus.json is parsed and indexed once; what that produced is kept in the cache
 * folder as a snapshot that loads in a fraction of the time: the paragraphs as one UTF-8 byte
 * arena (read from the file and decoded an article at a time, when something reads it:
 * textArena.ts), mentions as typed columns, the posting lists as they sit in memory. The snapshot is keyed by the corpus file's path,
 * size, modification time and inode, and by the formats it holds; one that does not match is
 * stale and silently rebuilt. Every file carries its checksum (the binaries' CRC-32 in meta.json,
 * meta.json's and figures.json's in their last line) and every offset is checked against its
 * bounds on reading: a damaged snapshot is reported and rebuilt, never read as data.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { FIGURE_STRIDE, FigureStore, type Figures } from '../analysis/figureStore.js';
import type { Article, Mention, MentionType, RemovedLine, Warning } from '../corpus/types.js';
import type { MentionTable } from '../analysis/mentionTable.js';
import { MentionColumns, mentionsFromColumns } from '../corpus/mentionColumns.js';
import { INDEX_VERSION, type SearchIndex } from '../search/searchIndex.js';
import { cacheDir } from './parseCache.js';
import { sweepStaleTemps, tempNameFor, writeAll, writeFileSafely } from './safeWrite.js';
import { Sealer, seal, unseal } from './sealed.js';
import { checksumHex, checksumOf } from './checksum.js';
import { BlockHasher, DamagedSnapshot, TextArena } from './textArena.js';
import { firstLine } from '../text/firstLine.js';

const FORMAT = 9;

/** An article's fields kept in meta.json (the rest are binaries or read later). */
const ARTICLE_FIELDS = [
  'id',
  'file',
  'title',
  'publisher',
  'author',
  'published',
  'section',
  'dateline',
  'duplicateOf',
  'url',
] as const satisfies readonly (keyof Article)[];
type ArticleFields = Pick<Article, (typeof ARTICLE_FIELDS)[number]>;

interface Meta {
  key: string;
  count: number;
  /**
   * the articles' fields as one array a field (arrays of strings parse in about half the time
   * 100,000 objects do, and the field names are not repeated 100,000 times)
   */
  articles: { [K in keyof ArticleFields]: ArticleFields[K][] };
  entities: [MentionType, string, string][];
  surfaces: string[];
  /** the mention table's entities and spellings (its columns are binaries) */
  table: { entityId: string[]; entityType: MentionType[]; entityName: string[]; spellingText: string[] };
  vocabulary: string[];
  /** the fuzzy index's letter pairs, in row order (its lists are binaries) */
  grams: string[];
  fields: Record<keyof SearchIndex['fields'], [string, number[]][]>;
  years: (number | null)[];
  /** byte lengths of the binary files, checked on reading */
  sizes: Record<string, number>;
  /** what reading the corpus file warned of (a JSON Lines file's bad lines): said again at each open */
  warnings?: Warning[];
  /** the checksum (CRC-32) of each binary file but the text */
  hashes: Record<string, string>;
  /** the checksum (CRC-32) of each block of the text (read, and checked, a block at a time) */
  textBlocks: string[];
}

/** Where the snapshot of a corpus file lives (one per file: a new one replaces the old). */
export function snapshotFolderFor(corpusFile: string): string {
  return path.join(cacheDir(), 'snapshots', createHash('sha256').update(realpathSync(corpusFile)).digest('hex').slice(0, 24));
}

function keyFor(corpusFile: string): string {
  const s = statSync(corpusFile);
  return [FORMAT, INDEX_VERSION, realpathSync(corpusFile), s.size, s.mtimeMs, s.ino].join('|');
}

const TABLE_COLUMNS = [
  'spellingEntity',
  'entityStart',
  'entityKey',
  'entityCount',
  'spellingStart',
  'spellingKey',
  'spellingCount',
  'pairStart',
  'pairCountry',
  'pairOther',
  'pairCount',
  'duplicate',
] as const;
const BINARIES = [
  'text',
  'paragraphStarts',
  'articleParagraphs',
  'articleMentions',
  'postingData',
  'starts',
  'titleData',
  'titleStarts',
  'gramData',
  'gramStarts',
  ...TABLE_COLUMNS,
] as const;

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
export function writeSnapshot(corpusFile: string, articles: Article[], index: SearchIndex, table: MentionTable, warnings: readonly Warning[] = []): boolean {
  let tmp = '';
  try {
    const folder = snapshotFolderFor(corpusFile);
    const key = keyFor(corpusFile);
    mkdirSync(path.dirname(folder), { recursive: true });
    sweepStaleTemps(path.dirname(folder));
    tmp = tempNameFor(folder);
    mkdirSync(tmp);

    // paragraphs: one arena of UTF-8, written a chunk at a time (never a second copy of the
    // corpus in memory), with the byte offset where each paragraph starts
    const paragraphCount = articles.reduce((n, a) => n + a.paragraphs.length, 0);
    const paragraphStarts = new Float64Array(paragraphCount + 1);
    const articleParagraphs = new Int32Array(articles.length + 1);
    const fd = openSync(path.join(tmp, 'text.bin'), 'w');
    const textHash = new BlockHasher();
    let bytes = 0;
    try {
      const chunk = Buffer.alloc(16 << 20);
      let used = 0;
      const put = (b: Uint8Array) => {
        writeAll(fd, b);
        textHash.update(b);
      };
      const flush = () => {
        put(chunk.subarray(0, used));
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
            put(big);
            bytes += big.length;
          } else {
            const n = chunk.write(text, used, 'utf8');
            used += n;
            bytes += n;
          }
        }
      });
      flush();
      fsyncSync(fd);
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
      postingData: index.postingData,
      starts: index.starts,
      titleData: index.titleData,
      titleStarts: index.titleStarts,
      gramData: index.fuzzy.data,
      gramStarts: index.fuzzy.starts,
      ...tableColumns(table),
    };
    const sizes: Record<string, number> = { text: bytes };
    const hashes: Record<string, string> = {};
    for (const name of BINARIES) {
      if (name === 'text') continue;
      const view = arrays[name];
      const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      writeBinary(path.join(tmp, `${name}.bin`), b);
      sizes[name] = view.byteLength;
      hashes[name] = checksumHex(checksumOf(b));
    }
    // read later than the rest by the dashboard: the mention columns and the removed lines
    const mentionBytes = new Uint8Array(mentions.buffer, mentions.byteOffset, mentions.byteLength);
    writeBinary(path.join(tmp, 'mentions.bin'), mentionBytes);
    sizes.mentions = mentionBytes.byteLength;
    hashes.mentions = checksumHex(checksumOf(mentionBytes));
    writeJsonInParts(path.join(tmp, 'removed.json'), { removed: articles.map((a) => a.removed) });
    const meta: Meta = {
      key,
      count: articles.length,
      articles: Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, articles.map((a) => a[f])])) as Meta['articles'],
      entities,
      surfaces,
      table: { entityId: table.entityId, entityType: table.entityType, entityName: table.entityName, spellingText: table.spellingText },
      vocabulary: index.vocabulary,
      grams: [...index.fuzzy.grams.keys()],
      fields: Object.fromEntries(Object.entries(index.fields).map(([f, map]) => [f, [...map]])) as Meta['fields'],
      years: index.docs.map((d) => d.year),
      sizes,
      hashes,
      textBlocks: textHash.digest(),
      ...(warnings.length ? { warnings: warnings.map((w) => ({ file: w.file, message: w.message })) } : {}),
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

function writeBinary(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Snapshots are large (about the corpus's size): only the few most recently written stay. */
const KEEP = 3;

function pruneSnapshots(root: string, current: string): void {
  try {
    const others = readdirSync(root)
      .map((name) => path.join(root, name))
      .filter((p) => p !== current && !path.basename(p).startsWith('.') && !p.includes('.tmp-'))
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
  const sealer = new Sealer();
  try {
    const put = (s: string) => {
      const b = Buffer.from(s, 'utf8');
      writeAll(fd, b);
      sealer.update(b);
    };
    // arrays a thousand elements at a time, objects a key at a time, the rest whole
    const putValue = (v: unknown) => {
      if (Array.isArray(v)) {
        put('[');
        for (let i = 0; i < v.length; i += 1000)
          put(
            (i ? ',' : '') +
              v
                .slice(i, i + 1000)
                .map((x: unknown) => JSON.stringify(x) ?? 'null')
                .join(','),
          );
        put(']');
      } else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
        put('{');
        // as JSON.stringify does: a key whose value is undefined is left out
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .forEach(([key, x], n) => {
            put(`${n ? ',' : ''}${JSON.stringify(key)}:`);
            putValue(x);
          });
        put('}');
      } else put(JSON.stringify(v) ?? 'null');
    };
    putValue(value);
    writeAll(fd, sealer.line());
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A snapshot that is there but not whole: said once, then rebuilt. */
class Damaged extends Error {}
/** A snapshot of another version of the file or of steppe: silently rebuilt. */
class Stale extends Error {}

function olderFormat(metaFile: string): boolean {
  try {
    const key = (JSON.parse(readFileSync(metaFile, 'utf8')) as { key?: unknown }).key;
    return typeof key === 'string' && Number(key.split('|')[0]) < FORMAT;
  } catch {
    return false;
  }
}

function readBinary(folder: string, name: string, size: number, hash?: string): Buffer {
  const fd = openSync(path.join(folder, `${name}.bin`), 'r');
  try {
    if (fstatSync(fd).size !== size) throw new Damaged(`${name}.bin has the wrong size`);
    // a buffer of its own (aligned: typed arrays are laid over it below), not zero-filled
    // first: the read fills it
    const buf = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, Math.min(size - at, 1 << 30), at);
      if (n === 0) throw new Damaged(`${name}.bin is cut short`);
      at += n;
    }
    if (hash !== undefined && checksumHex(checksumOf(buf)) !== hash) throw new Damaged(`${name}.bin fails its checksum`);
    return buf;
  } finally {
    closeSync(fd);
  }
}

const view = <T>(Kind: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }, b: Buffer) =>
  new Kind(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / Kind.BYTES_PER_ELEMENT);

export interface Snapshot {
  /** with `readLater`: reads and checks what is not read yet (mentions, removed lines, the text's blocks), a slice at a time; true once all are */
  checkRest?: (budgetMs: number) => boolean;
  articles: Article[];
  index: SearchIndex;
  table: MentionTable;
  /** every article's figures, once a session has extracted them */
  figures?: Figures;
  /** what reading the corpus file warned of when the snapshot was written */
  warnings: Warning[];
}

/**
 * Adds a corpus's figures to its snapshot, if the snapshot still matches the file: their
 * columns as two binaries, the words they share and the counts in figures.json (written
 * last, so a folder without it has no figures).
 */
export function writeSnapshotFigures(corpusFile: string, figures: Figures): boolean {
  try {
    const folder = snapshotFolderFor(corpusFile);
    const meta = readMeta(folder);
    if (meta.key !== keyFor(corpusFile)) return false;
    let store = figures instanceof FigureStore ? figures : null;
    if (!store) {
      store = new FigureStore();
      for (let i = 0; i < figures.length; i++) store.push(figures.at(i)!);
    }
    const { ints, nums, pool, length } = store.columns();
    const intBytes = new Uint8Array(ints.buffer, ints.byteOffset, ints.byteLength);
    const numBytes = new Uint8Array(nums.buffer, nums.byteOffset, nums.byteLength);
    // figures.json last: it names the binaries' hashes, so older binaries never pass for these
    writeFileSafely(path.join(folder, 'figureInts.bin'), intBytes);
    writeFileSafely(path.join(folder, 'figureNums.bin'), numBytes);
    const saved = {
      key: meta.key,
      length,
      pool,
      sizes: { ints: intBytes.length, nums: numBytes.length },
      hashes: { ints: checksumHex(checksumOf(intBytes)), nums: checksumHex(checksumOf(numBytes)) },
    };
    writeFileSafely(path.join(folder, 'figures.json'), seal(JSON.stringify(saved)));
    return true;
  } catch {
    return false;
  }
}

function readSealedJson<T>(file: string): T {
  const text = unseal(readFileSync(file));
  if (text === null) throw new Damaged(`${path.basename(file)} fails its checksum`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Damaged(`${path.basename(file)} is not valid JSON`);
  }
}

function readMeta(folder: string): Meta {
  const file = path.join(folder, 'meta.json');
  let meta: Meta;
  try {
    meta = readSealedJson<Meta>(file);
  } catch (e) {
    // a snapshot of an older steppe had no checksums: out of date, not damaged
    if (e instanceof Damaged && olderFormat(file)) throw new Stale();
    throw e;
  }
  if (typeof meta !== 'object' || meta === null || typeof meta.key !== 'string') throw new Damaged('meta.json has no key');
  return meta;
}

function readFigures(folder: string, key: string): Figures | undefined {
  let saved: { key: string; length: number; pool: string[]; sizes: { ints: number; nums: number }; hashes: { ints: string; nums: string } };
  try {
    saved = readSealedJson(path.join(folder, 'figures.json'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no figures yet
    throw e;
  }
  if (saved.key !== key) return undefined;
  if (!Array.isArray(saved.pool) || !Number.isInteger(saved.length)) throw new Damaged('figures.json is malformed');
  const ints = view(Int32Array, readBinary(folder, 'figureInts', saved.sizes.ints, saved.hashes.ints));
  const nums = view(Float64Array, readBinary(folder, 'figureNums', saved.sizes.nums, saved.hashes.nums));
  if (ints.length !== saved.length * FIGURE_STRIDE || nums.length !== saved.length * 2) throw new Damaged('figure columns have the wrong length');
  return new FigureStore({ ints, nums, pool: saved.pool, length: saved.length });
}

/** Every value of `a` in [0, limit); with `rising`, also never decreasing. */
function inBounds(a: ArrayLike<number>, limit: number, rising = false): boolean {
  let last = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (!(v >= 0 && v < limit) || (rising && v < last)) return false;
    last = v;
  }
  return true;
}

/** Every `stride`-th value from `offset` in [0, limit). */
function strideInBounds(a: Int32Array, stride: number, offset: number, limit: number): boolean {
  for (let i = offset; i < a.length; i += stride) if (!(a[i]! >= 0 && a[i]! < limit)) return false;
  return true;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Damaged(what);
}

export type ReadSnapshot = ({ ok: true } & Snapshot) | { ok: false; damaged?: string };

/**
 * The snapshot of this corpus file as it is now; or none (no snapshot, or a stale one:
 * silently rebuilt), or `damaged` with what is wrong (reported, then rebuilt).
 */
export function readSnapshot(corpusFile: string, options: { readLater?: boolean } = {}): ReadSnapshot {
  let folder: string;
  try {
    folder = snapshotFolderFor(corpusFile);
    sweepStaleTemps(path.dirname(folder));
    statSync(folder);
  } catch {
    return { ok: false };
  }
  try {
    return { ok: true, ...loadSnapshot(folder, corpusFile, options.readLater === true) };
  } catch (e) {
    if (e instanceof Stale) return { ok: false };
    const reason = e instanceof Damaged ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'a file is missing' : `unreadable: ${firstLine(e)}`;
    // a damaged snapshot is removed so that it is rebuilt, not reported again on every open
    rmSync(folder, { recursive: true, force: true });
    return { ok: false, damaged: reason };
  }
}

const closeWhenCollected = new FinalizationRegistry<{ open?: TextArena }>((arena) => arena.open?.close());

/**
 * The snapshot as typed arrays over its files. The mention columns, the removed lines and
 * the text are read and checked here, unless `readLater` (the dashboard): then each is read
 * when first needed (the text a block at a time), and the rest by `checkRest` in the
 * background, so that the list shows without reading them first.
 */
function loadSnapshot(folder: string, corpusFile: string, readLater: boolean): Snapshot {
  const meta = readMeta(folder);
  if (meta.key !== keyFor(corpusFile)) throw new Stale();
  check(
    Number.isInteger(meta.count) &&
      meta.count >= 0 &&
      typeof meta.articles === 'object' &&
      meta.articles !== null &&
      ARTICLE_FIELDS.every((f) => Array.isArray(meta.articles[f]) && meta.articles[f].length === meta.count),
    'meta.json: article count',
  );
  check(Array.isArray(meta.vocabulary) && Array.isArray(meta.grams), 'meta.json: no vocabulary');
  check(typeof meta.sizes === 'object' && meta.sizes !== null && typeof meta.hashes === 'object' && meta.hashes !== null, 'meta.json: no sizes or hashes');
  check(Array.isArray(meta.textBlocks) && Number.isInteger(meta.sizes.text), 'meta.json: no text checksums');
  const bin = Object.fromEntries(
    BINARIES.filter((name) => name !== 'text').map((name) => [name, readBinary(folder, name, meta.sizes[name] ?? -1, meta.hashes[name] ?? '')]),
  ) as Record<Exclude<(typeof BINARIES)[number], 'text'>, Buffer>;
  const paragraphStarts = view(Float64Array, bin.paragraphStarts);
  const articleParagraphs = view(Int32Array, bin.articleParagraphs);
  const articleMentions = view(Int32Array, bin.articleMentions);
  const mentionCount = (meta.sizes.mentions ?? -1) / 20;
  // bounds: the checksums catch damage; these catch a snapshot that is whole but inconsistent
  check(articleParagraphs.length === meta.count + 1 && articleMentions.length === meta.count + 1, 'article columns have the wrong length');
  check(
    inBounds(articleParagraphs, paragraphStarts.length, true) && articleParagraphs[meta.count] === paragraphStarts.length - 1,
    'paragraph offsets out of bounds',
  );
  check(inBounds(paragraphStarts, meta.sizes.text! + 1, true), 'text offsets out of bounds');
  check(
    Number.isInteger(mentionCount) && inBounds(articleMentions, mentionCount + 1, true) && articleMentions[meta.count] === mentionCount,
    'mention offsets out of bounds',
  );
  // what the dashboard reads later (`readLater`): a part found damaged then removes the
  // snapshot, and the read says so in one line
  const damaged = (reason: string) => {
    rmSync(folder, { recursive: true, force: true });
    return new DamagedSnapshot(reason);
  };
  const later = <T>(read: () => T) => {
    let value: T | undefined;
    return () => {
      if (value === undefined) {
        try {
          value = read();
        } catch (e) {
          throw e instanceof DamagedSnapshot ? e : damaged(e instanceof Damaged ? e.message : firstLine(e));
        }
      }
      return value;
    };
  };
  // mentions are made when read (the reader, figures, exports), never all kept: counting
  // is done from the mention table
  const mentions = later(() => {
    const columns = view(Int32Array, readBinary(folder, 'mentions', meta.sizes.mentions!, meta.hashes.mentions ?? ''));
    check(strideInBounds(columns, 5, 0, meta.entities.length) && strideInBounds(columns, 5, 1, meta.surfaces.length), 'mentions name unknown entities');
    return new MentionColumns({ entities: meta.entities, surfaces: meta.surfaces, columns });
  });
  const removed = later(() => {
    const saved = readSealedJson<{ removed?: unknown }>(path.join(folder, 'removed.json')).removed;
    check(Array.isArray(saved) && saved.length === meta.count, 'removed.json: wrong article count');
    return saved as RemovedLine[][];
  });

  // paragraphs are read from the text file and decoded when read, and the last few articles'
  // are kept; a damaged block found then removes the snapshot (the next open rebuilds it)
  const textFile = path.join(folder, 'text.bin');
  check(statSync(textFile).size === meta.sizes.text, 'text.bin has the wrong size');
  const arena: { open?: TextArena } = {};
  const text = () => (arena.open ??= new TextArena(textFile, meta.sizes.text!, meta.textBlocks, () => damaged('')));
  const decoded = new Map<number, string[]>();
  const paragraphsOf = (i: number): string[] => {
    let ps = decoded.get(i);
    if (ps) return ps;
    ps = text().texts(paragraphStarts, articleParagraphs[i]!, articleParagraphs[i + 1]!);
    if (decoded.size >= 4) decoded.delete(decoded.keys().next().value!);
    decoded.set(i, ps);
    return ps;
  };
  const f = meta.articles;
  const articles: Article[] = f.id.map((id, i) => {
    const article = {
      id,
      file: f.file[i]!,
      title: f.title[i]!,
      publisher: f.publisher[i]!,
      author: f.author[i]!,
      published: f.published[i]!,
      section: f.section[i]!,
      dateline: f.dateline[i]!,
      paragraphs: [] as string[],
      removed: [] as RemovedLine[],
      mentions: [] as Mention[],
      duplicateOf: f.duplicateOf[i]!,
      // an article without an address has none (JSON keeps the gap as null)
      ...(f.url?.[i] ? { url: f.url[i] } : {}),
    };
    // same key order as a parsed article; text and mentions stay in their columns until read
    Object.defineProperty(article, 'paragraphs', { get: () => paragraphsOf(i), enumerable: true, configurable: true });
    Object.defineProperty(article, 'removed', { get: () => removed()[i], enumerable: true, configurable: true });
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
    published: meta.articles.published,
  };
  const nEntities = table.entityId.length;
  check(
    table.entities.start.length === meta.count + 1 &&
      table.companions.start.length === meta.count + 1 &&
      table.spellings.start.length === meta.count + 1 &&
      table.duplicate.length === meta.count,
    'mention table has the wrong length',
  );
  check(
    inBounds(table.entities.start, table.entities.key.length + 1, true) && inBounds(table.entities.key, nEntities),
    'mention table: entity rows out of bounds',
  );
  check(
    inBounds(table.spellings.start, table.spellings.key.length + 1, true) &&
      inBounds(table.spellings.key, table.spellingText.length) &&
      inBounds(table.spellingEntity, nEntities),
    'mention table: spelling rows out of bounds',
  );
  check(
    inBounds(table.companions.start, table.companions.country.length + 1, true) &&
      inBounds(table.companions.country, nEntities) &&
      inBounds(table.companions.other, nEntities),
    'mention table: companion rows out of bounds',
  );
  const index: SearchIndex = {
    docs: articles.map((article, i) => ({ article, year: meta.years[i] ?? null })),
    fields: Object.fromEntries(Object.entries(meta.fields).map(([f, entries]) => [f, new Map(entries)])) as SearchIndex['fields'],
    titleData: view(Int32Array, bin.titleData),
    titleStarts: view(Int32Array, bin.titleStarts),
    postingData: view(Int32Array, bin.postingData),
    starts: view(Int32Array, bin.starts),
    vocabulary: meta.vocabulary,
    fuzzy: { grams: new Map(meta.grams.map((g, k) => [g, k])), data: view(Int32Array, bin.gramData), starts: view(Int32Array, bin.gramStarts) },
  };
  check(
    index.starts.length === meta.vocabulary.length + 1 && inBounds(index.starts, index.postingData.length + 1, true) && inBounds(index.postingData, meta.count),
    'posting lists out of bounds',
  );
  check(
    index.titleStarts.length === meta.vocabulary.length + 1 &&
      inBounds(index.titleStarts, index.titleData.length + 1, true) &&
      inBounds(index.titleData, meta.count),
    'title lists out of bounds',
  );
  check(
    index.fuzzy.starts.length === meta.grams.length + 1 &&
      inBounds(index.fuzzy.starts, index.fuzzy.data.length + 1, true) &&
      inBounds(index.fuzzy.data, meta.vocabulary.length),
    'fuzzy index out of bounds',
  );
  // the parts read later, all read and checked: at once, or by the background work in slices
  const checkRest = (budgetMs: number) => {
    mentions();
    removed();
    return text().checkNext(budgetMs);
  };
  if (!readLater) {
    try {
      checkRest(Infinity);
    } catch (e) {
      throw new Damaged(e instanceof DamagedSnapshot ? e.reason : firstLine(e));
    }
  }
  // the text file stays open while any article can still read from it
  closeWhenCollected.register(articles, arena);
  const figures = readFigures(folder, meta.key);
  const warnings = Array.isArray(meta.warnings) ? meta.warnings.filter((w) => typeof w?.file === 'string' && typeof w?.message === 'string') : [];
  return { articles, index, table, figures, warnings, ...(readLater ? { checkRest } : {}) };
}
