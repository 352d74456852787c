/** The help, one command's help and the man page, all written from the command table (spec.ts). */
import { COMMANDS, DASHBOARD, EXIT_CODES, FLAGS, commandNamed, type CommandSpec, type FlagSpec } from './spec.js';

const flagLabel = (f: FlagSpec) => [f.short ? `-${f.short}` : '', `--${f.name}`].filter(Boolean).join(', ') + (f.value ? ` ${f.value}` : '');

function flagLines(flags: FlagSpec[]): string[] {
  const width = Math.max(...flags.map((f) => flagLabel(f).length));
  return flags.map((f) => `    ${flagLabel(f).padEnd(width)}   ${f.help}`);
}

const usageOf = (c: CommandSpec) => `steppe${c.name ? ' ' + c.name : ''} ${c.usage}`;

export function helpText(): string {
  const commands = [DASHBOARD, ...COMMANDS];
  const width = Math.max(...commands.map((c) => (c.name || '[PATH…]').length));
  return [
    '',
    '  A keyboard-driven terminal dashboard for reading and analysing a news corpus.',
    '',
    '  Usage',
    '    $ steppe [PATH…]                 open the dashboard',
    '    $ steppe --db URL                the dashboard over a corpus in PostgreSQL (steppe load)',
    '    $ steppe COMMAND [OPTIONS] [PATH…]',
    '',
    '  Commands',
    ...commands.map((c) => `    ${(c.name || '[PATH…]').padEnd(width)}   ${c.summary}`),
    '',
    '  Options',
    ...flagLines(Object.values(FLAGS)),
    '',
    '  PATH is a folder of .txt/.md files, a text file, a corpus.json, a .jsonl file, or - for',
    '  standard input; none: the bundled corpus. steppe help COMMAND says more of one command.',
    '',
    '  Exit codes',
    ...EXIT_CODES.map(([code, what]) => `    ${String(code).padStart(3)}   ${what}`),
    '',
    '  Examples',
    '    $ steppe parse data/raw --out data/corpus.json',
    '    $ steppe data/corpus.json',
    '    $ steppe search "country:Tajikistan isis" --json',
    '',
  ].join('\n');
}

/** `steppe help NAME`; null for a name that is no command. */
export function commandHelp(name: string): string | null {
  const c = name === 'dashboard' ? DASHBOARD : commandNamed(name);
  if (!c) return null;
  const flags = [...c.flags.map((k) => FLAGS[k]), FLAGS.help];
  return [
    '',
    `  Usage`,
    `    $ ${usageOf(c)}`,
    '',
    `  ${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.`,
    ...c.details.map((d) => `  ${d}`),
    '',
    '  Options',
    ...flagLines(flags),
    '',
    '  Examples',
    ...c.examples.map((e) => `    $ ${e}`),
    '',
  ].join('\n');
}

/** roff: a backslash and a leading dot or quote are escaped; hyphens in options stay minus signs. */
const roff = (s: string) =>
  s
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/, '\\&$1');

/** The man page (section 1), for package.json's "man". */
export function manPage(version: string, date: string): string {
  const out = [
    `.TH STEPPE 1 "${date}" "steppe ${version}" "User Commands"`,
    '.SH NAME',
    'steppe \\- read and analyse a corpus of news articles in the terminal',
    '.SH SYNOPSIS',
    ...[DASHBOARD, ...COMMANDS].map((c) => `.B steppe${c.name ? ' ' + c.name : ''}\n${roff(c.usage)}\n.br`),
    '.SH DESCRIPTION',
    roff(
      'steppe parses raw scraped news articles into a clean corpus, finds the countries, people, organizations and places in it, and opens a keyboard-driven dashboard with panes for the article list, a reader, entity counts and cross-country comparisons, filtered live as you type. The plain commands print the same views for scripts.',
    ),
    '.SH COMMANDS',
  ];
  for (const c of [DASHBOARD, ...COMMANDS]) {
    out.push('.TP', `.B ${c.name ? roff(`steppe ${c.name}`) : 'steppe'} ${roff(c.usage)}`, roff(`${c.summary}.`));
    for (const d of c.details) out.push('.br', roff(d));
  }
  out.push('.SH OPTIONS');
  for (const f of Object.values(FLAGS) as FlagSpec[]) out.push('.TP', `.B ${roff(flagLabel(f))}`, roff(f.help));
  out.push('.SH EXIT STATUS');
  for (const [code, what] of EXIT_CODES) out.push('.TP', `.B ${code}`, roff(what));
  out.push(
    '.SH ENVIRONMENT',
    '.TP',
    '.B NO_COLOR',
    'a monochrome dashboard',
    '.TP',
    '.B STEPPE_CACHE_DIR, XDG_CACHE_HOME',
    'where parsed raw text and snapshots are cached',
    '.TP',
    '.B STEPPE_STATE_DIR, XDG_STATE_HOME',
    'where review marks are kept',
  );
  out.push('.SH EXAMPLES');
  for (const c of [DASHBOARD, ...COMMANDS]) for (const e of c.examples) out.push('.PP', roff(e));
  return out.join('\n') + '\n';
}
