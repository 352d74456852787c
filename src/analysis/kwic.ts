/** Keyword in context: each mention of an entity with the words around it. */
import type { Article } from '../corpus/types.js';

export interface KwicLine {
  article: number;
  paragraph: number;
  left: string;
  keyword: string;
  right: string;
}

export function concordance(articles: Article[], ids: number[], entityId: string, span = 60): KwicLine[] {
  const out: KwicLine[] = [];
  for (const a of ids) {
    const article = articles[a]!;
    for (const m of article.mentions) {
      if (m.id !== entityId) continue;
      const p = article.paragraphs[m.paragraph] ?? '';
      out.push({
        article: a,
        paragraph: m.paragraph,
        left: p.slice(Math.max(0, m.start - span), m.start).replace(/^\S*\s/, ''),
        keyword: p.slice(m.start, m.end),
        right: p.slice(m.end, m.end + span).replace(/\s\S*$/, ''),
      });
    }
  }
  return out;
}
