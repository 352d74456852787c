/** The two bottom lines: the filter prompt (or a message, or the pane's keys) and the status bar. */
import { Box, Text } from 'ink';
import { hintsFor, type Keymap } from '../keymap.js';
import type { UiState } from '../state.js';
import type { Theme } from '../theme.js';
import { fit, truncate, width as textWidth } from '../textWidth.js';
import { plural } from '../../text/plural.js';
import { visibleLine, type LineEdit } from '../lineEdit.js';
import { neutralize, sanitizeLine } from '../../text/sanitize.js';

const PANE_NAMES = { list: 'Articles', reader: 'Reader', entities: 'Entities', compare: 'Compare' } as const;

/**
 * A prompt: its label, the line with the cursor (▏) scrolled into view, and what follows it
 * (the match count, an error) where there is room; the line gets at least half the width.
 */
function promptLine(label: string, line: LineEdit, after: string, width: number): string {
  const room = width - textWidth(label);
  const need = textWidth(line.text) + 1;
  // the line whole where it fits, else at least half the room; what follows gets the rest, cut
  const lineRoom = need + textWidth(after) <= room ? need : Math.max(Math.min(need, room), Math.floor(room / 2));
  const tail = truncate(after, room - Math.min(lineRoom, need));
  const shown = visibleLine(line, room - textWidth(tail));
  // neutralised, not tidied: the spaces typed are where the cursor is
  return `${label}${neutralize(shown.before)}▏${neutralize(shown.after)}${tail}`;
}

/** The hints that fit the line, dropped from the end but for the last ("? help"), which always shows. */
export function hintLine(hints: string[], width: number): string {
  const last = hints.at(-1) ?? '';
  const kept = hints.slice(0, -1);
  while (kept.length && textWidth([...kept, last].join(' · ')) > width) kept.pop();
  return [...kept, last].join(' · ');
}

/** The parts joined by " │ ", the least kept dropped until the line fits `width`. */
export function statusLine(parts: [text: string, keep: number][], width: number): string {
  const shown = [...parts];
  const line = () => shown.map((p) => p[0]).join(' │ ');
  while (shown.length > 1 && textWidth(line()) > width) {
    const least = shown.reduce((lo, p, i) => (p[1] < shown[lo]![1] ? i : lo), 0);
    shown.splice(least, 1);
  }
  return line();
}

export function StatusBar(props: {
  state: UiState;
  label: string;
  total: number;
  matches: number;
  warnings: number;
  unsaved?: string | null;
  /** articles not there at the last open (is:new) */
  fresh?: number;
  keymap?: Keymap;
  width: number;
  theme: Theme;
}) {
  const { state, width, theme } = props;
  const filtering = state.mode === 'filter';
  if (state.mode === 'note') {
    const help = '  (Enter saves, Esc cancels)';
    return (
      <Box flexDirection="column">
        <Text bold>{fit(promptLine('note: ', { text: state.noteDraft, cursor: state.noteCursor }, help, width), width)}</Text>
        <Text inverse>{fit(' steppe │ writing a note', width)}</Text>
      </Box>
    );
  }
  if (state.mode === 'pipe') {
    return (
      <Box flexDirection="column">
        <Text bold>
          {fit(promptLine('| ', { text: state.promptDraft, cursor: state.promptCursor }, '  (Enter runs it on the article, Esc cancels)', width), width)}
        </Text>
        <Text inverse>{fit(' steppe │ piping the article to a command', width)}</Text>
      </Box>
    );
  }
  if (state.mode === 'tag' || state.mode === 'name') {
    const tagging = state.mode === 'tag';
    const label = tagging ? (state.selected.length && state.focus === 'list' ? `tag ${plural(state.selected.length, 'article')}: ` : 'tag: ') : 'save as @';
    const help = tagging ? '  (word adds, -word removes, Tab completes, Enter applies, Esc cancels)' : `  (Enter saves ${state.savingQuery}, Esc cancels)`;
    return (
      <Box flexDirection="column">
        <Text bold>{fit(promptLine(label, { text: state.promptDraft, cursor: state.promptCursor }, help, width), width)}</Text>
        <Text inverse>{fit(tagging ? ' steppe │ tagging' : ' steppe │ saving a search', width)}</Text>
      </Box>
    );
  }
  const count = plural(props.matches, 'match', 'matches');
  const top = filtering
    ? promptLine(
        '/',
        { text: state.draft, cursor: state.draftCursor },
        `  ${state.draftError ? `✗ ${state.draftError} (the list keeps the last whole filter)` : count}`,
        width,
      )
    : (state.message ?? hintLine(hintsFor(state.focus, props.keymap), width));
  // in the order shown; where they do not all fit, the least needed go first (steppe's name,
  // the corpus label, the sort), so a narrow terminal keeps the pane, unsaved marks and the filter
  const parts: [text: string | null, keep: number][] = [
    ['steppe', 0],
    [`[${PANE_NAMES[state.focus]}]`, 9],
    [props.unsaved ? `⚠ marks not saved: ${props.unsaved}` : null, 8],
    [state.selected.length ? `${state.selected.length} selected` : null, 8],
    [props.label, 1],
    [plural(props.total, 'article'), 3],
    [props.fresh ? `${props.fresh.toLocaleString('en')} new` : null, 5],
    [state.filter ? `${count} for ${sanitizeLine(state.filter)}` : 'no filter', 7],
    [`sort: ${state.sort}`, 2],
    [props.warnings ? plural(props.warnings, 'warning') : null, 4],
  ];
  const status = statusLine(
    parts.filter((p): p is [string, number] => p[0] !== null),
    width - 1,
  );
  return (
    <Box flexDirection="column">
      <Text color={filtering && state.draftError ? theme.error : filtering ? undefined : theme.muted} bold={filtering}>
        {fit(top, width)}
      </Text>
      <Text inverse>{fit(' ' + status, width)}</Text>
    </Box>
  );
}
