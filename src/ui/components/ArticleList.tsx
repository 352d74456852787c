/** The article list: date, publisher, title (first sentence, dimmed, when untitled), country codes. Only visible rows render. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Mark } from '../../review/marks.js';
import type { Model } from '../model.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';

/** Read, starred and note marks in three columns: • unread, * starred, + has a note. */
function marksText(m: Mark | undefined): string {
  return `${m?.read ? ' ' : '•'}${m?.starred ? '*' : ' '}${m?.note ? '+' : ' '}`;
}

/** Column widths: an ISO date; the publisher, wider and with country codes from WIDE columns. */
const DATE = 10;
const WIDE = 70;
const PUBLISHER = { wide: 18, narrow: 12 };
const CODES = 11;
const MARKS = 4;
const MIN_TITLE = 8;

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
}) {
  const { model, ids, width, rows, theme } = props;
  if (ids.length === 0) return <Text color={theme.muted}>{fit('no articles match', width)}</Text>;
  const start = windowStart(props.cursor, ids.length, rows);
  const pub = width >= WIDE ? PUBLISHER.wide : PUBLISHER.narrow;
  const codes = width >= WIDE ? CODES : 0;
  const markWidth = props.marks ? MARKS : 0;
  const title = Math.max(MIN_TITLE, width - markWidth - DATE - 1 - pub - 1 - (codes ? codes + 1 : 0));
  return (
    <Box flexDirection="column">
      {ids.slice(start, start + rows).map((id, k) => {
        const r = model.rows[id]!;
        const selected = start + k === props.cursor;
        return (
          <Text key={id} inverse={selected && props.focused} bold={selected} wrap="truncate">
            {props.marks ? marksText(props.marks.get(model.articles[id]!.id)) + ' ' : ''}
            {fit(r.date, DATE)} {fit(r.publisher, pub)}{' '}
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
