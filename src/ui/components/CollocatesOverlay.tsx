/** The collocates of the filter's words (C): each word, how often it is near a hit, and its log-likelihood; Enter filters to both. */
import { Box, Text } from 'ink';
import type { Collocates } from '../../analysis/collocates.js';
import { plural } from '../../text/plural.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';

export function CollocatesOverlay(props: { of: string; collocates: Collocates; cursor: number; width: number; height: number; theme: Theme }) {
  const inner = props.width - 2;
  const { rows, hits } = props.collocates;
  // the title, the column heads, then the rows
  const visible = Math.max(1, props.height - 4);
  const start = windowStart(props.cursor, rows.length, visible);
  const term = Math.max(10, inner - 24);
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={props.theme.accent}>
      <Text bold color={props.theme.accent}>
        {fit(`Collocates of ${sanitizeLine(props.of)} (±5 words of ${plural(hits, 'hit')}, by log-likelihood) — Enter filters to both · Esc closes`, inner)}
      </Text>
      <Text bold>{fit(`${fit('collocate', term)} ${'count'.padStart(7)} ${'G²'.padStart(12)}`, inner)}</Text>
      {rows.slice(start, start + visible).map((r, k) => (
        <Text key={r.term} inverse={start + k === props.cursor}>
          {fit(`${fit(sanitizeLine(r.term), term)} ${String(r.count).padStart(7)} ${r.score.toFixed(2).padStart(12)}`, inner)}
        </Text>
      ))}
    </Box>
  );
}
