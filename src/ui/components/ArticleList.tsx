/** The article list: date, publisher, title (first sentence, dimmed, when untitled), country codes. Only visible rows render. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Model } from '../model.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';

export const ArticleList = memo(function ArticleList(props: { model: Model; ids: number[]; cursor: number; width: number; rows: number; focused: boolean; theme: Theme }) {
  const { model, ids, width, rows, theme } = props;
  if (ids.length === 0) return <Text color={theme.muted}>{fit('no articles match', width)}</Text>;
  const start = windowStart(props.cursor, ids.length, rows);
  const pub = width >= 70 ? 18 : 12;
  const codes = width >= 70 ? 11 : 0;
  const title = Math.max(8, width - 10 - 1 - pub - 1 - (codes ? codes + 1 : 0));
  return (
    <Box flexDirection="column">
      {ids.slice(start, start + rows).map((id, k) => {
        const r = model.rows[id]!;
        const selected = start + k === props.cursor;
        return (
          <Text key={id} inverse={selected && props.focused} bold={selected} wrap="truncate">
            {fit(r.date, 10)} {fit(r.publisher, pub)}{' '}
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
