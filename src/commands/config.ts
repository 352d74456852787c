/**
 * `steppe config --print`: the settings in force as a config file would write them — the
 * file's, and the defaults for the rest — so it can be copied and edited. Problems go to
 * stderr as the dashboard says them (exit 1).
 */
import { COLOR_TOKENS, type ColorToken } from '../config/config.js';
import { keyProblemLine, loadConfig } from '../config/configFile.js';
import { ACTION_NAMES, NORMAL_KEYS, remapKeys } from '../ui/keymap.js';
import { COLOR } from '../ui/theme.js';
import { themeWith } from '../ui/theme.js';
import type { CommandIo } from './io.js';

const str = (s: string) => JSON.stringify(s);

export async function runConfig(io: CommandIo): Promise<number> {
  const { file, found, config, problems } = await loadConfig();
  const remapped = remapKeys(config.keys);
  const all = [...problems, ...remapped.problems.map((p) => keyProblemLine(file, config.keyLines.get(p.name) ?? null, p.problem))];
  for (const p of all) io.stderr(`steppe: ${p}\n`);
  const theme = themeWith(COLOR, config.colors);
  const colorOf: Record<ColorToken, string | undefined> = {
    focus: theme.accent,
    muted: theme.muted,
    error: theme.error,
    hit: theme.hit,
    ...theme.entity,
  };
  const browser = config.browser ?? process.env.BROWSER;
  const pager = config.pager ?? process.env.PAGER;
  const lines = [
    `# steppe's settings in force; the file: ${file}${found ? '' : ' (none: these are the defaults)'}`,
    `sort = ${str(config.sort ?? 'date')}`,
    browser
      ? `browser = ${str(browser)}`
      : '# browser = "firefox %s"   # unset: $BROWSER, else xdg-open/open on a desktop; over SSH the address is copied (OSC 52)',
    `pager = ${str(pager ?? 'less')}`,
    `mouse = ${config.mouse ?? true}`,
    '',
    '# an action = its keys: a character, up down left right pageup pagedown home end enter escape tab shift-tab backspace space, ctrl-x, meta-x',
    '[keys]',
    ...ACTION_NAMES.map((name) => {
      // a name bound in several panes (Enter, Space) lists every key it has
      const keys = [...new Set(remapped.keymap.filter((b) => b.name === name).flatMap((b) => b.keys))];
      const help = NORMAL_KEYS.find((b) => b.name === name)?.help ?? '';
      return `${name} = [${keys.map(str).join(', ')}]   # ${help}`;
    }),
    '',
    '# semantic colours: a name (black red green yellow blue magenta cyan white gray, and each with Bright) or "#rrggbb"; NO_COLOR and --no-color use none',
    '[colors]',
    ...COLOR_TOKENS.map((t) =>
      colorOf[t] ? `${t} = ${str(colorOf[t]!)}` : `# ${t} = "yellow"   # unset: ${t === 'hit' ? 'hits are shown inverse' : 'the terminal’s own colour'}`,
    ),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return all.length ? 1 : 0;
}
