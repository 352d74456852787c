/** Entity counts: per entity, the articles and mentions, and how it was written. */
import type { Article, Mention, MentionType } from '../corpus/types.js';

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

/** Counts over the articles given; near-duplicates (duplicateOf set) are left out. */
export function countEntities(articles: Article[], type?: MentionType): EntityCount[] {
  const byId = new Map<string, { e: EntityCount; docs: Set<string>; spell: Map<string, number> }>();
  for (const a of articles) {
    if (a.duplicateOf) continue;
    for (const m of a.mentions) {
      if (type && m.type !== type) continue;
      let c = byId.get(m.id);
      if (!c) byId.set(m.id, (c = { e: { id: m.id, type: m.type, name: m.name, articles: 0, mentions: 0, spellings: [] }, docs: new Set(), spell: new Map() }));
      c.e.mentions++;
      c.docs.add(a.id);
      c.spell.set(m.text, (c.spell.get(m.text) ?? 0) + 1);
    }
  }
  return [...byId.values()]
    .map(({ e, docs, spell }) => ({
      ...e,
      articles: docs.size,
      spellings: [...spell].map(([text, count]) => ({ text, count })).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text)),
    }))
    .sort((x, y) => y.mentions - x.mentions || y.articles - x.articles || x.name.localeCompare(y.name));
}

/** One article's entities, most mentioned first. */
export function articleEntities(article: Article): { id: string; type: MentionType; name: string; mentions: number }[] {
  const byId = new Map<string, { id: string; type: MentionType; name: string; mentions: number }>();
  for (const m of article.mentions as Mention[]) {
    const e = byId.get(m.id) ?? { id: m.id, type: m.type, name: m.name, mentions: 0 };
    e.mentions++;
    byId.set(m.id, e);
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
