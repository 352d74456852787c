/** A pane: a border (bold/double when focused, so focus shows without colour) and a title line. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Theme } from '../theme.js';
import { fit } from '../textWidth.js';

export function Frame(props: { title: string; width: number; height: number; focused: boolean; theme: Theme; children: ReactNode }) {
  const { theme, focused } = props;
  return (
    <Box
      flexDirection="column"
      width={props.width}
      height={props.height}
      borderStyle={focused ? 'double' : 'single'}
      borderColor={focused ? theme.accent : theme.muted}
      overflow="hidden"
    >
      <Text bold={focused} color={focused ? theme.accent : undefined}>
        {fit(props.title, props.width - 2)}
      </Text>
      {props.children}
    </Box>
  );
}
