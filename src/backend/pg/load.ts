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
import type { Sql } from './connect.js';

/** Articles a batch: a few thousand rows of terms each, one round trip per table. */
export const LOAD_BATCH = 500;

/** The tables made from each article (all but the vocabulary, which is counted from the terms). */
export type DerivedTable = 'articles' | 'terms' | 'lines' | 'names' | 'mentions' | 'companions' | 'figures';

/** Each table's rows as columns, and how they are inserted: one round trip a table a batch. */
const INSERT: Record<DerivedTable, string> = {
  articles: `INSERT INTO steppe.articles (id, pos, file, title, shown, publisher, published, year, url, duplicate_of, article)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::jsonb[])`,
  terms: 'INSERT INTO steppe.terms (term, article, in_title) SELECT * FROM unnest($1::text[], $2::text[], $3::bool[])',
  lines: 'INSERT INTO steppe.lines (article, n, folded) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])',
  names: 'INSERT INTO steppe.names (field, name, article) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])',
  mentions: 'INSERT INTO steppe.mentions (article, entity, spelling, count) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])',
  companions: 'INSERT INTO steppe.companions (article, country, other, count) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])',
  figures: `INSERT INTO steppe.figures (article, n, country, low, high, qualifier, what, event, speaker, year, paragraph, start_at, end_at, snippet)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::int[], $13::int[], $14::text[])`,
};
const WIDTH: Record<DerivedTable, number> = { articles: 11, terms: 3, lines: 3, names: 3, mentions: 4, companions: 4, figures: 14 };

type Rows = Record<DerivedTable, unknown[][]> & { entities: Map<string, [type: string, name: string, pos: number]> };

const folded = (text: string) => termsOf(text).join(' ');
const FIELD_OF = { country: 'country', person: 'person', organization: 'org', place: 'place' } as const;

/** Each article's rows, made as the in-memory index, mention table and figures make theirs. */
function rowsOf(batch: readonly { article: Article; pos: number }[]): Rows {
  const rows = Object.fromEntries(Object.entries(WIDTH).map(([t, n]) => [t, Array.from({ length: n }, () => [])])) as unknown as Rows;
  rows.entities = new Map();
  const put = (table: DerivedTable, ...cols: unknown[]) => {
    for (let i = 0; i < cols.length; i++) rows[table][i]!.push(cols[i]);
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
      JSON.stringify(a),
    );
    const title = new Set(termsOf(a.title ?? ''));
    const seen = new Set<string>();
    [a.title ?? '', ...a.paragraphs].forEach((text, n) => {
      const terms = termsOf(text);
      for (const t of terms) seen.add(t);
      put('lines', a.id, n, ` ${terms.join(' ')} `);
    });
    for (const t of seen) put('terms', t, a.id, title.has(t));
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

async function insert(tx: Pick<Sql, 'query'>, rows: Rows, tables: readonly DerivedTable[]): Promise<void> {
  for (const table of tables) if (rows[table][0]!.length) await tx.query(INSERT[table], rows[table]);
}

const DERIVED: DerivedTable[] = ['terms', 'lines', 'names', 'mentions', 'companions', 'figures', 'articles'];

/**
 * The rows of `tables` made again for every article held, from its stored \`article\` (a schema
 * upgraded to one with new tables), a batch at a time in the corpus's order.
 */
export async function refill(tx: Pick<Sql, 'query'>, tables: readonly DerivedTable[]): Promise<void> {
  for (const table of tables) await tx.query(`DELETE FROM steppe.${table}`);
  for (let from = -1; ; ) {
    const batch = await tx.query<{ pos: number; article: Article }>('SELECT pos, article FROM steppe.articles WHERE pos > $1 ORDER BY pos LIMIT $2', [
      from,
      LOAD_BATCH,
    ]);
    if (!batch.length) return;
    await insert(tx, rowsOf(batch), tables);
    from = batch[batch.length - 1]!.pos;
  }
}

export type LoadProgress = (done: number, total: number) => void;

/** Loads `articles` (in the corpus's order); resolves with how many articles the database then holds. */
export async function loadArticles(sql: Sql, articles: readonly Article[], progress?: LoadProgress): Promise<number> {
  return sql.transaction(async (tx) => {
    const [{ next }] = (await tx.query<{ next: number }>('SELECT coalesce(max(pos) + 1, 0)::int AS next FROM steppe.articles')) as [{ next: number }];
    let after = next;
    for (let at = 0; at < articles.length; at += LOAD_BATCH) {
      const batch = articles.slice(at, at + LOAD_BATCH);
      const ids = batch.map((a) => a.id);
      // an article loaded before keeps its place; its rows are made again
      const kept = new Map(
        (await tx.query<{ id: string; pos: number }>('SELECT id, pos FROM steppe.articles WHERE id = ANY($1::text[])', [ids])).map((r) => [r.id, r.pos]),
      );
      // no foreign keys (each would be checked on every row of millions): an article's rows go with it here
      for (const table of DERIVED) await tx.query(`DELETE FROM steppe.${table} WHERE ${table === 'articles' ? 'id' : 'article'} = ANY($1::text[])`, [ids]);
      const rows = rowsOf(batch.map((article) => ({ article, pos: kept.get(article.id) ?? after++ })));
      await insert(tx, rows, DERIVED);
      const entities = [...rows.entities];
      await tx.query(
        `INSERT INTO steppe.entities (id, type, name, first_pos) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
         ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, first_pos = EXCLUDED.first_pos WHERE EXCLUDED.first_pos < steppe.entities.first_pos`,
        [entities.map((e) => e[0]), entities.map((e) => e[1][0]), entities.map((e) => e[1][1]), entities.map((e) => e[1][2])],
      );
      progress?.(Math.min(at + LOAD_BATCH, articles.length), articles.length);
    }
    // the vocabulary with each term's article count: what fuzzy and prefix matches read
    await tx.query('DELETE FROM steppe.vocab');
    await tx.query('INSERT INTO steppe.vocab (term, df, len) SELECT term, count(*), length(term) FROM steppe.terms GROUP BY term');
    const [{ n }] = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM steppe.articles')) as [{ n: number }];
    await tx.query(`INSERT INTO steppe.meta (key, value) VALUES ('articles', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(n)]);
    return n;
  });
}
