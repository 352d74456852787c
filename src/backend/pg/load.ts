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
import type { Sql } from './connect.js';

/** Articles a batch: a few thousand rows of terms each, one round trip per table. */
export const LOAD_BATCH = 500;

interface Rows {
  articles: unknown[][];
  terms: [string[], string[], boolean[]];
  lines: [string[], number[], string[]];
  names: [string[], string[], string[]];
  mentions: [string[], string[], string[], number[]];
  entities: Map<string, [type: string, name: string, pos: number]>;
}

const folded = (text: string) => termsOf(text).join(' ');
const FIELD_OF = { country: 'country', person: 'person', organization: 'org', place: 'place' } as const;

function rowsOf(batch: readonly { article: Article; pos: number }[]): Rows {
  const rows: Rows = {
    articles: [[], [], [], [], [], [], [], [], [], [], []],
    terms: [[], [], []],
    lines: [[], [], []],
    names: [[], [], []],
    mentions: [[], [], [], []],
    entities: new Map(),
  };
  for (const { article: a, pos } of batch) {
    const year = a.published ? Number(a.published.slice(0, 4)) : null;
    const cols = [
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
    ];
    for (let i = 0; i < cols.length; i++) rows.articles[i]!.push(cols[i]);
    const title = new Set(termsOf(a.title ?? ''));
    const seen = new Set<string>();
    [a.title ?? '', ...a.paragraphs].forEach((text, n) => {
      const terms = termsOf(text);
      for (const t of terms) seen.add(t);
      rows.lines[0].push(a.id);
      rows.lines[1].push(n);
      rows.lines[2].push(` ${terms.join(' ')} `);
    });
    for (const t of seen) {
      rows.terms[0].push(t);
      rows.terms[1].push(a.id);
      rows.terms[2].push(title.has(t));
    }
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
      rows.names[0].push(field);
      rows.names[1].push(name);
      rows.names[2].push(a.id);
    }
    for (const [key, count] of counts) {
      const [entity, spelling] = key.split('\u0000') as [string, string];
      rows.mentions[0].push(a.id);
      rows.mentions[1].push(entity);
      rows.mentions[2].push(spelling);
      rows.mentions[3].push(count);
    }
  }
  return rows;
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
      for (const table of ['terms', 'lines', 'names', 'mentions', 'articles'])
        await tx.query(`DELETE FROM steppe.${table} WHERE ${table === 'articles' ? 'id' : 'article'} = ANY($1::text[])`, [ids]);
      const rows = rowsOf(batch.map((article) => ({ article, pos: kept.get(article.id) ?? after++ })));
      await tx.query(
        `INSERT INTO steppe.articles (id, pos, file, title, shown, publisher, published, year, url, duplicate_of, article)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::jsonb[])`,
        rows.articles,
      );
      await tx.query('INSERT INTO steppe.terms (term, article, in_title) SELECT * FROM unnest($1::text[], $2::text[], $3::bool[])', rows.terms);
      await tx.query('INSERT INTO steppe.lines (article, n, folded) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])', rows.lines);
      await tx.query('INSERT INTO steppe.names (field, name, article) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', rows.names);
      await tx.query(
        'INSERT INTO steppe.mentions (article, entity, spelling, count) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])',
        rows.mentions,
      );
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
