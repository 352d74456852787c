/**
 * Compare: the countries table (sortable, Space marks), the co-mention matrix (shaded so it
 * reads without colour), side by side for marked countries, the timeline and the figures.
 */
import { Box, Text } from 'ink';
import { coMentionCount, shade, type Comparison, type CountryProfile } from '../../analysis/compare.js';
import { MATRIX_CELL, MATRIX_LABEL, matrixColumns, type Lines } from '../compareView.js';
import { plural } from '../../text/plural.js';
import { COMPARE_SORTS, COMPARE_VIEWS, type UiState } from '../state.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { flexColumns, Table } from './Table.js';

export function ComparePane(props: {
  state: UiState;
  comparison: Comparison;
  rows: CountryProfile[];
  matrix: string[];
  /** ISO alpha-3 codes by country name (the matrix's headers) */
  codes: Map<string, string>;
  lines: Lines;
  /** the figures view's last line: the selected figure's words in its article */
  detail?: string;
  width: number;
  /** rows the current view scrolls through, below its own header lines (layout.scrollRows) */
  scroll: number;
  /** what is being done before there is anything to count (finding entities, counting mentions) */
  waiting?: string;
  focused: boolean;
  theme: Theme;
}) {
  const { state, width, theme, scroll } = props;
  const view = COMPARE_VIEWS[state.compareView]!;
  const tabs = COMPARE_VIEWS.map((v) => (v === view ? `[${v}]` : v)).join(' ');
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>{fit(tabs, width)}</Text>
      {view === 'countries' && <Countries {...props} rows={props.rows} />}
      {view === 'matrix' && <Matrix {...props} />}
      {view === 'figures' && <FigureLines {...props} />}
      {view !== 'countries' &&
        view !== 'matrix' &&
        view !== 'figures' &&
        Array.from({ length: Math.max(0, Math.min(scroll, props.lines.length - state.compareTop)) }, (_, i) => (
          <Text key={state.compareTop + i}>{fit(props.lines.at(state.compareTop + i), width)}</Text>
        ))}
    </Box>
  );
}

/** The figures by country with a cursor, kept in view; the last line quotes the selected figure's sentence. */
function FigureLines(props: { state: UiState; lines: Lines; detail?: string; width: number; scroll: number; focused: boolean; theme: Theme }) {
  const { state, lines, width, scroll } = props;
  const start = windowStart(state.figureCursor, lines.length, scroll);
  const shown = Array.from({ length: Math.max(0, Math.min(scroll, lines.length - start)) }, (_, i) => start + i);
  return (
    <Box flexDirection="column">
      {shown.map((i) => (
        <Text key={i} inverse={props.focused && i === state.figureCursor} bold={!lines.at(i).startsWith(' ')}>
          {fit(lines.at(i), width)}
        </Text>
      ))}
      {Array.from({ length: scroll - shown.length }, (_, i) => (
        <Text key={`blank${i}`}> </Text>
      ))}
      <Text color={props.theme.muted}>{fit(props.detail ?? '', width)}</Text>
    </Box>
  );
}

/** From this width the table shows first and last dates and the top organization and person. */
const WIDE_TABLE = 90;
/** art., ment., share, first, last, fig. (wide); art., ment., share, fig. (narrow) */
const WIDE_NUMBERS = [5, 6, 6, 10, 10, 5];
const NARROW_NUMBERS = [5, 6, 6, 5];
/** what the country column and the gaps between nine columns take before the two "top" columns share the rest */
const COUNTRY_AND_GAPS = 16 + 8;
const MIN_TOP = 10;

function Countries(props: { state: UiState; rows: CountryProfile[]; width: number; scroll: number; waiting?: string; focused: boolean; theme: Theme }) {
  const { state, width } = props;
  if (!props.rows.length) return <Text color={props.theme.muted}>{fit(props.waiting ?? 'no countries in these articles', width)}</Text>;
  const visible = props.scroll;
  const start = windowStart(state.compareCursor, props.rows.length, visible);
  const sortKey = COMPARE_SORTS[state.compareSort]!;
  const mark = (key: string, label: string) => (key === sortKey ? `${label}↓` : label);
  const wide = width >= WIDE_TABLE;
  // the two "top" columns share what the numbers leave
  const topWidth = Math.max(MIN_TOP, Math.floor((width - COUNTRY_AND_GAPS - WIDE_NUMBERS.reduce((a, b) => a + b, 0)) / 2));
  const cols = wide
    ? flexColumns(
        width,
        [
          { key: 'country', header: mark('country', 'country') },
          { key: 'articles', header: mark('articles', 'art.'), align: 'right' },
          { key: 'mentions', header: mark('mentions', 'ment.'), align: 'right' },
          { key: 'share', header: mark('share', 'share'), align: 'right' },
          { key: 'first', header: mark('first', 'first') },
          { key: 'last', header: mark('last', 'last') },
          { key: 'figures', header: mark('figures', 'fig.'), align: 'right' },
          { key: 'orgs', header: 'top organization' },
          { key: 'people', header: 'top person' },
        ],
        [...WIDE_NUMBERS, topWidth, topWidth],
      )
    : flexColumns(
        width,
        [
          { key: 'country', header: mark('country', 'country') },
          { key: 'articles', header: mark('articles', 'art.'), align: 'right' },
          { key: 'mentions', header: mark('mentions', 'ment.'), align: 'right' },
          { key: 'share', header: mark('share', 'share'), align: 'right' },
          { key: 'figures', header: mark('figures', 'fig.'), align: 'right' },
        ],
        NARROW_NUMBERS,
      );
  const rows = props.rows.slice(start, start + visible).map((r) => ({
    country: `${state.marked.includes(r.country) ? '● ' : ''}${r.country}`,
    articles: String(r.articles),
    mentions: String(r.mentions),
    share: `${Math.round(r.share * 100)}%`,
    first: r.first ?? '—',
    last: r.last ?? '—',
    figures: String(r.figures),
    orgs: sanitizeLine(r.topOrganizations[0] ?? ''),
    people: sanitizeLine(r.topPeople[0] ?? ''),
  }));
  return <Table columns={cols} rows={rows} selected={state.compareCursor - start} focused={props.focused} accent={props.theme.accent} />;
}

/**
 * The co-mention matrix over every country, scrolled to keep the selected cell in view: rows
 * named, columns headed by ISO codes (distinct, where "Turk." was both Turkey and
 * Turkmenistan), and a footer with the cell, the shown part ("rows 1–8 of 13") and Enter.
 */
function Matrix(props: {
  state: UiState;
  comparison: Comparison;
  matrix: string[];
  codes: Map<string, string>;
  width: number;
  scroll: number;
  focused: boolean;
  theme: Theme;
}) {
  const { state, matrix, comparison, codes } = props;
  if (matrix.length < 2) return <Text color={props.theme.muted}>{fit('fewer than two countries here', props.width)}</Text>;
  const rows = Math.max(1, props.scroll);
  const cols = Math.min(matrix.length, matrixColumns(props.width));
  const top = windowStart(state.matrixRow, matrix.length, rows);
  const left = windowStart(state.matrixCol, matrix.length, cols);
  const shownRows = matrix.slice(top, top + rows);
  const shownCols = matrix.slice(left, left + cols);
  const max = Math.max(1, ...matrix.flatMap((a) => matrix.filter((b) => b !== a).map((b) => coMentionCount(comparison, a, b))));
  const code = (c: string) => codes.get(c) ?? c.slice(0, 3).toUpperCase();
  const header = fit('', MATRIX_LABEL) + shownCols.map((c) => fit(code(c), MATRIX_CELL, 'right')).join('');
  const a = matrix[state.matrixRow]!;
  const b = matrix[state.matrixCol]!;
  const range = (from: number, n: number) => `${from + 1}–${Math.min(matrix.length, from + n)} of ${matrix.length}`;
  const part = matrix.length > rows || matrix.length > cols ? ` · rows ${range(top, rows)}, columns ${range(left, cols)}` : '';
  const selected = `${a} × ${b}: ${plural(coMentionCount(comparison, a, b), 'article')}${part}`;
  return (
    <Box flexDirection="column">
      <Text bold>{fit(header, props.width)}</Text>
      {shownRows.map((row, r) => (
        <Text key={row}>
          {fit(`${row}`, MATRIX_LABEL - 1)}{' '}
          {shownCols.map((col, c) => {
            const n = coMentionCount(comparison, row, col);
            const cell = row === col ? fit('·', MATRIX_CELL, 'right') : fit(`${shade(n, max)}${n}`, MATRIX_CELL, 'right');
            return (
              <Text key={col} inverse={props.focused && top + r === state.matrixRow && left + c === state.matrixCol}>
                {cell}
              </Text>
            );
          })}
        </Text>
      ))}
      <Text color={props.theme.muted}>{fit(selected + ' · Enter filters to them', props.width)}</Text>
    </Box>
  );
}
