/** Keyword in context: each mention of an entity with the words around it. */
import type { Article } from '../corpus/types.js';
import type { MentionTable } from './mentionTable.js';

export interface KwicLine {
  article: number;
  paragraph: number;
  /** where the mention starts in its paragraph */
  start: number;
  left: string;
  keyword: string;
  right: string;
}

/**
 * Every mention of the entity in the articles `ids`. With the corpus's mention table only the
 * articles that name the entity are opened (their mentions may be made on demand).
 */
export function concordance(articles: Article[], ids: number[], entityId: string, table?: MentionTable, span = 60): KwicLine[] {
  const out: KwicLine[] = [];
  const entity = table ? table.entityId.indexOf(entityId) : -1;
  const names = (a: number) => {
    if (!table) return true;
    for (let r = table.entities.start[a]!; r < table.entities.start[a + 1]!; r++) if (table.entities.key[r] === entity) return true;
    return false;
  };
  for (const a of ids) {
    if (!names(a)) continue;
    const article = articles[a]!;
    for (const m of article.mentions) {
      if (m.id !== entityId) continue;
      const p = article.paragraphs[m.paragraph] ?? '';
      out.push({
        article: a,
        paragraph: m.paragraph,
        start: m.start,
        // a word cut by the span is dropped; the paragraph's own first and last words are kept
        left: m.start - span > 0 ? p.slice(m.start - span, m.start).replace(/^\S*\s/, '') : p.slice(0, m.start),
        keyword: p.slice(m.start, m.end),
        right: m.end + span < p.length ? p.slice(m.end, m.end + span).replace(/\s\S*$/, '') : p.slice(m.end),
      });
    }
  }
  return out;
}
