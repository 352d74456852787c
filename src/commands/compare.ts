/** `steppe compare [--json] [--query Q] [PATH…]`: the cross-country comparison without the dashboard. */
import { sparkline, type Comparison } from '../analysis/compare.js';
import { comparisonOf } from '../backend/memoryBackend.js';
import type { Figure } from '../analysis/figures.js';
import type { Session } from '../session/session.js';
import { plainTable as table } from '../text/plainTable.js';
import { sanitizeLine, toJson } from '../text/sanitize.js';
import type { CommandIo } from './io.js';
import { selection } from './matching.js';

/** The comparison over the articles matching `query`, from the session's mention table and figures; its figures in the articles' order, with their snippets. */
export function comparison(session: Session, query: string | undefined): Comparison & { figures: Figure[] } {
  return comparisonOf(session, selection(session, query, '--query'));
}

/** The JSON document: figures without their place in the corpus. */
export function comparisonJson(c: Comparison & { figures: Figure[] }): string {
  return toJson({ ...c, figures: c.figures.map(({ index: _index, paragraph: _p, start: _s, end: _e, ...f }) => f) }) + '\n';
}

/** `columns`: a terminal's width, which the countries table is fitted to. */
export function comparisonText(c: Comparison & { figures: Figure[] }, columns?: number): string {
  const out = table(
    ['country', 'articles', 'mentions', 'share', 'first', 'last', 'figures', 'top organizations', 'top people'],
    c.countries.map((r) =>
      [
        r.country,
        String(r.articles),
        String(r.mentions),
        `${Math.round(r.share * 100)}%`,
        r.first ?? '—',
        r.last ?? '—',
        String(r.figures),
        r.topOrganizations.join(', '),
        r.topPeople.join(', '),
      ].map(sanitizeLine),
    ),
    [false, true, true, true, false, false, true, false, false],
    false,
    columns,
  );
  const years = c.timeline.flatMap((t) => Object.keys(t.years).map(Number));
  if (years.length) {
    const from = Math.min(...years);
    const to = Math.max(...years);
    out.push('', `articles per year ${from}–${to} (undated apart):`);
    out.push(
      ...table(
        ['country', 'timeline', 'undated'],
        c.timeline.map((t) => [t.country, sparkline(t.years, from, to), String(t.undated)]),
        [false, false, true],
      ),
    );
  }
  if (c.coMentions.length) {
    out.push('', 'named together (articles):');
    out.push(...c.coMentions.slice(0, 15).map((m) => `  ${m.a} × ${m.b}: ${m.articles}`));
  }
  if (c.figures.length) {
    out.push('', 'figures:');
    for (const f of c.figures) {
      const n = f.low === f.high ? f.low.toLocaleString('en') : `${f.low.toLocaleString('en')}–${f.high.toLocaleString('en')}`;
      out.push(
        sanitizeLine(
          `  ${f.country ?? '—'}: ${f.qualifier ? f.qualifier + ' ' : ''}${n} ${f.what}${f.event ? ` (${f.event})` : ''}${f.year ? `, ${f.year}` : ''}${f.speaker ? ` — ${f.speaker}` : ''}`,
        ),
      );
    }
  }
  return out.join('\n') + '\n';
}

export function runCompare(session: Session, flags: { json?: boolean; query?: string }, io: CommandIo): number {
  const c = comparison(session, flags.query);
  if (flags.json) io.data(comparisonJson(c));
  else io.stdout(comparisonText(c, io.columns));
  return 0;
}
