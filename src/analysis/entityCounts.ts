/** Entity counts: per entity, the articles and mentions, and how it was written. */
import type { Article, MentionType } from '../corpus/types.js';
import { everyArticle, mentionTable, type MentionTable } from './mentionTable.js';

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

/**
 * Counts over the articles `ids` of a table (all when omitted); near-duplicates are left out.
 * One pass over the articles' rows of the table: ~entities named per article, not mentions.
 */
export function entityCountsIn(t: MentionTable, ids: ArrayLike<number> = everyArticle(t.articles), type?: MentionType): EntityCount[] {
  const articles = new Int32Array(t.entityId.length);
  const mentions = new Int32Array(t.entityId.length);
  const spelled = new Int32Array(t.spellingText.length);
  const touched: number[] = [];
  const usedSpellings: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    if (t.duplicate[i]) continue;
    for (let r = t.entities.start[i]!; r < t.entities.start[i + 1]!; r++) {
      const e = t.entities.key[r]!;
      if (type && t.entityType[e] !== type) continue;
      if (articles[e] === 0) touched.push(e);
      articles[e] = articles[e]! + 1;
      mentions[e] = mentions[e]! + t.entities.count[r]!;
    }
    for (let r = t.spellings.start[i]!; r < t.spellings.start[i + 1]!; r++) {
      const s = t.spellings.key[r]!;
      if (type && t.entityType[t.spellingEntity[s]!] !== type) continue;
      if (spelled[s] === 0) usedSpellings.push(s);
      spelled[s] = spelled[s]! + t.spellings.count[r]!;
    }
  }
  const spellingsOf = new Map<number, { text: string; count: number }[]>();
  for (const s of usedSpellings) {
    const e = t.spellingEntity[s]!;
    let list = spellingsOf.get(e);
    if (!list) spellingsOf.set(e, (list = []));
    list.push({ text: t.spellingText[s]!, count: spelled[s]! });
  }
  return touched
    .map((e) => ({
      id: t.entityId[e]!,
      type: t.entityType[e]!,
      name: t.entityName[e]!,
      articles: articles[e]!,
      mentions: mentions[e]!,
      spellings: (spellingsOf.get(e) ?? []).sort((x, y) => y.count - x.count || x.text.localeCompare(y.text)),
    }))
    .sort((x, y) => y.mentions - x.mentions || y.articles - x.articles || x.name.localeCompare(y.name));
}

/** Counts over a list of articles (a command's whole corpus). */
export function countEntities(articles: readonly Article[], type?: MentionType): EntityCount[] {
  return entityCountsIn(mentionTable(articles), undefined, type);
}
