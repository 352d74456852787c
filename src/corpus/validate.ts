/** Checks that parsed JSON is a corpus file this version reads, with a one-line reason if not. */
import type { Corpus } from './types.js';

export type Validated = { ok: true; corpus: Corpus } | { ok: false; reason: string };

const STRING_OR_NULL = ['title', 'publisher', 'author', 'published', 'dateline'] as const;

export function validateCorpus(json: unknown): Validated {
  const problem = shellProblem(json);
  if (problem) return { ok: false, reason: problem };
  const obj = json as { articles: unknown[] };
  for (let i = 0; i < obj.articles.length; i++) {
    const problem = articleProblem(obj.articles[i]);
    if (problem) return { ok: false, reason: `article ${i + 1}: ${problem}` };
  }
  return { ok: true, corpus: json as Corpus };
}

/** What is wrong with the file's top level (version, the articles list), or null. */
export function shellProblem(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not a corpus file (expected an object with "articles")';
  const obj = json as { version?: unknown; articles?: unknown };
  if (obj.version !== 1) {
    return typeof obj.version === 'number' && obj.version > 1 ? `corpus version ${obj.version} is newer than this steppe reads (1)` : 'not a corpus file (missing "version": 1)';
  }
  if (!Array.isArray(obj.articles)) return 'not a corpus file (missing "articles" list)';
  return null;
}

export function articleProblem(a: unknown): string | null {
  if (typeof a !== 'object' || a === null) return 'not an object';
  const r = a as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return 'missing "id"';
  if (typeof r.file !== 'string') return 'missing "file"';
  for (const k of STRING_OR_NULL) if (r[k] !== null && r[k] !== undefined && typeof r[k] !== 'string') return `"${k}" must be a string or null`;
  if (!Array.isArray(r.paragraphs) || !r.paragraphs.every((p) => typeof p === 'string')) return '"paragraphs" must be a list of strings';
  for (const k of ['section', 'removed', 'mentions'] as const) if (r[k] !== undefined && !Array.isArray(r[k])) return `"${k}" must be a list`;
  return null;
}
