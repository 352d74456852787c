/**
 * The article list: marks, date, publisher, title (the first sentence, dimmed, when untitled),
 * country codes. The title comes first: the publisher is shortened, then dropped, before the
 * title is cut below what a reader needs (45 characters at 80 columns, 60 at 100). Only
 * visible rows render.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Mark } from '../../review/marks.js';
import type { Model } from '../model.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';

/**
 * Marks in four columns, so the title keeps its room at 80 columns: • unread, * starred, + has
 * a note, then ✓ when selected (v) or else # when tagged (a selection is brief; the tags show again after).
 */
function marksText(m: Mark | undefined, selected: boolean): string {
  return `${m?.read ? ' ' : '•'}${m?.starred ? '*' : ' '}${m?.note ? '+' : ' '}${selected ? '✓' : m?.tags?.length ? '#' : ' '}`;
}

/** An ISO date; "undated" as a short mark in the same column. */
const DATE = 10;
const UNDATED = '—';
const PUBLISHER = { most: 16, least: 6 };
const CODES = 11;
const MARKS = 4;
/** the title's share before the publisher gets any: at 80 columns a 16-column publisher leaves 46 */
const TITLE_FIRST = 45;
/** the title's width before country codes are shown beside it */
const TITLE_WITH_CODES = 70;

/** Column widths for a list `width` wide (marks included or not): the title gets what is left. */
export function listColumns(width: number, marks: boolean): { publisher: number; codes: number; title: number } {
  const rest = width - (marks ? MARKS : 0) - DATE - 1;
  let publisher = Math.min(PUBLISHER.most, rest - TITLE_FIRST - 1);
  if (publisher < PUBLISHER.least) publisher = 0;
  const afterPublisher = rest - (publisher ? publisher + 1 : 0);
  const codes = afterPublisher - CODES - 1 >= TITLE_WITH_CODES ? CODES : 0;
  return { publisher, codes, title: Math.max(1, afterPublisher - (codes ? codes + 1 : 0)) };
}

export const ArticleList = memo(function ArticleList(props: {
  model: Model;
  ids: number[];
  cursor: number;
  width: number;
  rows: number;
  focused: boolean;
  theme: Theme;
  marks?: { get(id: string): Mark | undefined };
  /** changes when marks change, so the memoised list redraws */
  marksVersion?: number;
  /** articles selected (v, V, A) */
  selected?: ReadonlySet<number>;
}) {
  const { model, ids, width, rows, theme } = props;
  if (ids.length === 0) return <Text color={theme.muted}>{fit('no articles match', width)}</Text>;
  const start = windowStart(props.cursor, ids.length, rows);
  const { publisher: pub, codes, title } = listColumns(width, props.marks !== undefined);
  return (
    <Box flexDirection="column">
      {ids.slice(start, start + rows).map((id, k) => {
        const r = model.rows[id]!;
        const selected = start + k === props.cursor;
        return (
          <Text key={id} inverse={selected && props.focused} bold={selected} wrap="truncate">
            {props.marks ? marksText(props.marks.get(model.articles[id]!.id), props.selected?.has(id) ?? false) : ''}
            {r.date === 'undated' ? <Text dimColor>{fit(UNDATED, DATE)}</Text> : fit(r.date, DATE)} {pub ? fit(r.publisher, pub) + ' ' : ''}
            <Text dimColor={r.untitled} italic={r.untitled && theme.mono}>
              {fit(r.title, title)}
            </Text>
            {codes ? ' ' + fit(r.codes, codes) : ''}
          </Text>
        );
      })}
    </Box>
  );
});
