/**
 * The search index: an inverted index over the corpus's words, and fuse.js over its
 * vocabulary (the unique words), so fuzzy matching costs the size of the vocabulary rather
 * than of the texts ("nazarbaev" finds "nazarbayev").
 */
import Fuse from 'fuse.js';
import type { Article } from '../corpus/types.js';
import { foldMarks } from '../text/fold.js';

export interface IndexedArticle {
  article: Article;
  /** title and paragraphs, folded, for phrase checks */
  haystack: string;
  year: number | null;
  /** entity names and spellings per field, as space-joined query terms */
  fields: Record<'country' | 'person' | 'org' | 'place', string[]>;
  source: string;
  titleTerms: Set<string>;
}

export interface SearchIndex {
  docs: IndexedArticle[];
  /** term → ids of the articles containing it, ascending */
  postings: Map<string, number[]>;
  /** the vocabulary, sorted, for prefix ranges */
  vocabulary: string[];
  fuse: Fuse<string>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Words for indexing and querying: lowercase, accents folded, apostrophes dropped. */
export function termsOf(text: string): string[] {
  return termsOfFolded(foldMarks(text));
}

/** Terms of text that is already folded. */
function termsOfFolded(folded: string): string[] {
  return folded.replace(/['’]s(?![\p{L}\p{N}])/gu, '').replace(/['’]/g, '').match(WORD) ?? [];
}

export function buildIndex(articles: Article[]): SearchIndex {
  const postings = new Map<string, number[]>();
  const docs = articles.map((article, id) => {
    // paragraphs already have single spaces: joined with spaces, the folded text is the
    // haystack as it is (a regex replace here would leave a rope of thousands of pieces)
    const folded = foldMarks([article.title ?? '', ...article.paragraphs].join(' '));
    const seen = new Set<string>();
    for (const t of termsOfFolded(folded)) {
      if (seen.has(t)) continue;
      seen.add(t);
      const list = postings.get(t);
      if (list) list.push(id);
      else postings.set(t, [id]);
    }
    // entity names and spellings, folded into query terms once, here, not per keystroke
    const sets = { country: new Set<string>(), person: new Set<string>(), org: new Set<string>(), place: new Set<string>() };
    for (const m of article.mentions) {
      const key = m.type === 'organization' ? 'org' : m.type;
      sets[key].add(m.name);
      sets[key].add(m.text);
    }
    const fold = (names: Set<string>) => [...names].map((n) => termsOf(n).join(' '));
    const fields: IndexedArticle['fields'] = { country: fold(sets.country), person: fold(sets.person), org: fold(sets.org), place: fold(sets.place) };
    const year = article.published ? Number(article.published.slice(0, 4)) : null;
    return {
      article,
      haystack: folded,
      year,
      fields,
      source: foldMarks(article.publisher ?? ''),
      titleTerms: new Set(termsOf(article.title ?? '')),
    };
  });
  const vocabulary = [...postings.keys()].sort();
  const fuse = new Fuse(vocabulary, { includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2, isCaseSensitive: true });
  return { docs, postings, vocabulary, fuse };
}
