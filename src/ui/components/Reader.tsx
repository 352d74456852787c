/** The reader: wrapped lines with entities coloured by type and filter hits highlighted. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Segment } from '../selectors.js';
import type { Theme } from '../theme.js';

export const Reader = memo(function Reader(props: { lines: Segment[][] | null; top: number; rows: number; theme: Theme }) {
  const { lines, theme } = props;
  if (!lines) return <Text color={theme.muted}>Press Enter on an article to read it.</Text>;
  return (
    <Box flexDirection="column">
      {lines.slice(props.top, props.top + props.rows).map((segments, i) => (
        <Text key={props.top + i} wrap="truncate">
          {segments.length === 0
            ? ' '
            : segments.map((s, j) => (
                <Text
                  key={j}
                  bold={s.style === 'title'}
                  color={s.hit && theme.hit ? 'black' : s.style === 'note' ? theme.accent : s.entity ? theme.entity[s.entity] : undefined}
                  backgroundColor={s.hit ? theme.hit : undefined}
                  dimColor={s.style === 'dim' || s.style === 'label'}
                  underline={!!s.entity && theme.mono}
                  inverse={s.hit && !theme.hit}
                >
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
});
