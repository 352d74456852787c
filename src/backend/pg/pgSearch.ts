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

/** A query made into SQL: the matched articles as (id, pos, score), and its parameters. */
export interface Compiled {
  /** a SELECT of id, pos, score; empty: nothing can match */
  sql: string | null;
  params: unknown[];
  /** the query has words that count: the order is by score */
  ranked: boolean;
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
  // the words: a lone letter that is no term of the corpus is not counted (it is still being typed)
  let w = 0;
  for (const word of q.words) {
    const [t] = termsOf(word);
    if (!t) continue;
    if (t.length < 2) {
      const known = await sql.query('SELECT 1 FROM steppe.vocab WHERE term = $1', [t]);
      if (!known.length) continue;
    }
    const k = editBudget(t.length);
    const name = `w${w++}`;
    const wt = p(t);
    const len = t.length;
    const candidates = [`SELECT term, df, 1.0::float8 AS closeness FROM steppe.vocab WHERE term = ${wt}`];
    if (len >= 2) candidates.push(`SELECT term, df, 0.8::float8 FROM steppe.vocab WHERE starts_with(term, ${wt}) AND term <> ${wt}`);
    if (k > 0)
      candidates.push(
        `SELECT term, df, 0.9::float8 - (levenshtein(term, ${wt})::float8 + 0.5) / ${len} FROM steppe.vocab
         WHERE len BETWEEN ${Math.max(MIN_FUZZY_TERM, len - k)} AND ${len + k} AND term <> ${wt} AND levenshtein_less_equal(term, ${wt}, ${k}) <= ${k}`,
      );
    ctes.push(
      `${name} AS (
        SELECT t.article, max(c.closeness * ln(1 + (SELECT n FROM total)::float8 / c.df) * CASE WHEN t.in_title THEN 2 ELSE 1 END) AS weight
        FROM (SELECT term, df, max(closeness) AS closeness FROM (${candidates.join(' UNION ALL ')}) x GROUP BY term, df) c
        JOIN steppe.terms t ON t.term = c.term
        GROUP BY t.article)`,
    );
    joins.push(`JOIN ${name} ON ${name}.article = a.id`);
    scoreParts.push(`${name}.weight`);
  }
  for (const phrase of q.phrases) {
    const words = termsOf(phrase);
    if (!words.length) return { sql: null, params, ranked: false };
    for (const word of words) where.push(`EXISTS (SELECT 1 FROM steppe.terms pt WHERE pt.term = ${p(word)} AND pt.article = a.id)`);
    where.push(`EXISTS (SELECT 1 FROM steppe.lines l WHERE l.article = a.id AND strpos(l.folded, ${p(` ${words.join(' ')} `)}) > 0)`);
  }
  for (const { field, value } of q.fields) {
    const values = [termsOf(value).join(' ')];
    const type = field === 'source' ? null : MENTION_TYPE[field];
    if (type && type !== 'person') {
      const hit = (await sql.query('SELECT 1 FROM steppe.names WHERE field = $1 AND strpos(name, $2) > 0 LIMIT 1', [field, values[0]])).length > 0;
      if (!hit || /[^\x00-\x7f]|\s/.test(value.trim())) {
        const canonical = canonicalName(type as MentionType, value);
        if (canonical) values.push(termsOf(canonical).join(' '));
      }
    }
    const any = values.map((v) => `strpos(f.name, ${p(v)}) > 0`).join(' OR ');
    where.push(`EXISTS (SELECT 1 FROM steppe.names f WHERE f.article = a.id AND f.field = ${p(field)} AND (${any}))`);
  }
  if (q.years) where.push(`a.year BETWEEN ${p(q.years.from)} AND ${p(q.years.to)}`);
  for (const word of q.excluded) {
    const [t] = termsOf(word);
    if (t) where.push(`NOT EXISTS (SELECT 1 FROM steppe.terms x WHERE x.term = ${p(t)} AND x.article = a.id)`);
  }
  const score = scoreParts.length ? scoreParts.join(' + ') : '0::float8';
  const text = `WITH total AS (SELECT count(*)::int AS n FROM steppe.articles)${ctes.map((c) => `, ${c}`).join('')}
    SELECT a.id, a.pos, ${score} AS score FROM steppe.articles a ${joins.join(' ')}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql: text, params, ranked: scoreParts.length > 0 };
}

/** Best first (scores to a millionth, as the in-memory ranking compares them), ties and unranked in the corpus's order. */
export function orderBy(c: Compiled): string {
  return c.ranked ? 'ORDER BY floor(score * 1e6 + 0.5) DESC, pos, id' : 'ORDER BY pos, id';
}
