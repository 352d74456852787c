/** `?`: every key, generated from the keymap. Any key closes it. */
import { Box, Text } from 'ink';
import { MODE_KEYS, MODE_TITLES, NORMAL_KEYS, prettyKey, type Binding, type Keymap } from '../keymap.js';
import type { Theme } from '../theme.js';
import { fit, wrapRanges } from '../textWidth.js';

const keysOf = (b: Binding) => b.keys.map(prettyKey).join(' ');
const KEYS = 14;
const TWO_COLUMN_MIN = 56;

/** The overlay's lines at `width` columns: keys, then what they do, wrapped under itself (never cut). */
export function helpLines(width = Infinity, keymap: Keymap = NORMAL_KEYS): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const indent = ''.padEnd(KEYS + 1);
  const entry = (keys: string, help: string) => {
    const room = Math.max(8, width - KEYS - 1);
    const wrapped = Number.isFinite(width) ? wrapRanges(help, room).map((r) => help.slice(r.start, r.end)) : [help];
    return wrapped.map((part, k) => (k === 0 ? `${keys.padEnd(KEYS)} ${part}` : indent + part));
  };
  const add = (keys: string, help: string) => {
    const key = `${keys}\0${help}`;
    if (!seen.has(key)) lines.push(...entry(keys, help));
    seen.add(key);
  };
  for (const b of keymap) {
    if (b.action.type === 'focus') add('1 2 3 4', 'articles, reader, entities, compare pane');
    else add(keysOf(b), `${b.help}${b.panes ? ` (${b.panes.join(', ')})` : ''}`);
  }
  for (const mode of ['filter', 'note', 'tag', 'name', 'searches', 'collocates', 'pipe', 'output', 'help'] as const) {
    const { about, bindings } = MODE_KEYS[mode];
    lines.push('', MODE_TITLES[mode]);
    for (const line of about) lines.push(...entry('', line));
    for (const b of bindings) lines.push(...entry(keysOf(b), b.help));
  }
  return lines;
}

export function HelpOverlay(props: { width: number; height: number; top: number; theme: Theme; keymap?: Keymap }) {
  const inner = props.width - 2;
  const rows = Math.max(1, props.height - 3);
  // two columns only where each is wide enough for a description not to wrap every few words
  const twoColumns = helpLines(inner, props.keymap).length > rows && inner >= 2 * TWO_COLUMN_MIN + 1;
  const colWidth = twoColumns ? Math.floor((inner - 1) / 2) : inner;
  const lines = helpLines(colWidth, props.keymap);
  const perColumn = twoColumns ? Math.ceil(lines.length / 2) : lines.length;
  const top = Math.min(props.top, Math.max(0, perColumn - rows));
  const shown = Array.from({ length: Math.min(rows, perColumn - top) }, (_, k) => {
    const i = top + k;
    const left = fit(lines[i] ?? '', colWidth);
    return twoColumns ? `${left} ${fit(lines[i + perColumn] ?? '', colWidth)}` : left;
  });
  const more = perColumn > rows ? ` (j/k scroll, ${top + shown.length}/${perColumn})` : '';
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={props.theme.accent}>
      <Text bold color={props.theme.accent}>
        {fit(`Keys — press any key to close${more}`, inner)}
      </Text>
      {shown.map((l, i) => (
        <Text key={i}>{l}</Text>
      ))}
    </Box>
  );
}
