/** The two bottom lines: the filter prompt (or a message, or the pane's keys) and the status bar. */
import { Box, Text } from 'ink';
import { hintsFor } from '../keymap.js';
import type { UiState } from '../state.js';
import type { Theme } from '../theme.js';
import { fit } from '../textWidth.js';
import { sanitizeLine } from '../../text/sanitize.js';

const PANE_NAMES = { list: 'Articles', reader: 'Reader', entities: 'Entities', compare: 'Compare' } as const;

export function StatusBar(props: {
  state: UiState;
  label: string;
  total: number;
  matches: number;
  warnings: number;
  unsaved?: string | null;
  width: number;
  theme: Theme;
}) {
  const { state, width, theme } = props;
  const filtering = state.mode === 'filter';
  if (state.mode === 'note') {
    return (
      <Box flexDirection="column">
        <Text bold>{fit(`note: ${sanitizeLine(state.noteDraft)}▏  (Enter saves, Esc cancels)`, width)}</Text>
        <Text inverse>{fit(' steppe │ writing a note', width)}</Text>
      </Box>
    );
  }
  const count = `${props.matches} match${props.matches === 1 ? '' : 'es'}`;
  const prompt = filtering ? `/${sanitizeLine(state.draft)}▏` : null;
  const top = filtering
    ? `${prompt}  ${state.draftError ? `✗ ${state.draftError} (showing the last valid filter)` : count}`
    : (state.message ?? hintsFor(state.focus));
  const status = [
    'steppe',
    // first, so that a narrow terminal never cuts it: marks wait to be saved
    props.unsaved ? `⚠ marks not saved: ${props.unsaved}` : null,
    props.label,
    `${props.total} articles`,
    state.filter ? `${count} for ${sanitizeLine(state.filter)}` : 'no filter',
    `sort: ${state.sort}`,
    props.warnings ? `${props.warnings} warnings` : null,
    `[${PANE_NAMES[state.focus]}]`,
  ]
    .filter(Boolean)
    .join(' │ ');
  return (
    <Box flexDirection="column">
      <Text color={filtering && state.draftError ? theme.error : filtering ? undefined : theme.muted} bold={filtering}>
        {fit(top, width)}
      </Text>
      <Text inverse>{fit(' ' + status, width)}</Text>
    </Box>
  );
}
