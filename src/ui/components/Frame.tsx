/** A pane: a border (bold/double when focused, so focus shows without colour) and a title line. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Theme } from '../theme.js';
import { fit, width } from '../textWidth.js';

/** `right`: a position ("12/3000", "34%") at the title line's end; the title is cut before it is. */
export function Frame(props: { title: string; right?: string; width: number; height: number; focused: boolean; theme: Theme; children: ReactNode }) {
  const { theme, focused } = props;
  const inner = props.width - 2;
  const right = props.right && width(props.right) + 2 <= inner / 2 ? props.right : '';
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
        {right ? fit(props.title, inner - width(right) - 1) + ' ' + right : fit(props.title, inner)}
      </Text>
      {props.children}
    </Box>
  );
}
