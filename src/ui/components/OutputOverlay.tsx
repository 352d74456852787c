/** A piped command's output (|): its lines from `top`, neutralised, under a title that says what ran. */
import { Box, Text } from 'ink';
import { neutralize } from '../../text/sanitize.js';
import type { Theme } from '../theme.js';
import { fit } from '../textWidth.js';

export function OutputOverlay(props: { title: string; lines: string[]; top: number; width: number; height: number; theme: Theme }) {
  const inner = props.width - 2;
  const visible = Math.max(1, props.height - 3);
  const top = Math.min(props.top, Math.max(0, props.lines.length - visible));
  const end = Math.min(props.lines.length, top + visible);
  const where = props.lines.length > visible ? ` · lines ${top + 1}–${end} of ${props.lines.length}` : '';
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={props.theme.accent}>
      <Text bold color={props.theme.accent}>
        {fit(`${props.title}${where} — Esc closes`, inner)}
      </Text>
      {props.lines.slice(top, end).map((line, k) => (
        <Text key={top + k}>{fit(neutralize(line), inner)}</Text>
      ))}
    </Box>
  );
}
