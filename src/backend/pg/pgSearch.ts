/**
 * The query language in SQL, finding what the in-memory search finds (search/search.ts):
 * each free word's terms (the word, the terms it begins, those within its edit budget by
 * `levenshtein`), weighed by closeness and rarity (a title hit double), the best term an
 * article has per word, summed over the words; every word must match. Then "phrases" (the
 * articles holding each word, then a line holding them in a row), fields (a name holding the
 * value's words, or the canonical name it spells), years and exclusions. Ties in score go in
 * the corpus's order, as there.
 */
import type { MentionType } from '../../corpus/types.js';
import { canonicalName } from '../../entities/resolveName.js';
import type { Query } from '../../search/query.js';
import { editBudget } from '../../search/search.js';
import { termsOf } from '../../search/searchIndex.js';
import { MIN_FUZZY_TERM } from '../../search/fuzzy.js';
import type { Sql } from './connect.js';

const MENTION_TYPE = { country: 'country', person: 'person', org: 'organization', place: 'place' } as const;

/** A query made into SQL: the matched articles (id, pos, what a list shows, duplicate_of, score), and its parameters. */
export interface Compiled {
  /** a SELECT of id, pos, score; empty: nothing can match */
  sql: string | null;
  params: unknown[];
  /** the query has words that count: the order is by score */
  ranked: boolean;
  /** the vocabulary terms its words stand for (what a concordance marks), as the in-memory search gives them */
  terms: Set<string>;
}

/**
 * The SQL of a query. Some decisions need the database first, as the in-memory search makes
 * them: whether a lone letter is a word of the corpus, whether a field's value names anything
 * as written (else its canonical name is tried).
 */
export async function compileQuery(sql: Pick<Sql, 'query'>, q: Query): Promise<Compiled> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const ctes: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];
  const scoreParts: string[] = [];
  // the words: each word's terms are found first (search.ts's expansion, a few rows to a few
  // thousand), then one pass over those terms' postings: the best term an article has per
  // word, summed over the words, kept where every word is found. A lone letter that is no
  // term of the corpus is not counted (it is still being typed).
  const wordTerms: { word: number; term: string; df: number; closeness: number }[] = [];
  let words = 0;
  // a word that matches nothing leaves nothing to find, but the other words' terms are still
  // the terms the query stands for, as in memory
  let unmatched = false;
  for (const word of q.words) {
    const [t] = termsOf(word);
    if (!t) continue;
    const terms = await termsFor(sql, t);
    if (!terms.length) {
      if (t.length >= 2) unmatched = true;
      continue;
    }
    for (const x of terms) wordTerms.push({ word: words, ...x });
    words++;
  }
  if (unmatched) return { sql: null, params, ranked: false, terms: new Set(wordTerms.map((x) => x.term)) };
  if (words) {
    const list = p([...new Set(wordTerms.map((x) => x.term))]);
    // the postings read by `= ANY` behind a fence (OFFSET 0), so that the planner sees how many
    // rows those terms have; made once (MATERIALIZED), then joined by hash
    ctes.push(
      `found AS MATERIALIZED (
        SELECT article, sum(weight) AS score FROM (
          SELECT t.article, c.word, max(c.closeness * ln(1 + (SELECT n FROM total)::float8 / c.df) * CASE WHEN t.in_title THEN 2 ELSE 1 END) AS weight
          FROM (SELECT article, term, in_title FROM steppe.terms WHERE term = ANY(${list}::text[]) OFFSET 0) t
          JOIN unnest(${p(wordTerms.map((x) => x.term))}::text[], ${p(wordTerms.map((x) => x.word))}::int[], ${p(wordTerms.map((x) => x.df))}::int[], ${p(wordTerms.map((x) => x.closeness))}::float8[])
            AS c (term, word, df, closeness) ON c.term = t.term
          GROUP BY t.article, c.word) per_word
        GROUP BY article HAVING count(*) = ${words})`,
    );
    joins.push('JOIN found ON found.article = a.id');
    scoreParts.push('found.score');
  }
  for (const phrase of q.phrases) {
    const words = termsOf(phrase);
    if (!words.length) return { sql: null, params, ranked: false, terms: new Set(wordTerms.map((x) => x.term)) };
    // the articles holding every word, then those with a line holding them in a row
    const holders = words.map((word) => `SELECT article FROM steppe.terms WHERE term = ${p(word)}`).join(' INTERSECT ');
    where.push(`a.id IN (SELECT l.article FROM steppe.lines l WHERE l.article IN (${holders}) AND strpos(l.folded, ${p(` ${words.join(' ')} `)}) > 0)`);
  }
  for (const { field, value } of q.fields) {
    const values = [termsOf(value).join(' ')];
    const type = field === 'source' ? null : MENTION_TYPE[field];
    if (type && type !== 'person') {
      const hit =
        (await sql.query(`SELECT 1 FROM steppe.names WHERE field = $1 AND name LIKE $2 ESCAPE '\\' LIMIT 1`, [field, holding(values[0]!)])).length > 0;
      if (!hit || /[^\x00-\x7f]|\s/.test(value.trim())) {
        const canonical = canonicalName(type as MentionType, value);
        if (canonical) values.push(termsOf(canonical).join(' '));
      }
    }
    // LIKE '%…%' (the trigram index), the articles found once and semi-joined
    const any = values.map((v) => `f.name LIKE ${p(holding(v))} ESCAPE '\\'`).join(' OR ');
    where.push(`a.id IN (SELECT f.article FROM steppe.names f WHERE f.field = ${p(field)} AND (${any}))`);
  }
  if (q.years) where.push(`a.year BETWEEN ${p(q.years.from)} AND ${p(q.years.to)}`);
  for (const word of q.excluded) {
    const [t] = termsOf(word);
    if (t) where.push(`NOT EXISTS (SELECT 1 FROM steppe.terms x WHERE x.term = ${p(t)} AND x.article = a.id)`);
  }
  const score = scoreParts.length ? scoreParts.join(' + ') : '0::float8';
  const text = `WITH total AS (SELECT value::int AS n FROM steppe.meta WHERE key = 'articles')${ctes.map((c) => `, ${c}`).join('')}
    SELECT a.id, a.pos, a.file, a.published, a.publisher, a.title, a.shown, a.duplicate_of, ${score} AS score FROM steppe.articles a ${joins.join(' ')}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql: text, params, ranked: scoreParts.length > 0, terms: new Set(wordTerms.map((x) => x.term)) };
}

/** A LIKE pattern for text holding `v` anywhere (its own %, _ and \\ taken as written). */
const holding = (v: string) => `%${v.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The vocabulary rows a query word stands for (search.ts's expandTerms): the word itself (1),
 * the terms it begins (0.8, from two letters), those within its edit budget (closer first).
 */
export async function termsFor(sql: Pick<Sql, 'query'>, t: string): Promise<{ term: string; df: number; closeness: number }[]> {
  const k = editBudget(t.length);
  const len = t.length;
  const parts = ['SELECT term, df, 1.0::float8 AS closeness FROM steppe.vocab WHERE term = $1'];
  if (len >= 2) parts.push('SELECT term, df, 0.8::float8 FROM steppe.vocab WHERE starts_with(term, $1) AND term <> $1');
  if (k > 0)
    parts.push(
      `SELECT term, df, 0.9::float8 - (levenshtein(term, $1)::float8 + 0.5) / ${len} FROM steppe.vocab
       WHERE len BETWEEN ${Math.max(MIN_FUZZY_TERM, len - k)} AND ${len + k} AND term <> $1 AND levenshtein_less_equal(term, $1, ${k}) <= ${k}`,
    );
  const rows = await sql.query<{ term: string; df: number; closeness: number }>(
    `SELECT term, df, max(closeness) AS closeness FROM (${parts.join(' UNION ALL ')}) x GROUP BY term, df`,
    [t],
  );
  return rows.map((r) => ({ term: r.term, df: Number(r.df), closeness: Number(r.closeness) }));
}

/** Best first (scores to a millionth, as the in-memory ranking compares them), ties and unranked in the corpus's order. */
/** The dashboard's other list orders, as `inListOrder` sorts them (newest first, undated last; ties in the corpus's order). */
export function listOrderBy(order: 'date' | 'publisher' | 'title'): string {
  const key =
    order === 'date' ? 'coalesce(published, \'\') COLLATE "C" DESC' : order === 'publisher' ? 'coalesce(publisher, \'—\') COLLATE "C"' : 'shown COLLATE "C"';
  return `ORDER BY ${key}, pos, id`;
}

export function orderBy(c: Compiled, of = ''): string {
  return `ORDER BY ${c.ranked ? `floor(${of}score * 1e6 + 0.5) DESC, ` : ''}${of}pos, ${of}id`;
}
