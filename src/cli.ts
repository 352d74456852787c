#!/usr/bin/env node
/** steppe's command line: reads the arguments, runs one command; every failure is one line on stderr. */
// Commands are imported when used: the dashboard must not wait for the date parser or the
// gazetteer, and the plain commands must not wait for Ink.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import meow from 'meow';
import type { CommandIo } from './commands/io.js';
import { commandNamed, FLAGS } from './commands/spec.js';
import { dbUrlOf } from './commands/load.js';
import { UsageError, UserError } from './io/errors.js';
import { packageRoot } from './paths.js';
import type { Session } from './session/session.js';
import { firstLine } from './text/firstLine.js';
import { sanitizeLine, terminalText } from './text/sanitize.js';

// Everything a command prints passes one gate: no escape sequence or control character from
// a corpus, a file name or an entity reaches the terminal. Data (--json, exports) is written
// as data: JSON escapes such characters itself (toJson); CSV and Markdown keep their text when
// piped or written to a file, and are made safe only when stdout is a terminal.
const io: CommandIo = {
  stdout: (s) => process.stdout.write(terminalText(s)),
  stderr: (s) => process.stderr.write(terminalText(s)),
  data: (s) => process.stdout.write(process.stdout.isTTY ? terminalText(s) : s),
  ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
};

/** Every option as typed: --name, -s, and --color beside --no-color (--mouse beside --no-mouse). */
const KNOWN_OPTIONS = new Set(['--color', '--mouse', ...Object.values(FLAGS).flatMap((f) => [`--${f.name}`, ...('short' in f ? [`-${f.short}`] : [])])]);

/** Options followed by their value ("--out FILE", "-q Q"). */
const TAKES_VALUE = new Set(Object.values(FLAGS).flatMap((f) => ('value' in f ? [`--${f.name}`, ...('short' in f ? [`-${f.short}`] : [])] : [])));
/** the commands that read (or, load, write) a corpus in PostgreSQL */
const DB_COMMANDS = new Set(['search', 'entities', 'compare', 'kwic', 'collocates', 'export', 'load']);

function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function openFor(paths: string[]): Promise<Session> {
  const { openForCommand } = await import('./commands/open.js');
  const session = await openForCommand(paths, io);
  if (session.review?.message) io.stderr(`steppe: ${session.review.message}\n`);
  return session;
}

async function main(): Promise<number> {
  let argv = process.argv.slice(2);
  // a search query may start with "-" ("-taliban"): the first argument after `search` that is
  // no option (or the one after --) is taken out before flags are read
  let searchQuery: string | undefined;
  if (argv[0] === 'search' || argv[0] === 'kwic' || argv[0] === 'collocates') {
    for (let at = 1; at < argv.length; at++) {
      const arg = argv[at]!;
      if (arg === '--') at++;
      else if (KNOWN_OPTIONS.has(arg.split('=')[0]!)) {
        if (TAKES_VALUE.has(arg) && !arg.includes('=')) at++;
        continue;
      }
      if (at < argv.length) {
        searchQuery = argv[at];
        argv = [...argv.slice(0, at - (argv[at - 1] === '--' ? 1 : 0)), ...argv.slice(at + 1)];
      }
      break;
    }
  }
  // meow reports unknown flags over two lines; say it in one.
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-' && !KNOWN_OPTIONS.has(arg.split('=')[0]!)) throw new UsageError(`unknown option ${arg} (see steppe --help)`);
  }
  const { helpText, commandHelp } = await import('./commands/help.js');
  const cli = meow(helpText(), {
    importMeta: import.meta,
    argv,
    autoHelp: false,
    autoVersion: false,
    // a boolean flag not given is absent (--mouse: then the config file decides), not false
    booleanDefault: undefined,
    flags: {
      out: { type: 'string', shortFlag: 'o' },
      verbose: { type: 'boolean', default: false },
      type: { type: 'string' },
      json: { type: 'boolean', default: false },
      print: { type: 'boolean', default: false },
      db: { type: 'string' },
      migrate: { type: 'boolean', default: false },
      color: { type: 'boolean', default: true },
      // no default: absent, the config file's mouse setting decides
      mouse: { type: 'boolean' },
      query: { type: 'string', shortFlag: 'q' },
      what: { type: 'string' },
      format: { type: 'string', shortFlag: 'f' },
      sort: { type: 'string' },
      window: { type: 'string' },
      min: { type: 'string' },
      help: { type: 'boolean', shortFlag: 'h', default: false },
      version: { type: 'boolean', shortFlag: 'v', default: false },
    },
  });
  const { flags } = cli;
  const [command, ...rest] = cli.input;
  const named = command !== undefined && commandNamed(command) !== undefined;
  if (flags.version) {
    io.stdout(version() + '\n');
    return 0;
  }
  if (flags.help || command === 'help') {
    const about = command === 'help' ? rest[0] : named ? command : undefined;
    const text = about === undefined ? helpText() : commandHelp(about);
    if (text === null) throw new UsageError(`help: no command "${sanitizeLine(about!)}" (see steppe --help)`);
    io.stdout(text + '\n');
    return 0;
  }
  // --db so far reads these (and load writes); elsewhere it is said, not ignored
  if (flags.db !== undefined && named && !DB_COMMANDS.has(command ?? ''))
    throw new UsageError(
      `${command && named ? command : 'the dashboard'} --db: not yet; ${[...DB_COMMANDS].join(', ')} take --db (the rest read the corpus into memory)`,
    );
  switch (command) {
    case 'parse':
      return (await import('./commands/parse.js')).runParse(rest, flags.out, io, { verbose: flags.verbose });
    case 'search': {
      if (searchQuery === undefined) throw new UsageError('search: give a query, e.g. steppe search "country:Tajikistan isis"');
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('search --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runSearchDb(db, searchQuery, flags, io);
      }
      const { runSearch } = await import('./commands/search.js');
      return runSearch(await openFor(rest), searchQuery, flags, io);
    }
    case 'load': {
      const db = dbUrlOf(flags.db);
      if (db === null) throw new UsageError('load: give --db URL (or set STEPPE_DB), e.g. steppe load data/raw --db postgres://me@/news --migrate');
      // --migrate alone creates or upgrades the schema
      if (!rest.length && !flags.migrate) throw new UsageError('load: give the corpus to load (PATH…), or --migrate alone to create or upgrade the schema');
      return (await import('./commands/load.js')).runLoad(rest.length ? await openFor(rest) : null, db, flags, io);
    }
    case 'kwic': {
      if (searchQuery === undefined) throw new UsageError('kwic: give a word or a "phrase", e.g. steppe kwic "foreign fighters"');
      const { runKwic, parseSort, parseCount } = await import('./commands/kwic.js');
      // bad values are said before the corpus is read
      parseSort(flags.sort);
      parseCount('window', flags.window, 0);
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('kwic --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runKwicDb(db, searchQuery, flags, io);
      }
      return runKwic(await openFor(rest), searchQuery, flags, io);
    }
    case 'collocates': {
      if (searchQuery === undefined) throw new UsageError('collocates: give a word or a "phrase", e.g. steppe collocates extremism');
      const { runCollocates } = await import('./commands/collocates.js');
      const { parseCount } = await import('./commands/kwic.js');
      parseCount('window', flags.window, 0);
      parseCount('min', flags.min, 0);
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('collocates --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runCollocatesDb(db, searchQuery, flags, io);
      }
      return runCollocates(await openFor(rest), searchQuery, flags, io);
    }
    case 'export': {
      const { runExport, parseFormat, parseWhat } = await import('./commands/export.js');
      // a bad --what or --format is said before the corpus is read
      parseWhat(flags.what);
      parseFormat(flags.format);
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('export --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runExportDb(db, flags, io);
      }
      return runExport(await openFor(rest), flags, io);
    }
    case 'compare': {
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('compare --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runCompareDb(db, flags, io);
      }
      return (await import('./commands/compare.js')).runCompare(await openFor(rest), flags, io);
    }
    case 'entities': {
      const { runEntities, parseType } = await import('./commands/entities.js');
      parseType(flags.type);
      const db = dbUrlOf(flags.db);
      if (db !== null) {
        if (rest.length) throw new UsageError('entities --db: the corpus is the database; give no PATH');
        return (await import('./commands/dbCommands.js')).runEntitiesDb(db, flags, io);
      }
      return runEntities(await openFor(rest), flags, io);
    }
    case 'config':
      if (!flags.print) throw new UsageError('config: give --print (the settings in force)');
      return (await import('./commands/config.js')).runConfig(io);
    case 'completion':
      io.data((await import('./commands/completion.js')).completionScript(rest[0]));
      return 0;
    default: {
      // the dashboard: over the database with --db (or STEPPE_DB and no PATH), else over files
      const db = flags.db !== undefined || !cli.input.length ? dbUrlOf(flags.db) : null;
      if (db !== null) {
        if (cli.input.length) throw new UsageError('--db: the corpus is the database; give no PATH');
        return (await import('./commands/dashboard.js')).runDashboardDb(db, flags, io);
      }
      return (await import('./commands/dashboard.js')).runDashboardCommand(cli.input, flags, io);
    }
  }
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
