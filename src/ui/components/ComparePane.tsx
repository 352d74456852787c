/** The countries table for the current filter: articles, mentions and share of the filtered articles. */
import { Box, Text } from 'ink';
import type { CountryRow } from '../../analysis/countries.js';
import type { Theme } from '../theme.js';
import { fit, windowStart } from '../textWidth.js';
import { flexColumns, Table } from './Table.js';

export function ComparePane(props: { rows: CountryRow[]; cursor: number; width: number; height: number; focused: boolean; theme: Theme }) {
  const visible = Math.max(1, props.height - 1);
  const start = windowStart(props.cursor, props.rows.length, visible);
  const columns = flexColumns(props.width, [{ key: 'country', header: 'country' }, { key: 'articles', header: 'articles', align: 'right' }, { key: 'mentions', header: 'mentions', align: 'right' }, { key: 'share', header: 'share', align: 'right' }], [8, 8, 6]);
  if (props.rows.length === 0) return <Text color={props.theme.muted}>{fit('no countries in these articles', props.width)}</Text>;
  const rows = props.rows.slice(start, start + visible).map((r) => ({ country: r.country, articles: String(r.articles), mentions: String(r.mentions), share: `${Math.round(r.share * 100)}%` }));
  return (
    <Box flexDirection="column">
      <Table columns={columns} rows={rows} selected={props.cursor - start} focused={props.focused} accent={props.theme.accent} />
    </Box>
  );
}
