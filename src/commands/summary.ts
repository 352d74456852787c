/** The plain-text corpus summary `steppe` prints (until the dashboard opens in its place). */
import { sanitizeLine } from '../text/sanitize.js';
import type { Corpus } from '../corpus/types.js';

export function corpusSummary(corpus: Corpus, label: string): string {
  const out: string[] = [];
  const n = corpus.articles.length;
  out.push(`${label}: ${n} article${n === 1 ? '' : 's'}`);
  for (const a of corpus.articles) {
    const title = a.title ?? `(untitled) ${firstSentence(a.paragraphs[0] ?? '')}`;
    out.push(`  ${(a.published ?? 'undated').padEnd(10)}  ${(a.publisher ?? 'unknown publisher').slice(0, 38).padEnd(38)}  ${sanitizeLine(title).slice(0, 90)}`);
  }
  const words = corpus.articles.reduce((s, a) => s + a.paragraphs.join(' ').split(/\s+/).filter(Boolean).length, 0);
  const removed = corpus.articles.reduce((s, a) => s + (a.removed?.length ?? 0), 0);
  out.push(`${words} words in ${corpus.articles.reduce((s, a) => s + a.paragraphs.length, 0)} paragraphs; ${removed} boilerplate lines removed`);
  return out.join('\n') + '\n';
}

function firstSentence(p: string): string {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const s of seg.segment(p)) return s.segment.trim();
  return '';
}

/** Control characters from scraped text never reach the terminal. */