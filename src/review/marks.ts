/** Review marks (read, starred, note) and the state file's format: pure, no I/O. */

export interface Mark {
  read?: boolean;
  starred?: boolean;
  note?: string;
  /** when this article's mark last changed (ms since the epoch): the newer change wins a merge */
  updated: number;
}

export interface ReviewFile {
  version: 1;
  articles: Record<string, Mark>;
}

export const REVIEW_VERSION = 1;

export type ParsedReview = { ok: true; file: ReviewFile } | { ok: false; reason: 'corrupt' | 'newer' };

export function parseReviewFile(text: string): ParsedReview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (typeof json !== 'object' || json === null) return { ok: false, reason: 'corrupt' };
  const o = json as { version?: unknown; articles?: unknown };
  if (typeof o.version === 'number' && o.version > REVIEW_VERSION) return { ok: false, reason: 'newer' };
  if (o.version !== REVIEW_VERSION || typeof o.articles !== 'object' || o.articles === null || Array.isArray(o.articles)) return { ok: false, reason: 'corrupt' };
  const articles: Record<string, Mark> = {};
  for (const [id, m] of Object.entries(o.articles as Record<string, unknown>)) {
    if (typeof m !== 'object' || m === null) return { ok: false, reason: 'corrupt' };
    const r = m as Record<string, unknown>;
    if (typeof r.updated !== 'number') return { ok: false, reason: 'corrupt' };
    articles[id] = {
      ...(r.read === true ? { read: true } : {}),
      ...(r.starred === true ? { starred: true } : {}),
      ...(typeof r.note === 'string' && r.note ? { note: r.note } : {}),
      updated: r.updated,
    };
  }
  return { ok: true, file: { version: 1, articles } };
}

/** Per article, the newer mark wins: two sessions on one corpus keep each other's changes. */
export function mergeMarks(disk: Record<string, Mark>, ours: Record<string, Mark>): Record<string, Mark> {
  const out = { ...disk };
  for (const [id, m] of Object.entries(ours)) if (!out[id] || out[id]!.updated <= m.updated) out[id] = m;
  return out;
}

export function serializeReview(articles: Record<string, Mark>): string {
  const sorted = Object.fromEntries(Object.entries(articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ version: REVIEW_VERSION, articles: sorted }, null, 1) + '\n';
}

export function isEmptyMark(m: Mark | undefined): boolean {
  return !m || (!m.read && !m.starred && !m.note);
}
