/** The saved searches ('): each name, its query and how many articles it finds now; Enter filters by it. */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../text/sanitize.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';

export interface SavedRow {
  name: string;
  query: string;
  /** null while the index is made */
  count: number | null;
}

export function SearchesOverlay(props: { rows: SavedRow[]; cursor: number; width: number; height: number; theme: Theme }) {
  const inner = props.width - 2;
  const visible = Math.max(1, props.height - 3);
  const start = windowStart(props.cursor, props.rows.length, visible);
  const nameWidth = Math.min(20, Math.max(...props.rows.map((r) => r.name.length + 1), 5));
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={props.theme.accent}>
      <Text bold color={props.theme.accent}>
        {fit(`Saved searches (${props.rows.length}) — Enter filters · d deletes · Esc closes`, inner)}
      </Text>
      {props.rows.slice(start, start + visible).map((r, k) => {
        const count = r.count === null ? '…' : String(r.count);
        const line = `${fit(`@${r.name}`, nameWidth + 1)} ${count.padStart(7)}  ${sanitizeLine(r.query)}`;
        return (
          <Text key={r.name} inverse={start + k === props.cursor}>
            {fit(line, inner)}
          </Text>
        );
      })}
    </Box>
  );
}
