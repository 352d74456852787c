/**
 * The brief (`steppe export --what notes`): every article a note or a tag was given, as a
 * reader of the analyst's report wants it — its citation, tags and note, and the sentences
 * where the filter's words occur.
 */
import type { Article } from '../corpus/types.js';
import { hitRanges } from '../search/hits.js';
import type { SearchResult } from '../search/search.js';
import { sanitizeLine } from '../text/sanitize.js';
import { sentenceSpans } from './figures.js';
import type { MarkColumns } from './exportTable.js';

/** Sentences quoted an article: enough to see why it was kept, not the article again. */
const SENTENCES = 5;

export interface BriefEntry {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  tags: string[];
  note: string | null;
  /** the sentences holding a hit, with the hits as [start, end) in each */
  sentences: { text: string; hits: [number, number][] }[];
}

/** The entries of the articles `ids` (best first) that have a note or a tag. */
export function briefEntries(
  articles: readonly Article[],
  ids: readonly number[],
  markOf: (id: string) => MarkColumns | undefined,
  r: Pick<SearchResult, 'terms' | 'phrases'> | null,
): BriefEntry[] {
  const out: BriefEntry[] = [];
  for (const i of ids) {
    const a = articles[i]!;
    const m = markOf(a.id);
    if (!m?.note && !m?.tags?.length) continue;
    const sentences: BriefEntry['sentences'] = [];
    if (r && (r.terms.size || r.phrases.length)) {
      for (const text of a.paragraphs) {
        const hits = hitRanges(text, r.terms, r.phrases);
        if (!hits.length) continue;
        for (const s of sentenceSpans(text)) {
          const inside = hits.filter((h) => h.start >= s.start && h.end <= s.end).map((h): [number, number] => [h.start - s.start, h.end - s.start]);
          if (inside.length) sentences.push({ text: text.slice(s.start, s.end).trimEnd(), hits: inside.sort((x, y) => x[0] - y[0]) });
          if (sentences.length >= SENTENCES) break;
        }
        if (sentences.length >= SENTENCES) break;
      }
    }
    out.push({
      id: a.id,
      title: a.title ?? a.paragraphs[0]?.slice(0, 80) ?? a.file,
      publisher: a.publisher,
      published: a.published,
      url: a.url ?? null,
      tags: m.tags ?? [],
      note: m.note ?? null,
      sentences,
    });
  }
  return out;
}

/** Text as Markdown shows it literally: its markup characters escaped, one line. */
export function mdText(s: string): string {
  return sanitizeLine(s).replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

/** A sentence with its hits in bold. */
function marked(s: BriefEntry['sentences'][number]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of s.hits) {
    if (start < at) continue;
    out += `${mdText(s.text.slice(at, start))}${start > at && /\s$/.test(s.text.slice(at, start)) ? ' ' : ''}**${mdText(s.text.slice(start, end))}**`;
    at = end;
    if (/^\s/.test(s.text.slice(at))) out += ' ';
  }
  return out + mdText(s.text.slice(at));
}

export function briefMarkdown(entries: readonly BriefEntry[], heading: { label: string; query: string; date: string }): string {
  const lines = [
    `# Notes: ${mdText(heading.label)}`,
    '',
    `${entries.length} ${entries.length === 1 ? 'article' : 'articles'} with a note or a tag${heading.query ? `, filter: \`${sanitizeLine(heading.query).replace(/`/g, "'")}\`` : ''}; ${heading.date}.`,
  ];
  for (const e of entries) {
    const cite = [e.publisher, e.published ?? 'undated']
      .filter(Boolean)
      .map((x) => mdText(x!))
      .join(', ');
    lines.push('', `## ${mdText(e.title)}`, '', `${cite}${e.url ? ` — <${e.url}>` : ''}`);
    if (e.tags.length) lines.push('', `Tags: ${e.tags.map((t) => `\`${t}\``).join(' ')}`);
    if (e.note) lines.push('', `> ${mdText(e.note)}`);
    if (e.sentences.length) lines.push('', ...e.sentences.map((s) => `- ${marked(s)}`));
  }
  return lines.join('\n') + '\n';
}
