#!/usr/bin/env node
/** steppe's command line: picks the subcommand; every failure is one line on stderr. */
// Subcommands are imported when used: the dashboard must not wait for the date parser or
// the gazetteer, and the plain commands must not wait for Ink.
import meow from 'meow';
import type { Io } from './commands/parse.js';
import type { Figures } from './analysis/figureStore.js';
import { UsageError, UserError } from './io/errors.js';
import { openCorpus, type Opened } from './io/openCorpus.js';
import { bundledCorpus } from './paths.js';
import { sanitizeLine, terminalText, toJson } from './text/sanitize.js';
import type { MarksOf } from './commands/matching.js';
import { firstLine } from './text/firstLine.js';

const help = `
  Usage
    $ steppe [PATH…]                 open the dashboard (default: the bundled corpus)
    $ steppe parse PATH… [--out F]   raw text files or folders → corpus JSON
    $ steppe search QUERY [--json] [PATH…]
                                     articles matching QUERY (the dashboard's filter language)
    $ steppe compare [--json] [--query Q] [PATH…]
                                     countries compared: table, co-mentions, figures, timeline
    $ steppe export [--query Q] [--what articles|entities|compare|figures] --format csv|json|md [--out F] [PATH…]
                                     a filtered view as CSV, JSON or a Markdown table
    $ steppe entities [--type T] [--query Q] [--json] [PATH…]
                                     entities with article and mention counts

  PATH is a folder of .txt/.md files, a single text file, or a corpus.json.

  Options
    --out, -o FILE   write the parsed corpus to FILE (atomically) instead of stdout
    --verbose, -v    parse: say per file why each title, publisher, author and date was chosen
    --query, -q Q    compare, export or count entities of only the articles matching Q
    --what W         export: articles (default), entities, compare, figures
    --format, -f F   export: csv, json or md
    --type T         entities of one type: country, person, organization, place
    --json           machine-readable output
    --no-color       monochrome dashboard (also when NO_COLOR is set)
    --help           show this help
    --version        show the version

  Examples
    $ steppe parse data/raw --out data/corpus.json
    $ steppe data/corpus.json
`;

// Everything a command prints passes one gate: no escape sequence or control character from
// a corpus, a file name or an entity reaches the terminal. Data (--json, exports) is written
// as data: JSON escapes such characters itself (toJson); CSV and Markdown keep their text when
// piped or written to a file, and are made safe only when stdout is a terminal.
const io: Io & { data: (s: string) => void } = {
  stdout: (s) => process.stdout.write(terminalText(s)),
  stderr: (s) => process.stderr.write(terminalText(s)),
  data: (s) => process.stdout.write(process.stdout.isTTY ? terminalText(s) : s),
};

const KNOWN_OPTIONS = new Set(['--out', '-o', '--verbose', '-v', '--type', '--json', '--query', '-q', '--what', '--format', '-f', '--color', '--no-color', '--help', '--version']);

async function main(): Promise<number> {
  let argv = process.argv.slice(2);
  // a search query may start with "-" ("-taliban"): take it out before flags are read
  let searchQuery: string | undefined;
  if (argv[0] === 'search' && argv.length > 1) {
    const at = argv[1] === '--' ? 2 : 1;
    searchQuery = argv[at];
    argv = ['search', ...argv.slice(at + 1)];
  }
  // meow reports unknown flags over two lines; say it in one.
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-' && !KNOWN_OPTIONS.has(arg.split('=')[0]!)) {
      throw new UsageError(`unknown option ${arg} (see steppe --help)`);
    }
  }
  const cli = meow(help, {
    importMeta: import.meta,
    argv,
    flags: { out: { type: 'string', shortFlag: 'o' }, verbose: { type: 'boolean', shortFlag: 'v', default: false }, type: { type: 'string' }, json: { type: 'boolean', default: false }, color: { type: 'boolean', default: true }, query: { type: 'string', shortFlag: 'q' }, what: { type: 'string' }, format: { type: 'string', shortFlag: 'f' } },
  });
  const [command, ...rest] = cli.input;
  if (command === 'parse') return (await import('./commands/parse.js')).runParse(rest, cli.flags.out, io, { verbose: cli.flags.verbose });
  if (command === 'search') {
    const query = searchQuery;
    if (query === undefined) throw new UsageError('search: give a query, e.g. steppe search "country:Tajikistan isis"');
    const { searchRows, searchTable } = await import('./commands/search.js');
    const { corpus, index, marks } = await openForCommand(rest);
    const rows = searchRows(corpus, query, index, marks);
    if (cli.flags.json) io.data(toJson(rows) + '\n');
    else io.stdout(searchTable(rows, query));
    return 0;
  }
  if (command === 'export') {
    const ex = await import('./commands/export.js');
    const what = ex.parseWhat(cli.flags.what);
    const format = ex.parseFormat(cli.flags.format);
    const { corpus, index, marks } = await openForCommand(rest);
    const text = ex.formatTable(ex.exportTable(ex.filtered(corpus, cli.flags.query, marks, index), what, marks), format);
    if (cli.flags.out) {
      const { writeTextFile } = await import('./io/corpusFile.js');
      writeTextFile(cli.flags.out, text);
      io.stderr(`exported ${what} → ${sanitizeLine(cli.flags.out)}\n`);
    } else io.data(text);
    return 0;
  }
  if (command === 'compare') {
    const { comparison, comparisonJson, comparisonText } = await import('./commands/compare.js');
    const { corpus, index, marks } = await openForCommand(rest);
    const c = comparison(corpus, cli.flags.query, index, marks);
    if (cli.flags.json) io.data(comparisonJson(c));
    else io.stdout(comparisonText(c));
    return 0;
  }
  if (command === 'entities') {
    const { entitiesJson, entitiesTable, parseType } = await import('./commands/entities.js');
    const { matchingArticles } = await import('./commands/matching.js');
    const type = parseType(cli.flags.type);
    const { corpus, index, marks } = await openForCommand(rest);
    const articles = matchingArticles(corpus, cli.flags.query, index, marks, '--query');
    if (cli.flags.json) io.data(entitiesJson(articles, type));
    else io.stdout(entitiesTable(articles, type));
    return 0;
  }
  // React's production build, not its much slower development build
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' });
  // Ink takes a few hundred milliseconds to load (its layout engine is WebAssembly): start
  // loading it now, while the corpus is read
  const ui = Promise.all([import('./ui/model.js'), import('./ui/run.js'), import('./ui/theme.js')]);
  ui.catch(() => undefined);
  const opened = await loadWithWarnings(cli.input);
  const { corpus, warnings, index, remember } = opened;
  // `steppe -` reads the corpus from a pipe; the keyboard is then the terminal itself
  let keyboard: NodeJS.ReadStream = process.stdin;
  if (!process.stdin.isTTY && process.stdout.isTTY && cli.input.includes('-')) {
    try {
      const [{ openSync }, tty] = await Promise.all([import('node:fs'), import('node:tty')]);
      keyboard = new tty.ReadStream(openSync('/dev/tty', 'r'));
    } catch {
      // no terminal to read keys from: reported below
    }
  }
  if (!keyboard.isTTY || !process.stdout.isTTY) {
    io.stderr('steppe: not a terminal, so no dashboard; for plain output use `steppe search QUERY` or `steppe entities`\n');
    return 2;
  }
  const [{ prepareModel }, { runDashboard }, { themeFor }] = await ui;
  // the first open of a large corpus.json: shown at once, indexed between key presses, and
  // kept as a snapshot on the way out so that the next open is quick
  const firstOpen = !index && remember !== undefined;
  if (firstOpen) io.stderr(`steppe: indexing ${corpus.articles.length.toLocaleString('en')} articles while the dashboard opens; this file will open quicker next time\n`);
  // figures extracted before the snapshot exists are kept until it is written
  let figuresMeanwhile: Figures | undefined;
  const preloaded = firstOpen ? { ...opened, rememberFigures: (f: Figures) => void (figuresMeanwhile = f) } : opened;
  const model = prepareModel(corpus, cli.input.length ? cli.input.join(', ') : 'bundled corpus', warnings, preloaded, { indexLater: firstOpen });
  const { reviewFor, outsideFor } = await import('./commands/dashboard.js');
  const review = await reviewFor(cli.input.length ? cli.input : [bundledCorpus], corpus);
  const code = await runDashboard(model, themeFor(process.env, cli.flags.color), { review, outside: outsideFor(corpus, review, () => model.index), stdin: keyboard });
  if (firstOpen && model.indexProgress() === null) {
    io.stderr('steppe: keeping a snapshot of this corpus for a quicker next open…\n');
    remember(model);
    if (figuresMeanwhile) opened.rememberFigures?.(figuresMeanwhile);
  }
  return code;
}

/** What a plain command needs: the corpus the user named (or the bundled one), its index if it came with one, and the review marks the dashboard keeps for it. */
async function openForCommand(paths: string[]): Promise<Omit<Opened, 'warnings'> & { marks: MarksOf }> {
  const opened = await loadWithWarnings(paths);
  const { reviewFor } = await import('./commands/dashboard.js');
  const review = await reviewFor(paths.length ? paths : [bundledCorpus], opened.corpus);
  if (review.message) io.stderr(`steppe: ${review.message}\n`);
  return { ...opened, marks: (id) => review.get(id) };
}

async function loadWithWarnings(paths: string[]): Promise<Omit<Opened, 'warnings'> & { warnings: number }> {
  const named = paths.length ? paths : [bundledCorpus];
  const opened = await openCorpus(named);
  for (const w of opened.warnings) io.stderr(`steppe: ${sanitizeLine(w.file)}: ${sanitizeLine(w.message)}\n`);
  if (opened.corpus.articles.length === 0) throw new UserError('no articles could be read from ' + named.map(sanitizeLine).join(', '));
  return { ...opened, warnings: opened.warnings.length };
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `steppe … | head` closes the pipe early: not an error worth reporting.
  if (e.code === 'EPIPE') process.exit(0);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof UserError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`steppe: ${sanitizeLine(firstLine(message))}\n`);
    process.exitCode = e instanceof UsageError ? 2 : e instanceof UserError ? 1 : 70;
  },
);
