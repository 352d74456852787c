/** Entity counts within the filter, with the corpus total beside them; or one entity's concordance. */
import { Box, Text } from 'ink';
import type { EntityCount } from '../../analysis/entityCounts.js';
import type { KwicLine } from '../../analysis/kwic.js';
import type { Model } from '../model.js';
import { ENTITY_TYPES } from '../state.js';
import type { Theme } from '../theme.js';
import { fit, truncate, width as textWidth, windowStart } from '../textWidth.js';
import { neutralize, sanitizeLine } from '../../text/sanitize.js';
import { flexColumns, Table } from './Table.js';

/** type, articles, mentions, corpus; below WIDE columns the type column goes (the tabs say it) */
const COLUMN_WIDTHS = [12, 8, 8, 9];
const WIDE = 60;

export function EntitiesPane(props: {
  rows: EntityCount[];
  totals: Map<string, EntityCount>;
  typeIndex: number;
  cursor: number;
  width: number;
  /** table rows shown, below the type tabs and the table's header (layout.scrollRows) */
  visible: number;
  focused: boolean;
  theme: Theme;
}) {
  const { width, theme } = props;
  const tabs = ENTITY_TYPES.map((t, i) => (i === props.typeIndex ? `[${t}]` : t)).join(' ');
  const visible = props.visible;
  const start = windowStart(props.cursor, props.rows.length, visible);
  const columns = flexColumns(
    width,
    [
      { key: 'entity', header: 'entity' },
      { key: 'type', header: 'type' },
      { key: 'articles', header: 'articles', align: 'right' },
      { key: 'mentions', header: 'mentions', align: 'right' },
      { key: 'total', header: 'corpus', align: 'right' },
    ],
    width >= WIDE ? COLUMN_WIDTHS : COLUMN_WIDTHS.map((w, i) => (i === 0 ? 0 : w)),
  );
  const rows = props.rows.slice(start, start + visible).map((e) => {
    const t = props.totals.get(e.id);
    return {
      entity: sanitizeLine(e.name),
      type: e.type,
      articles: String(e.articles),
      mentions: String(e.mentions),
      total: t ? `${t.articles}/${t.mentions}` : '',
    };
  });
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>{fit(tabs, width)}</Text>
      {props.rows.length === 0 ? (
        <Text color={theme.muted}>{fit('no entities of this type', width)}</Text>
      ) : (
        <Table columns={columns.filter((c) => c.width > 0)} rows={rows} selected={props.cursor - start} focused={props.focused} accent={theme.accent} />
      )}
    </Box>
  );
}

/** `rows`: lines shown below its heading (layout.scrollRows). */
export function ConcordancePane(props: { model: Model; name: string; lines: KwicLine[]; top: number; width: number; rows: number; theme: Theme }) {
  const { width, theme, rows } = props;
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>{fit(`concordance: ${sanitizeLine(props.name)} (${props.lines.length}) · esc back`, width)}</Text>
      {props.lines.slice(props.top, props.top + rows).map((l, i) => {
        const source = props.model.rows[l.article]!;
        const tag = ` · ${fit(source.date, 10)}`;
        const keyword = truncate(sanitizeLine(l.keyword), Math.max(4, Math.floor(width / 3)));
        const side = Math.max(0, Math.floor((width - textWidth(keyword) - textWidth(tag)) / 2));
        const left = neutralize(l.left);
        const leftText = textWidth(left) > side ? '…' + [...left].slice(-(side - 1)).join('') : left;
        return (
          <Text key={props.top + i} wrap="truncate">
            {fit(leftText, side, 'right')}
            <Text bold inverse={theme.mono} color={theme.accent}>
              {keyword}
            </Text>
            {fit(neutralize(l.right), side)}
            <Text dimColor>{tag}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
