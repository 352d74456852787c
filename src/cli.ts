#!/usr/bin/env node
/** steppe's command line: picks the subcommand; every failure is one line on stderr. */
// Subcommands are imported when used: the dashboard must not wait for the date parser or
// the gazetteer, and the plain commands must not wait for Ink.
import meow from 'meow';
import type { Io } from './commands/parse.js';
import type { Corpus } from './corpus/types.js';
import type { Figures } from './analysis/figureStore.js';
import { UsageError, UserError } from './io/errors.js';
import { openCorpus, type Opened } from './io/openCorpus.js';
import { bundledCorpus } from './paths.js';

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
    $ steppe entities [--type T] [--json] [PATH…]
                                     entities with article and mention counts

  PATH is a folder of .txt/.md files, a single text file, or a corpus.json.

  Options
    --out, -o FILE   write the parsed corpus to FILE (atomically) instead of stdout
    --query, -q Q    compare or export only the articles matching Q
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

const io: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

const KNOWN_OPTIONS = new Set(['--out', '-o', '--type', '--json', '--query', '-q', '--what', '--format', '-f', '--color', '--no-color', '--help', '--version']);

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
    flags: { out: { type: 'string', shortFlag: 'o' }, type: { type: 'string' }, json: { type: 'boolean', default: false }, color: { type: 'boolean', default: true }, query: { type: 'string', shortFlag: 'q' }, what: { type: 'string' }, format: { type: 'string', shortFlag: 'f' } },
  });
  const [command, ...rest] = cli.input;
  if (command === 'parse') return (await import('./commands/parse.js')).runParse(rest, cli.flags.out, io);
  if (command === 'search') {
    const query = searchQuery;
    const paths = rest;
    if (query === undefined) throw new UsageError('search: give a query, e.g. steppe search "country:Tajikistan isis"');
    const { searchRows, searchTable } = await import('./commands/search.js');
    const { corpus, index } = await loadWithWarnings(paths);
    const rows = searchRows(corpus, query, index);
    io.stdout(cli.flags.json ? JSON.stringify(rows, null, 2) + '\n' : searchTable(rows, query));
    return 0;
  }
  if (command === 'export') {
    const ex = await import('./commands/export.js');
    const what = ex.parseWhat(cli.flags.what);
    const format = ex.parseFormat(cli.flags.format);
    const { corpus, index } = await loadWithWarnings(rest);
    const text = ex.formatTable(ex.exportTable(ex.filtered(corpus, cli.flags.query, undefined, index), what), format);
    if (cli.flags.out) {
      const { writeTextFile } = await import('./io/corpusFile.js');
      await writeTextFile(cli.flags.out, text);
      io.stderr(`exported ${what} → ${cli.flags.out}\n`);
    } else io.stdout(text);
    return 0;
  }
  if (command === 'compare') {
    const { comparison, comparisonJson, comparisonText } = await import('./commands/compare.js');
    const { corpus, index } = await loadWithWarnings(rest);
    const c = comparison(corpus, cli.flags.query, index);
    io.stdout(cli.flags.json ? comparisonJson(c) : comparisonText(c));
    return 0;
  }
  if (command === 'entities') {
    const { entitiesJson, entitiesTable, parseType } = await import('./commands/entities.js');
    const type = parseType(cli.flags.type);
    const corpus = await load(rest);
    io.stdout(cli.flags.json ? entitiesJson(corpus, type) : entitiesTable(corpus, type));
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

/** The corpus the user named, or the bundled one; warnings go to stderr. */
async function load(paths: string[]): Promise<Corpus> {
  return (await loadWithWarnings(paths)).corpus;
}

async function loadWithWarnings(paths: string[]): Promise<Omit<Opened, 'warnings'> & { warnings: number }> {
  const named = paths.length ? paths : [bundledCorpus];
  const opened = await openCorpus(named);
  for (const w of opened.warnings) io.stderr(`steppe: ${w.file}: ${w.message}\n`);
  if (opened.corpus.articles.length === 0) throw new UserError('no articles could be read from ' + named.join(', '));
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
    process.stderr.write(`steppe: ${message.split('\n')[0]}\n`);
    process.exitCode = e instanceof UsageError ? 2 : e instanceof UserError ? 1 : 70;
  },
);
