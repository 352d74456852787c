/** An article as plain text, for a command it is piped to: title, what is known of it, then its paragraphs. */
import type { Article } from './types.js';

export function articleText(a: Article): string {
  const head = [
    a.title ?? '(untitled)',
    a.publisher ? `Publisher: ${a.publisher}` : null,
    `Date: ${a.published ?? 'undated'}`,
    a.url ? `URL: ${a.url}` : null,
  ].filter((l): l is string => l !== null);
  return `${head.join('\n')}\n\n${a.paragraphs.join('\n\n')}\n`;
}
