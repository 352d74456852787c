/**
 * `steppe load`: articles into the schema, in batches inside one transaction (an interrupted
 * load leaves the database as it was), idempotently (an article already there, by its id,
 * is replaced and keeps its place in the corpus's order; new ones come after the last).
 * Each article's rows are made here, in JavaScript, by the same functions the in-memory
 * index uses: the terms, lines and names are folded exactly as a query's words are.
 */
import { plainTitle } from '../../corpus/displayTitle.js';
import type { Article } from '../../corpus/types.js';
import { termsOf } from '../../search/searchIndex.js';
import { mentionTable } from '../../analysis/mentionTable.js';
import { figuresOf, withSnippet } from '../../analysis/figures.js';
import { placeCountryOf } from '../../entities/gazetteer.js';
import type { Sql, Tx } from './connect.js';
import { keepWholeComparison } from './pgCompare.js';
import { withoutIndexes } from './schema.js';

/** Articles a batch: a COPY a table (about 100,000 rows of terms). */
export const LOAD_BATCH = 500;
/** Articles whose rows are made between two turns of the event loop. */
const ENCODE_SLICE = 50;

/** The tables made from each article (all but the vocabulary, which is counted from the terms). */
export type DerivedTable = 'articles' | 'terms' | 'lines' | 'names' | 'mentions' | 'companions' | 'figures';

/** Each table's columns and their types (what COPY's text gives each value as). */
const COLUMNS: Record<DerivedTable, [name: string, type: string][]> = {
  articles: [
    ['id', 'text'],
    ['pos', 'int'],
    ['file', 'text'],
    ['title', 'text'],
    ['shown', 'text'],
    ['publisher', 'text'],
    ['published', 'text'],
    ['year', 'int'],
    ['url', 'text'],
    ['duplicate_of', 'text'],
    ['article', 'jsonb'],
  ],
  terms: [
    ['term', 'text'],
    ['article', 'text'],
    ['in_title', 'bool'],
    ['tokens', 'int'],
  ],
  lines: [
    ['article', 'text'],
    ['n', 'int'],
    ['folded', 'text'],
  ],
  names: [
    ['field', 'text'],
    ['name', 'text'],
    ['article', 'text'],
  ],
  mentions: [
    ['article', 'text'],
    ['entity', 'text'],
    ['spelling', 'text'],
    ['count', 'int'],
  ],
  companions: [
    ['article', 'text'],
    ['country', 'text'],
    ['other', 'text'],
    ['count', 'int'],
  ],
  figures: [
    ['article', 'text'],
    ['n', 'int'],
    ['country', 'text'],
    ['low', 'float8'],
    ['high', 'float8'],
    ['qualifier', 'text'],
    ['what', 'text'],
    ['event', 'text'],
    ['speaker', 'text'],
    ['year', 'int'],
    ['paragraph', 'int'],
    ['start_at', 'int'],
    ['end_at', 'int'],
    ['snippet', 'text'],
  ],
};

/** What COPY's text format escapes in a value (its column and row separators, and the escape itself). */
const ESCAPED = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escaped = (s: string) => (ESCAPED.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s);

/**
 * JSON for a jsonb column. JSON.stringify writes a lone surrogate (from a JSON Lines escape)
 * as \\udXXX, which PostgreSQL refuses; it becomes U+FFFD, as UTF-8 would have it (a lone
 * surrogate in text is written as U+FFFD when the rows are encoded). A pair is written as its
 * characters, so an escape left is always a lone one.
 */
function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\ud') || json.includes('\\uD') ? json.replace(/(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g, '$1\\ufffd') : json;
}

/** A value in COPY's text format, as its column's type has it: \\N for null. */
function copyValue(v: unknown, type: string): string {
  if (v === null || v === undefined) return '\\N';
  if (type === 'jsonb') return escaped(wellFormedJson(v));
  if (typeof v === 'string') return escaped(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

const TYPES = Object.fromEntries(Object.entries(COLUMNS).map(([t, cols]) => [t, cols.map((c) => c[1])])) as Record<DerivedTable, string[]>;

/** A batch's rows, each a line of COPY text (values tab-separated), by table; and the entities it names. */
interface Rows {
  lines: Record<DerivedTable, string[]>;
  entities: Map<string, [type: string, name: string, pos: number]>;
}

const folded = (text: string) => termsOf(text).join(' ');
const FIELD_OF = { country: 'country', person: 'person', organization: 'org', place: 'place' } as const;

/** Each article's rows, made as the in-memory index, mention table and figures make theirs. */
function rowsOf(batch: readonly { article: Article; pos: number }[]): Rows {
  const rows: Rows = { lines: Object.fromEntries(Object.keys(COLUMNS).map((t) => [t, []])) as unknown as Rows['lines'], entities: new Map() };
  const put = (table: DerivedTable, ...values: unknown[]) => {
    const types = TYPES[table];
    let line = copyValue(values[0], types[0]!);
    for (let i = 1; i < values.length; i++) line += `\t${copyValue(values[i], types[i]!)}`;
    rows.lines[table].push(line);
  };
  // companions (other entities named in a paragraph that names a country), as the dashboard counts them
  const table = mentionTable(batch.map((b) => b.article));
  const placeCountry = placeCountryOf();
  batch.forEach(({ article: a, pos }, i) => {
    const year = a.published ? Number(a.published.slice(0, 4)) : null;
    put(
      'articles',
      a.id,
      pos,
      a.file,
      a.title,
      plainTitle(a),
      a.publisher,
      a.published,
      Number.isFinite(year) ? year : null,
      a.url ?? null,
      a.duplicateOf,
      // the article itself: its column's JSON holds it as it is, stringified once
      a,
    );
    const id = escaped(a.id);
    const title = new Set(termsOf(a.title ?? ''));
    // each term's words in the paragraphs (what collocates count the corpus by; a republished copy's are its original's)
    const tokens = new Map<string, number>();
    for (const t of title) tokens.set(t, 0);
    [a.title ?? '', ...a.paragraphs].forEach((text, n) => {
      const terms = termsOf(text);
      if (n > 0 && !a.duplicateOf) for (const t of terms) tokens.set(t, (tokens.get(t) ?? 0) + 1);
      else for (const t of terms) if (!tokens.has(t)) tokens.set(t, 0);
      // the two largest tables' lines written directly (a term and a folded line are words: nothing to escape)
      rows.lines.lines.push(`${id}\t${n}\t ${terms.join(' ')} `);
    });
    for (const [t, count] of tokens) rows.lines.terms.push(`${t}\t${id}\t${title.has(t) ? 't' : 'f'}\t${count}`);
    const names = new Set<string>();
    const counts = new Map<string, number>();
    for (const m of a.mentions) {
      const field = FIELD_OF[m.type];
      names.add(`${field}\u0000${folded(m.name)}`);
      names.add(`${field}\u0000${folded(m.text)}`);
      const key = `${m.id}\u0000${m.text}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const known = rows.entities.get(m.id);
      if (!known || pos < known[2]) rows.entities.set(m.id, [m.type, m.name, pos]);
    }
    names.add(`source\u0000${folded(a.publisher ?? '')}`);
    for (const n of names) {
      const [field, name] = n.split('\u0000') as [string, string];
      put('names', field, name, a.id);
    }
    for (const [key, count] of counts) {
      const [entity, spelling] = key.split('\u0000') as [string, string];
      put('mentions', a.id, entity, spelling, count);
    }
    const c = table.companions;
    for (let r = c.start[i]!; r < c.start[i + 1]!; r++) put('companions', a.id, table.entityId[c.country[r]!], table.entityId[c.other[r]!], c.count[r]);
    // a republished copy's figures are its original's (corpusFigures leaves them out)
    if (!a.duplicateOf)
      figuresOf(a, pos, placeCountry).forEach((f, n) => {
        put(
          'figures',
          a.id,
          n,
          f.country,
          f.low,
          f.high,
          f.qualifier,
          f.what,
          f.event,
          f.speaker,
          f.year,
          f.paragraph,
          f.start,
          f.end,
          withSnippet(f, a).snippet,
        );
      });
  });
  return rows;
}

const DERIVED: DerivedTable[] = ['terms', 'lines', 'names', 'mentions', 'companions', 'figures', 'articles'];

/**
 * The rows of `tables` made again for every article held, from its stored \`article\` (a schema
 * upgraded to one with new tables), a batch at a time in the corpus's order.
 */
export async function refill(tx: Tx, tables: readonly DerivedTable[]): Promise<void> {
  for (const table of tables) await tx.query(`DELETE FROM steppe.${table}`);
  for (let from = -1; ; ) {
    const batch = await tx.query<{ pos: number; article: Article }>('SELECT pos, article FROM steppe.articles WHERE pos > $1 ORDER BY pos LIMIT $2', [
      from,
      LOAD_BATCH,
    ]);
    if (!batch.length) return;
    await send(tx, encoded(rowsOf(batch), tables));
    from = batch[batch.length - 1]!.pos;
  }
}

/** A batch's rows as COPY text, table by table, and its entities. */
interface Encoded {
  texts: [DerivedTable, string][];
  entities: Rows['entities'] | null;
}

function encoded(rows: Rows, tables: readonly DerivedTable[], entities = false): Encoded {
  const texts = tables.flatMap((t) => (rows.lines[t].length ? [[t, `${rows.lines[t].join('\n')}\n`] as [DerivedTable, string]] : []));
  return { texts, entities: entities ? rows.entities : null };
}

/** Slices of one batch as one: each table's text in order, each entity at the first place it is named. */
function joined(slices: Encoded[]): Encoded {
  const texts = new Map<DerivedTable, string[]>();
  const entities: Rows['entities'] = new Map();
  for (const s of slices) {
    for (const [table, text] of s.texts) {
      const parts = texts.get(table);
      if (parts) parts.push(text);
      else texts.set(table, [text]);
    }
    for (const [id, e] of s.entities ?? []) {
      const known = entities.get(id);
      if (!known || e[2] < known[2]) entities.set(id, e);
    }
  }
  return { texts: [...texts].map(([t, parts]) => [t, parts.join('')]), entities };
}

/** A batch into the tables: a COPY a table, then its entities' upsert. */
async function send(tx: Tx, batch: Encoded): Promise<void> {
  for (const [table, text] of batch.texts)
    await tx.copy(
      `steppe.${table}`,
      COLUMNS[table].map((c) => c[0]),
      text,
    );
  if (batch.entities?.size) {
    const e = [...batch.entities];
    await tx.query(UPSERT_ENTITIES, [e.map((x) => x[0]), e.map((x) => x[1][0]), e.map((x) => x[1][1]), e.map((x) => x[1][2])]);
  }
}

export type LoadProgress = (done: number, total: number) => void;

/** Loads `articles` (in the corpus's order); resolves with how many articles the database then holds. */
export async function loadArticles(sql: Sql, input: readonly Article[], progress?: LoadProgress): Promise<number> {
  // one row an id: an article given twice is loaded once (its last copy)
  const articles = [...new Map(input.map((a) => [a.id, a])).values()];
  const total = await sql.transaction(async (tx) => {
    const [{ next }] = (await tx.query<{ next: number }>('SELECT coalesce(max(pos) + 1, 0)::int AS next FROM steppe.articles')) as [{ next: number }];
    // an article loaded before keeps its place; its rows are made again
    const kept = new Map<string, number>();
    for (let at = 0; at < articles.length; at += KEPT_CHUNK) {
      const ids = articles.slice(at, at + KEPT_CHUNK).map((a) => a.id);
      for (const r of await tx.query<{ id: string; pos: number }>('SELECT id, pos FROM steppe.articles WHERE id = ANY($1::text[])', [ids]))
        kept.set(r.id, r.pos);
    }
    // no foreign keys (each would be checked on every row of millions): an article's rows go with it here
    const again = [...kept.keys()];
    for (let at = 0; at < again.length; at += KEPT_CHUNK) await tx.query(deleteStatement(), [again.slice(at, at + KEPT_CHUNK)]);
    const write = async () => {
      let after = next;
      // a batch's COPYs are sent before the next batch's rows are made: the database writes
      // one batch while this thread makes the next
      let sent: Promise<unknown> = Promise.resolve();
      for (let at = 0; at < articles.length; at += LOAD_BATCH) {
        const batch = articles.slice(at, at + LOAD_BATCH).map((article) => ({ article, pos: kept.get(article.id) ?? after++ }));
        // made a slice at a time, the event loop let run between slices: the previous batch's
        // COPYs (a round trip each) go on meanwhile
        const slices: Encoded[] = [];
        for (let from = 0; from < batch.length; from += ENCODE_SLICE) {
          slices.push(encoded(rowsOf(batch.slice(from, from + ENCODE_SLICE)), DERIVED, true));
          await new Promise((r) => setImmediate(r));
        }
        await sent;
        sent = send(tx, joined(slices));
        progress?.(Math.min(at + LOAD_BATCH, articles.length), articles.length);
      }
      await sent;
      await countVocabulary(tx);
      await countTotals(tx);
    };
    // as many articles as it holds or more: its indexes are built again after, not kept row by row
    const [{ held }] = (await tx.query<{ held: number }>('SELECT count(*)::int AS held FROM steppe.articles')) as [{ held: number }];
    if (articles.length >= Math.max(BULK_MIN, held)) await withoutIndexes(tx, write);
    else await write();
    const [{ n }] = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles')) as [{ n: number }];
    await tx.query(`INSERT INTO steppe.meta (key, value) VALUES ('articles', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(n)]);
    return n;
  });
  // once committed: the terms' pages marked all-visible, so that a word's postings are read
  // from its key alone at once, not after autovacuum comes by (a keystroke's p95 at 20,000
  // articles: 196 ms before it had, 116 ms after); VACUUM cannot run inside the transaction
  await sql.query('VACUUM (ANALYZE) steppe.terms');
  return total;
}

/**
 * The vocabulary counted again from the terms: each term's article count (what fuzzy and
 * prefix matches read) and its words in the corpus, and all the corpus's words (collocates).
 */
export async function countVocabulary(tx: Pick<Sql, 'query'>): Promise<void> {
  await tx.query('DELETE FROM steppe.vocab');
  await tx.query('INSERT INTO steppe.vocab (term, df, len, tf) SELECT term, count(*), length(term), sum(tokens) FROM steppe.terms GROUP BY term');
  await tx.query(
    `INSERT INTO steppe.meta (key, value) SELECT 'words', coalesce(sum(tf), 0)::text FROM steppe.vocab ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
}

/**
 * The whole corpus's entity counts kept as tables, and its comparison kept (rollups), counted
 * again after each load: what the Entities and Compare panes show before any filter, read
 * instead of aggregating every mention (931 ms and about 1 s at 100,000 articles).
 * Republished copies are left out, as the counts over a filter leave them.
 */
export async function countTotals(tx: Pick<Sql, 'query'>): Promise<void> {
  await tx.query('DELETE FROM steppe.entity_totals');
  await tx.query('DELETE FROM steppe.spelling_totals');
  const kept = 'steppe.mentions mn JOIN steppe.articles a ON a.id = mn.article AND a.duplicate_of IS NULL';
  await tx.query(
    `INSERT INTO steppe.entity_totals (entity, articles, mentions) SELECT mn.entity, count(DISTINCT mn.article), sum(mn.count) FROM ${kept} GROUP BY mn.entity`,
  );
  await tx.query(
    `INSERT INTO steppe.spelling_totals (entity, spelling, count) SELECT mn.entity, mn.spelling, sum(mn.count) FROM ${kept} GROUP BY mn.entity, mn.spelling`,
  );
  await keepWholeComparison(tx);
}

/** Fewer articles than this are loaded with the indexes kept: building them again would cost more. */
const BULK_MIN = 1000;

/** Ids asked about at once, whether they are held already. */
const KEPT_CHUNK = 10_000;

/** Every derived row of the articles `$1` deleted, in one statement. */
function deleteStatement(): string {
  const parts = DERIVED.map((t) => `DELETE FROM steppe.${t} WHERE ${t === 'articles' ? 'id' : 'article'} = ANY($1::text[])`);
  return `WITH ${parts
    .slice(0, -1)
    .map((p, i) => `d${i} AS (${p})`)
    .join(', ')} ${parts[parts.length - 1]}`;
}

/** A batch's entities: new ones added, a known one given the earliest place it is named at. */
const UPSERT_ENTITIES = `INSERT INTO steppe.entities (id, type, name, first_pos) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
  ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, first_pos = EXCLUDED.first_pos WHERE EXCLUDED.first_pos < steppe.entities.first_pos`;
