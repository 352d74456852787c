/** Entity counts: per entity, the articles and mentions, and how it was written. */
import type { Article, MentionType } from '../corpus/types.js';

export interface EntityCount {
  id: string;
  type: MentionType;
  name: string;
  /** articles that mention it (a republished copy counts once) */
  articles: number;
  mentions: number;
  /** each spelling as written, with its count, most frequent first */
  spellings: { text: string; count: number }[];
}

interface ArticleEntity {
  id: string;
  type: MentionType;
  name: string;
  mentions: number;
  spellings: Map<string, number>;
}

/** Each article's mentions grouped by entity, computed once per article (articles are not changed once loaded). */
const perArticle = new WeakMap<Article, ArticleEntity[]>();

function entitiesOf(a: Article, remember: boolean): ArticleEntity[] {
  let list = perArticle.get(a);
  if (!list) {
    const byId = new Map<string, ArticleEntity>();
    for (const m of a.mentions) {
      let e = byId.get(m.id);
      if (!e) byId.set(m.id, (e = { id: m.id, type: m.type, name: m.name, mentions: 0, spellings: new Map() }));
      e.mentions++;
      e.spellings.set(m.text, (e.spellings.get(m.text) ?? 0) + 1);
    }
    list = [...byId.values()];
    if (remember) perArticle.set(a, list);
  }
  return list;
}

/**
 * Counts over the articles given; near-duplicates (duplicateOf set) are left out. With
 * `remember` (the default) each article's grouping is kept for the next count, which makes
 * counting per keystroke cheap; a very large corpus passes false, as the groupings would cost
 * more memory (~130 MB at 100,000 articles) than recounting costs time.
 */
export function countEntities(articles: Article[], type?: MentionType, remember = true): EntityCount[] {
  const byId = new Map<string, { e: EntityCount; spell: Map<string, number> }>();
  for (const a of articles) {
    if (a.duplicateOf) continue;
    for (const x of entitiesOf(a, remember)) {
      if (type && x.type !== type) continue;
      let c = byId.get(x.id);
      if (!c) byId.set(x.id, (c = { e: { id: x.id, type: x.type, name: x.name, articles: 0, mentions: 0, spellings: [] }, spell: new Map() }));
      c.e.mentions += x.mentions;
      c.e.articles++;
      for (const [text, n] of x.spellings) c.spell.set(text, (c.spell.get(text) ?? 0) + n);
    }
  }
  return [...byId.values()]
    .map(({ e, spell }) => ({
      ...e,
      spellings: [...spell].map(([text, count]) => ({ text, count })).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text)),
    }))
    .sort((x, y) => y.mentions - x.mentions || y.articles - x.articles || x.name.localeCompare(y.name));
}
