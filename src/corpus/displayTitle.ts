/**
 * What an article is called on screen, the same in the dashboard and the plain commands: its
 * headline, or when it has none its first sentence, marked as untitled.
 */
import type { Article } from './types.js';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

function firstSentence(p: string): string {
  for (const s of sentences.segment(p)) return s.segment.trim();
  return '';
}

export function displayTitle(a: Pick<Article, 'title' | 'paragraphs' | 'file'>): { text: string; untitled: boolean } {
  if (a.title !== null) return { text: a.title, untitled: false };
  return { text: firstSentence(a.paragraphs[0] ?? '') || a.file, untitled: true };
}

/** The title as one line of plain text: an untitled article's first sentence after "(untitled)". */
export function plainTitle(a: Pick<Article, 'title' | 'paragraphs' | 'file'>): string {
  const t = displayTitle(a);
  return t.untitled ? `(untitled) ${t.text}` : t.text;
}
