/**
 * JSON Lines corpora: one article a line, with `title`, `text` or `paragraphs`, `date`,
 * `source`, `author`, `url`; other fields are kept under `extra`. A bad line is reported with
 * its number and skipped.
 */
import { articleId } from './article.js';
import { findDate } from './dates.js';
import { canonicalOutlet, defaultOutlets } from './outlets.js';
import { tidySpaces } from './text.js';
import type { Article, Warning } from './types.js';
import { isWebAddress } from './validate.js';

const KNOWN = new Set(['title', 'text', 'paragraphs', 'date', 'published', 'source', 'publisher', 'author', 'url', 'id']);

function paragraphsOf(record: Record<string, unknown>): string[] | null {
  if (Array.isArray(record.paragraphs)) {
    const ps = record.paragraphs
      .filter((p): p is string => typeof p === 'string')
      .map(tidySpaces)
      .filter(Boolean);
    return ps.length ? ps : null;
  }
  if (typeof record.text === 'string') {
    // blank lines separate paragraphs; single line breaks inside one are wrapping
    const ps = record.text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => tidySpaces(p.replace(/\n/g, ' ')))
      .filter(Boolean);
    return ps.length ? ps : null;
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? tidySpaces(v) : null);

/** `onLine(done, total)` hears how far the lines are read, every few hundred. */
export function articlesFromJsonl(text: string, file: string, onLine?: (done: number, total: number) => void): { articles: Article[]; warnings: Warning[] } {
  const articles: Article[] = [];
  const warnings: Warning[] = [];
  const outlets = defaultOutlets();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (onLine && i % 500 === 0) onLine(i, lines.length);
    if (!line.trim()) return;
    const at = `${file}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      warnings.push({ file: at, message: 'not valid JSON' });
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      warnings.push({ file: at, message: 'not a JSON object' });
      return;
    }
    const r = record as Record<string, unknown>;
    const paragraphs = paragraphsOf(r);
    if (!paragraphs) {
      warnings.push({ file: at, message: 'no "text" or "paragraphs"' });
      return;
    }
    const source = str(r.source) ?? str(r.publisher);
    const date = str(r.date) ?? str(r.published);
    const extra = Object.fromEntries(Object.entries(r).filter(([k]) => !KNOWN.has(k)));
    articles.push({
      id: articleId(paragraphs, line),
      file: at,
      title: str(r.title),
      publisher: source ? (canonicalOutlet(outlets, source) ?? source) : null,
      author: str(r.author),
      published: date ? (findDate(date)?.value ?? null) : null,
      section: [],
      dateline: null,
      paragraphs,
      removed: [],
      mentions: [],
      duplicateOf: null,
      ...(str(r.url) && isWebAddress(str(r.url)!) ? { url: str(r.url) } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
    } as Article);
  });
  return { articles, warnings };
}
