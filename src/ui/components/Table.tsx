/**
 * Tables through ink-table (the design card's choice), fitted to a pane: ink-table draws a
 * rule between every row and measures with `.length`, so its skeleton here renders nothing
 * (one line per row, no rules) and its cells re-fit each value to widths measured in
 * terminal columns. The selected row is marked inside the cell text and drawn inverse.
 */
import { Text } from 'ink';
import { createContext, useContext } from 'react';
import { Table as InkTable } from 'ink-table';
import { fit } from '../textWidth.js';

export interface Column {
  key: string;
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** Marks the cells of the selected row (a private-use character no text contains). */
const SELECTED = '\uE000';

interface TableContext {
  columns: Column[];
  inverse: boolean;
  accent?: string;
}

const Ctx = createContext<TableContext>({ columns: [], inverse: false });

function Nothing(): null {
  return null;
}

function HeaderCell(props: { column: number; children?: unknown }) {
  const { columns, accent } = useContext(Ctx);
  const c = columns[props.column];
  if (!c) return null;
  return (
    <Text bold color={accent}>
      {fit(c.header, c.width, c.align)}
      {props.column < columns.length - 1 ? ' ' : ''}
    </Text>
  );
}

function BodyCell(props: { column: number; children?: unknown }) {
  const { columns, inverse } = useContext(Ctx);
  const c = columns[props.column];
  if (!c) return null;
  const raw = String(props.children ?? '').trim();
  const selected = raw.startsWith(SELECTED);
  const text = fit(selected ? raw.slice(1) : raw, c.width, c.align);
  return (
    <Text inverse={selected && inverse} bold={selected}>
      {text}
      {props.column < columns.length - 1 ? ' ' : ''}
    </Text>
  );
}

export function Table(props: { columns: Column[]; rows: Record<string, string>[]; selected: number; focused: boolean; accent?: string }) {
  const data = props.rows.map((row, i) => Object.fromEntries(props.columns.map((c) => [c.key, (i === props.selected ? SELECTED : '') + (row[c.key] ?? '')])));
  // ink-table's types say header cells get no column index and components return elements;
  // at run time every cell gets { column, children } and null renders nothing, hence the casts.
  const headings = props.columns.map((c) => c.key);
  return (
    <Ctx.Provider value={{ columns: props.columns, inverse: props.focused, accent: props.accent }}>
      <InkTable
        data={data.length ? data : [Object.fromEntries(headings.map((h) => [h, '']))]}
        columns={headings}
        header={HeaderCell as never}
        cell={BodyCell as never}
        skeleton={Nothing as never}
        padding={0}
      />
    </Ctx.Provider>
  );
}

/** Column widths for a pane: fixed numeric columns, the first one takes the rest. */
export function flexColumns(total: number, columns: Omit<Column, 'width'>[], fixed: number[]): Column[] {
  const gaps = columns.length - 1;
  const used = fixed.reduce((s, w) => s + w, 0) + gaps;
  return columns.map((c, i) => ({ ...c, width: i === 0 ? Math.max(4, total - used) : fixed[i - 1]! }));
}
