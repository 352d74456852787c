/** Entity counts within the filter, with the corpus total beside them; or one entity's concordance. */
import { Box, Text } from 'ink';
import type { EntityCount } from '../../analysis/entityCounts.js';
import type { KwicLine } from '../../analysis/kwic.js';
import type { Model } from '../model.js';
import { ENTITY_TYPES } from '../state.js';
import type { Theme } from '../theme.js';
import type { KwicSort } from '../../analysis/wordKwic.js';
import { fit, truncate, truncateStart, width as textWidth, windowStart } from '../textWidth.js';
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
  /** what is being done before there is anything to count (finding entities, counting mentions) */
  waiting?: string;
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
        <Text color={theme.muted}>{fit(props.waiting ?? 'no entities of this type', width)}</Text>
      ) : (
        <Table columns={columns.filter((c) => c.width > 0)} rows={rows} selected={props.cursor - start} focused={props.focused} accent={theme.accent} />
      )}
    </Box>
  );
}

/**
 * Keyword in context, a line a mention, aligned on the keyword: the left context right-aligned,
 * the right context after it, then the article it is in (month and title). At 80 columns
 * each side gets 25 columns or more; widths are display widths. `rows`: lines shown below
 * its heading (layout.scrollRows).
 */
export function ConcordancePane(props: {
  model: Model;
  name: string;
  /** the order shown (KWIC_SORTS) */
  sort: KwicSort;
  lines: KwicLine[];
  cursor: number;
  width: number;
  rows: number;
  focused: boolean;
  theme: Theme;
}) {
  const { width, theme, rows } = props;
  const start = windowStart(props.cursor, props.lines.length, rows);
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>
        {fit(`concordance: ${sanitizeLine(props.name)} (${props.lines.length}) · Enter reads it there · s sort: ${props.sort} · Esc back`, width)}
      </Text>
      {props.lines.slice(start, start + rows).map((l, i) => {
        const source = props.model.rows[l.article]!;
        const keyword = truncate(sanitizeLine(l.keyword), Math.max(4, Math.floor(width / 4)));
        // the article gets what two 25-column sides and the keyword leave, at most a third
        const tagWidth = Math.max(8, Math.min(Math.floor(width / 3), width - textWidth(keyword) - 2 * SIDE - 2));
        const tag = fit(`${source.date === 'undated' ? '—' : source.date.slice(0, 7)} ${source.title}`, tagWidth - 1);
        const side = Math.max(1, Math.floor((width - textWidth(keyword) - tagWidth - 1) / 2));
        const left = neutralize(l.left);
        const leftText = truncateStart(left, side);
        const selected = start + i === props.cursor;
        return (
          <Text key={start + i} wrap="truncate" inverse={selected && props.focused} bold={selected}>
            {fit(leftText, side, 'right')}
            <Text bold inverse={theme.mono && !selected} color={theme.accent}>
              {keyword}
            </Text>
            {fit(neutralize(l.right), side)} <Text dimColor>{tag}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

/** A concordance side's least width at 80 columns. */
const SIDE = 25;
