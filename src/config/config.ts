/**
 * The config file's content, checked: key remaps (an action's name → its keys), colours per
 * semantic token, the default sort, the browser and pager commands, the mouse. Pure: text in,
 * the settings and each problem (with its line) out; a problem leaves that setting at its
 * default and the rest in force.
 */
import { parse, TomlError } from 'smol-toml';

export const COLOR_TOKENS = ['focus', 'muted', 'error', 'hit', 'country', 'person', 'organization', 'place'] as const;
export type ColorToken = (typeof COLOR_TOKENS)[number];
/** The sorts a list can open with (relevance needs a filter's words). */
export const START_SORTS = ['date', 'publisher', 'title'] as const;

/** The colour names chalk (under Ink) knows; any other colour is #rrggbb. */
const COLOR_NAMES = new Set(['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey'].flatMap((c) => [c, `${c}Bright`]));

export interface Config {
  /** action name → keys, as written (checked against the keymap when the dashboard starts) */
  keys: Map<string, string[]>;
  /** where each remap is written, for a problem found once the keymap is known */
  keyLines: Map<string, number | null>;
  colors: Partial<Record<ColorToken, string>>;
  sort: (typeof START_SORTS)[number] | null;
  browser: string | null;
  pager: string | null;
  mouse: boolean | null;
}

export const DEFAULT_CONFIG: Config = { keys: new Map(), keyLines: new Map(), colors: {}, sort: null, browser: null, pager: null, mouse: null };

export interface Problem {
  /** 1-based, or null when the line cannot be told */
  line: number | null;
  message: string;
}

const TOP = new Set(['sort', 'browser', 'pager', 'mouse', 'keys', 'colors']);

/** The line a key is set on: `name =` inside `[section]` (or before any section). */
export function lineOf(text: string, section: string | null, name: string): number | null {
  let current: string | null = null;
  const lines = text.split(/\r?\n/);
  const key = new RegExp(`^\\s*(?:"${regexpOf(name)}"|'${regexpOf(name)}'|${regexpOf(name)})\\s*=`);
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(lines[i]!);
    if (header) current = header[1]!.replace(/^["']|["']$/g, '');
    else if (current === section && key.test(lines[i]!)) return i + 1;
  }
  return null;
}
const regexpOf = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isColor = (v: string) => COLOR_NAMES.has(v) || /^#[0-9a-f]{6}$/i.test(v);

export function parseConfig(text: string): { config: Config; problems: Problem[] } {
  const problems: Problem[] = [];
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof TomlError ? e.line : null;
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return { config: DEFAULT_CONFIG, problems: [{ line, message: `not TOML: ${message}` }] };
  }
  const config: Config = { ...DEFAULT_CONFIG, keys: new Map(), keyLines: new Map(), colors: {} };
  const say = (section: string | null, name: string, message: string) => problems.push({ line: lineOf(text, section, name), message });
  const str = (name: string): string | null => {
    const v = data[name];
    if (v === undefined) return null;
    if (typeof v === 'string' && v.trim()) return v;
    say(null, name, `${name} must be a non-empty string`);
    return null;
  };
  for (const name of Object.keys(data)) if (!TOP.has(name)) say(null, name, `unknown setting "${name}" (sort, browser, pager, mouse, [keys], [colors])`);
  const sort = str('sort');
  if (sort !== null) {
    if ((START_SORTS as readonly string[]).includes(sort)) config.sort = sort as Config['sort'];
    else say(null, 'sort', `sort must be one of ${START_SORTS.join(', ')} (got "${sort}")`);
  }
  config.browser = str('browser');
  config.pager = str('pager');
  if (data.mouse !== undefined) {
    if (typeof data.mouse === 'boolean') config.mouse = data.mouse;
    else say(null, 'mouse', 'mouse must be true or false');
  }
  const table = (name: string): Record<string, unknown> => {
    const v = data[name];
    if (v === undefined) return {};
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)) return v as Record<string, unknown>;
    say(null, name, `${name} must be a table ([${name}])`);
    return {};
  };
  for (const [name, v] of Object.entries(table('keys'))) {
    const keys = typeof v === 'string' ? [v] : Array.isArray(v) && v.every((k) => typeof k === 'string') ? (v as string[]) : null;
    if (keys) {
      config.keys.set(name, keys);
      config.keyLines.set(name, lineOf(text, 'keys', name));
    } else say('keys', name, `keys.${name} must be a key or a list of keys ("f" or ["f", "ctrl-f"])`);
  }
  for (const [name, v] of Object.entries(table('colors'))) {
    if (!(COLOR_TOKENS as readonly string[]).includes(name)) say('colors', name, `unknown colour "${name}" (${COLOR_TOKENS.join(', ')})`);
    else if (typeof v !== 'string' || !isColor(v)) say('colors', name, `colors.${name} must be a colour name (red, cyan, grayBright …) or #rrggbb`);
    else config.colors[name as ColorToken] = v;
  }
  return { config, problems };
}
