/** `?`: every key, generated from the keymap. Any key closes it. */
import { Box, Text } from 'ink';
import { MODE_KEYS, MODE_TITLES, NORMAL_KEYS, type Binding } from '../keymap.js';
import type { Theme } from '../theme.js';
import { fit } from '../textWidth.js';

const PRETTY: Record<string, string> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  'ctrl-c': '^C',
  'ctrl-f': '^F',
  'ctrl-b': '^B',
  backspace: 'BkSp',
};

const keysOf = (b: Binding) => b.keys.map((k) => PRETTY[k] ?? k).join(' ');

export function helpLines(): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const add = (line: string) => {
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  };
  for (const b of NORMAL_KEYS) {
    if (b.action.type === 'focus') add(`${'1 2 3 4'.padEnd(14)} articles, reader, entities, compare pane`);
    else add(`${keysOf(b).padEnd(14)} ${b.help}${b.panes ? ` (${b.panes.join(', ')})` : ''}`);
  }
  for (const mode of ['filter', 'note', 'help'] as const) {
    const { about, bindings } = MODE_KEYS[mode];
    lines.push('', MODE_TITLES[mode]);
    for (const line of about) lines.push(`${''.padEnd(14)} ${line}`);
    for (const b of bindings) lines.push(`${keysOf(b).padEnd(14)} ${b.help}`);
  }
  return lines;
}

export function HelpOverlay(props: { width: number; height: number; top: number; theme: Theme }) {
  const lines = helpLines();
  const inner = props.width - 2;
  const rows = Math.max(1, props.height - 3);
  const twoColumns = lines.length > rows && inner >= 56;
  const colWidth = twoColumns ? Math.floor((inner - 1) / 2) : inner;
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
