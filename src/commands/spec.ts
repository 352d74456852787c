/**
 * The command line as data: every command, flag and value. The argument parser, the help,
 * `steppe help COMMAND`, the man page and the shell completions are all made from it.
 */
import { EXPORT_WHATS } from '../analysis/exportTable.js';
import { FORMATS } from '../text/tableFormats.js';
import { MENTION_TYPES } from '../corpus/types.js';
import { FIELD_PREFIXES } from '../search/query.js';

export interface FlagSpec {
  name: string;
  short?: string;
  /** what the flag takes (a boolean flag takes nothing) */
  value?: string;
  /** the values it accepts, for completion */
  values?: readonly string[];
  help: string;
}

export const FLAGS = {
  out: { name: 'out', short: 'o', value: 'FILE', help: 'write to FILE (atomically: complete or untouched) instead of stdout' },
  verbose: { name: 'verbose', help: 'parse: say per file why each title, publisher, author and date was chosen' },
  query: { name: 'query', short: 'q', value: 'Q', help: 'only the articles matching Q (the filter language)' },
  what: { name: 'what', value: 'W', values: EXPORT_WHATS, help: `export: ${EXPORT_WHATS.join(', ')} (default articles)` },
  format: { name: 'format', short: 'f', value: 'F', values: FORMATS, help: `export: ${FORMATS.join(', ')}` },
  type: { name: 'type', value: 'T', values: MENTION_TYPES, help: `entities of one type: ${MENTION_TYPES.join(', ')}` },
  json: { name: 'json', help: 'machine-readable output' },
  sort: {
    name: 'sort',
    value: 'S',
    values: ['article', 'left', 'right', '1L', '2L', '1R', '2R'],
    help: 'kwic: by article, or by the words left (1L, 2L) or right (1R, 2R) of the hit',
  },
  window: { name: 'window', value: 'N', help: 'kwic: words of context each side (default 8); collocates: words each side counted (default 5)' },
  min: { name: 'min', value: 'N', help: 'collocates: seen at least N times near the hits (default 3)' },
  db: {
    name: 'db',
    value: 'URL',
    help: 'the dashboard, search, entities, compare, kwic, collocates, export, load: the corpus in PostgreSQL (postgres://user@host/db; STEPPE_DB too), not read into memory',
  },
  migrate: { name: 'migrate', help: 'load: create or upgrade steppe’s schema in the database first' },
  print: { name: 'print', help: 'config: print the settings in force, with the defaults' },
  color: { name: 'no-color', help: 'monochrome dashboard (also when NO_COLOR is set)' },
  mouse: { name: 'no-mouse', help: 'leave the mouse to the terminal: no wheel scrolling, selection without Shift' },
  help: { name: 'help', short: 'h', help: 'show the help (of a command: steppe help COMMAND)' },
  version: { name: 'version', short: 'v', help: 'show the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagKey = keyof typeof FLAGS;

export interface CommandSpec {
  name: string;
  /** its arguments and flags, after `steppe NAME` */
  usage: string;
  summary: string;
  flags: FlagKey[];
  /** a few lines more for `steppe help NAME` */
  details: string[];
  examples: string[];
}

const PATHS = 'PATH is a folder of .txt/.md files, a text file, a corpus.json, a .jsonl file, or - for standard input; none: the bundled corpus.';

export const COMMANDS: CommandSpec[] = [
  {
    name: 'parse',
    usage: 'PATH… [--out FILE] [--verbose]',
    summary: 'raw text files or folders → corpus JSON',
    flags: ['out', 'verbose'],
    details: [
      'Writes the corpus to stdout, or to --out FILE; a summary (articles, removed lines, warnings) goes to stderr.',
      'Exits 1 only when nothing could be parsed.',
    ],
    examples: ['steppe parse data/raw --out data/corpus.json'],
  },
  {
    name: 'search',
    usage: 'QUERY [--json] [--db URL] [PATH…]',
    summary: "articles matching QUERY, best first (the dashboard's filter language)",
    flags: ['json', 'db'],
    details: [
      'QUERY: words (fuzzy, by prefix), "a phrase", -word, country: person: org: place: source: year:2011..2017, is:starred is:unread is:read is:new has:note tag:NAME, @name (a search saved in the dashboard).',
      'A query may start with - (steppe search -taliban).',
      PATHS,
    ],
    examples: ['steppe search "country:Tajikistan isis"', 'steppe search --json nazarbayev data/corpus.json'],
  },
  {
    name: 'compare',
    usage: '[--json] [--query Q] [--db URL] [PATH…]',
    summary: 'countries compared: table, co-mentions, figures, timeline',
    flags: ['json', 'query', 'db'],
    details: [PATHS],
    examples: ['steppe compare --query year:2015..2020'],
  },
  {
    name: 'export',
    usage: '--format csv|json|md [--what W] [--query Q] [--out FILE] [--db URL] [PATH…]',
    summary: 'a filtered view as CSV, JSON or a Markdown table',
    flags: ['format', 'what', 'query', 'out', 'db'],
    details: [
      'W: articles (with your review marks, tags and url), entities, compare, matrix, timeline, figures; notes: a brief of the articles with a note or a tag (their citation, tags, note and the sentences holding the query’s words), --format md or json.',
      PATHS,
    ],
    examples: ['steppe export --what entities --format csv --out entities.csv', 'steppe export --what notes --format md --query "@returnees" --out brief.md'],
  },
  {
    name: 'entities',
    usage: '[--type T] [--query Q] [--json] [--db URL] [PATH…]',
    summary: 'entities with article and mention counts, and how each was written',
    flags: ['type', 'query', 'json', 'db'],
    details: [PATHS],
    examples: ['steppe entities --type organization'],
  },
  {
    name: 'kwic',
    usage: 'QUERY [--sort S] [--window N] [--json] [--db URL] [PATH…]',
    summary: "every hit of QUERY's words or phrases with the words around it (a concordance)",
    flags: ['sort', 'window', 'json', 'db'],
    details: [
      'QUERY as for search: its words (with their fuzzy and prefix matches) and "phrases" are the hits; its fields choose the articles.',
      'S: article (the search’s order), left or 1L, 2L, right or 1R, 2R (AntConc’s sorts). --json rows: { "article", "left", "match", "right" }.',
      PATHS,
    ],
    examples: ['steppe kwic "foreign fighters" --sort left', 'steppe kwic --json "returnees country:Tajikistan"'],
  },
  {
    name: 'collocates',
    usage: 'QUERY [--window N] [--min N] [--json] [--db URL] [PATH…]',
    summary: "words that occur near QUERY's hits more than chance predicts, by log-likelihood",
    flags: ['window', 'min', 'json', 'db'],
    details: [
      'Counted within ±N words of each hit (default 5), each word once however many hits it is near, against its frequency in the whole corpus (Dunning’s G²).',
      'Stop words (English, Russian, Arabic, Persian, Chinese, from the stopword package) and the searched words are left out. --json rows: { "term", "count", "score" }.',
      PATHS,
    ],
    examples: ['steppe collocates extremism --min 2', 'steppe collocates --json "islamic state"'],
  },
  {
    name: 'load',
    usage: '[PATH…] --db URL [--migrate]',
    summary: 'parse or read a corpus and write it into PostgreSQL, for the dashboard and the commands that take --db',
    flags: ['db', 'migrate'],
    details: [
      'Any corpus steppe opens (raw files, corpus.json, JSON Lines). Loading the same articles again replaces them (ids are content hashes) and keeps their order; new ones come after.',
      'One transaction: an interrupted load leaves the database as it was. --migrate creates the schema (steppe) or upgrades it (alone, with no PATH: only that); the version is checked on every connect.',
      'The URL: postgres://user:password@host:port/database, or postgres://user@/database?host=/var/run/postgresql for the local socket; STEPPE_DB when --db is not given.',
      PATHS,
    ],
    examples: [
      'steppe load data/raw --db postgres://me@/news?host=/var/run/postgresql --migrate',
      'STEPPE_DB=postgres://me@db/news steppe search "country:Tajikistan isis"',
      'steppe --db postgres://me@/news?host=/var/run/postgresql   (the dashboard over it)',
    ],
  },
  {
    name: 'config',
    usage: '--print',
    summary: 'the settings in force: the config file’s, and the defaults for the rest',
    flags: ['print'],
    details: [
      'The file: $STEPPE_CONFIG, else $XDG_CONFIG_HOME/steppe/config.toml (~/.config/steppe/config.toml), in TOML.',
      'Top level: sort = "date|publisher|title", browser = "firefox %s", pager = "less -R", mouse = true|false.',
      '[keys]: an action’s name = "key" or ["key", …] (the names are those --print lists). [colors]: focus, muted, error, hit, country, person, organization, place = a colour name or "#rrggbb".',
      'A problem in the file is one line naming the file and line; the dashboard then runs with the defaults for what it got wrong. --print exits 1 when there is one.',
    ],
    examples: ['steppe config --print > ~/.config/steppe/config.toml'],
  },
  {
    name: 'completion',
    usage: 'bash|zsh|fish',
    summary: 'print a shell completion script',
    flags: [],
    details: [
      'bash: steppe completion bash > ~/.local/share/bash-completion/completions/steppe',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's own ${fpath[1]}, shown to the user
      'zsh: steppe completion zsh > "${fpath[1]}/_steppe"',
      'fish: steppe completion fish > ~/.config/fish/completions/steppe.fish',
    ],
    examples: ['source <(steppe completion bash)'],
  },
  {
    name: 'help',
    usage: '[COMMAND]',
    summary: 'the help, or one command’s',
    flags: [],
    details: [],
    examples: ['steppe help export'],
  },
];

/** The dashboard is the command without a name. */
export const DASHBOARD: CommandSpec = {
  name: '',
  usage: '[PATH…] [--db URL] [--no-color] [--no-mouse]',
  summary: 'open the dashboard (default: the bundled corpus)',
  flags: ['db', 'color', 'mouse'],
  details: [
    'Needs a terminal (60×20 at least). ? in the dashboard lists every key. The mouse wheel scrolls the pane under the pointer; Shift and drag selects text.',
    'With --db URL (or STEPPE_DB and no PATH) it reads a corpus loaded into PostgreSQL (steppe load), a page at a time; a server lost meanwhile is said ("database unreachable, retrying") and the screen kept.',
    PATHS,
  ],
  examples: ['steppe', 'steppe data/corpus.json', 'steppe --db postgres://me@/news?host=/var/run/postgresql'],
};

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Exit codes, as --help and the man page list them. */
export const EXIT_CODES: [number, string][] = [
  [0, 'success'],
  [1, 'a failure: nothing could be read or parsed, a file could not be written, review marks not saved'],
  [2, 'a usage error (unknown option or command, bad value), or no terminal for the dashboard'],
  [70, 'an internal error (a bug: please report it)'],
  [130, 'interrupted (Ctrl-C); 129 hangup, 143 terminated'],
];

export function commandNamed(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Every field prefix of the filter language, for completion. */
export const QUERY_PREFIXES = FIELD_PREFIXES;
