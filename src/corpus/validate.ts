/** Checks that parsed JSON is a corpus file this version reads, with a one-line reason if not. */
import type { Article, Corpus, Mention, MentionType } from './types.js';

export type Validated = { ok: true; corpus: Corpus; repaired: Repaired } | { ok: false; reason: string };

const STRING_OR_NULL = ['title', 'publisher', 'author', 'published', 'dateline'] as const;

export function validateCorpus(json: unknown): Validated {
  const problem = shellProblem(json);
  if (problem) return { ok: false, reason: problem };
  const obj = json as { articles: unknown[] };
  const repaired = noRepairs();
  for (let i = 0; i < obj.articles.length; i++) {
    const problem = articleProblem(obj.articles[i]);
    if (problem) return { ok: false, reason: `article ${i + 1}: ${problem}` };
    repairArticle(obj.articles[i] as Article, repaired);
  }
  return { ok: true, corpus: json as Corpus, repaired };
}

/** What was dropped from otherwise good articles: counted, then told in one warning each. */
export interface Repaired {
  mentions: number;
  removed: number;
  section: number;
}

export const noRepairs = (): Repaired => ({ mentions: 0, removed: 0, section: 0 });

export function repairMessages(r: Repaired): string[] {
  const out: string[] = [];
  if (r.mentions) out.push(`${r.mentions} malformed mention${r.mentions === 1 ? '' : 's'} dropped`);
  if (r.removed) out.push(`${r.removed} malformed "removed" entr${r.removed === 1 ? 'y' : 'ies'} dropped`);
  if (r.section) out.push(`${r.section} malformed "section" entr${r.section === 1 ? 'y' : 'ies'} dropped`);
  return out;
}

const TYPES = new Set<MentionType>(['country', 'person', 'organization', 'place']);
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0x7fffffff;

/** A mention every part of steppe can use: known type, names, and offsets inside its paragraph. */
export function isMention(m: unknown, paragraphs: readonly string[]): m is Mention {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  if (!TYPES.has(x.type as MentionType) || typeof x.id !== 'string' || !x.id || typeof x.name !== 'string' || !x.name || typeof x.text !== 'string')
    return false;
  if (!isIndex(x.paragraph) || !isIndex(x.start) || !isIndex(x.end)) return false;
  const p = paragraphs[x.paragraph];
  return p !== undefined && x.start <= x.end && x.end <= p.length;
}

/**
 * Drops the parts of an article (already checked by articleProblem) that would break a
 * command: malformed mentions, removed lines and section names; a missing mention list is
 * an empty one. Counts what was dropped in `into`. Everything else stays as JSON.parse read it.
 */
export function repairArticle(a: Article, into: Repaired): Article {
  if (Array.isArray(a.mentions)) {
    const good = a.mentions.filter((m) => isMention(m, a.paragraphs));
    if (good.length !== a.mentions.length) {
      into.mentions += a.mentions.length - good.length;
      a.mentions = good;
    }
  } else a.mentions = [];
  if (Array.isArray(a.removed)) {
    const good = a.removed.filter((r) => typeof r === 'object' && r !== null && typeof r.text === 'string' && typeof r.reason === 'string');
    if (good.length !== a.removed.length) {
      into.removed += a.removed.length - good.length;
      a.removed = good;
    }
  }
  if (Array.isArray(a.section)) {
    const good = a.section.filter((s) => typeof s === 'string');
    if (good.length !== a.section.length) {
      into.section += a.section.length - good.length;
      a.section = good;
    }
  }
  if (a.duplicateOf !== undefined && a.duplicateOf !== null && typeof a.duplicateOf !== 'string') a.duplicateOf = null;
  // an address that is not one web address (null, a number, a javascript: link) is no url
  if (a.url !== undefined && (typeof a.url !== 'string' || !isWebAddress(a.url))) delete a.url;
  return a;
}

/** An http(s) address of one line: what the reader shows and `o` opens. */
export function isWebAddress(s: string): boolean {
  // no spaces or control characters: it is shown on a terminal and handed to a browser
  return /^https?:\/\/[^\s\p{Cc}/$.?#][^\s\p{Cc}]*$/iu.test(s) && s.length <= 2048;
}

/** What is wrong with the file's top level (version, the articles list), or null. */
export function shellProblem(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not a corpus file (expected an object with "articles")';
  const obj = json as { version?: unknown; articles?: unknown };
  if (obj.version !== 1) {
    return typeof obj.version === 'number' && obj.version > 1
      ? `corpus version ${obj.version} is newer than this steppe reads (1)`
      : 'not a corpus file (missing "version": 1)';
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
