/**
 * `steppe [PATH…]`: the dashboard on an opened Session — its keyboard (the terminal itself when
 * the corpus comes down a pipe), its exports to files and the clipboard, and the snapshot kept
 * on the way out.
 */
import path from 'node:path';
import { exportTable, type What } from '../analysis/exportTable.js';
import { writeTextFile } from '../io/corpusFile.js';
import { openerFor, startOpener } from '../io/openAddress.js';
import type { MentionType } from '../corpus/types.js';
import type { Session } from '../session/session.js';
import { formatTable } from '../text/tableFormats.js';
import type { Outside } from '../ui/effects.js';
import type { CommandIo } from './io.js';
import { openForCommand } from './open.js';
import { recordSeen, seenFileFor } from '../review/seen.js';
import { keyProblemLine, loadConfig } from '../config/configFile.js';
import { sanitizeLine } from '../text/sanitize.js';
import { selection } from './matching.js';
import { isEmptyQuery, parseQuery } from '../search/query.js';

function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows per slice of an articles or figures export: a key pressed meanwhile waits for one slice. */
const EXPORT_SLICE = 2000;

/**
 * The table of a view, made between key presses: what it needs that the background work has
 * not finished yet (a large corpus's index or figures) is finished a slice at a time, then
 * an articles or figures table is made a few thousand rows at a time.
 */
export async function exportInSlices(session: Session, what: What, query: string, options: { type?: MentionType } = {}) {
  while (!session.work(8)) await nextTurn();
  const ids = selection(session, query);
  // tables summed over the selection are one pass; row tables are made a slice at a time
  if (what !== 'articles' && what !== 'figures') return exportTable(session, what, ids, options);
  const table = exportTable(session, what, []);
  for (let at = 0; at < ids.length; at += EXPORT_SLICE) {
    await nextTurn();
    table.rows.push(...exportTable(session, what, ids.slice(at, at + EXPORT_SLICE)).rows);
  }
  return table;
}

/** OSC 52: the terminal sets its clipboard, even over SSH. */
function copy(text: string) {
  process.stdout.write(`\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`);
}

/** A view's table, made as the dashboard's corpus makes it (in memory, or from a database's answers). */
type ViewTable = (what: What, query: string, options: { type?: MentionType }) => Promise<ReturnType<typeof exportTable>>;

/** Exports into the working directory (`tableOf` makes each), the terminal's clipboard and the browser. */
export function outsideFor(tableOf: ViewTable, browser: string | null = null): Outside {
  return {
    async exportView(what: What, query: string, options: { type?: MentionType } = {}) {
      const file = `steppe-${options.type ?? what}-${stamp()}.csv`;
      const table = await tableOf(what, query, options);
      await nextTurn();
      writeTextFile(file, formatTable(table, 'csv'));
      return path.join('.', file);
    },
    copy,
    async openAddress(url: string) {
      // the config file's browser before $BROWSER
      const opener = openerFor(url, browser ? { ...process.env, BROWSER: browser } : process.env);
      if (!opener) {
        copy(url);
        return `no browser on this screen (SSH or a console): address sent to the clipboard (OSC 52): ${url}`;
      }
      await startOpener(opener);
      return `opened in ${path.basename(opener.command)}: ${url}`;
    },
  };
}

/** The keyboard: stdin, or the terminal itself when the corpus is read from a pipe (`steppe -`). */
async function keyboardFor(paths: string[]): Promise<NodeJS.ReadStream> {
  if (process.stdin.isTTY || !process.stdout.isTTY || !paths.includes('-')) return process.stdin;
  try {
    const [{ openSync }, tty] = await Promise.all([import('node:fs'), import('node:tty')]);
    return new tty.ReadStream(openSync('/dev/tty', 'r'));
  } catch {
    // no terminal to read keys from: the caller says so
    return process.stdin;
  }
}

/** The UI's modules: loaded while the corpus is read or the database reached (Ink's layout engine takes a few hundred milliseconds). */
function loadUi() {
  const ui = Promise.all([import('../ui/model.js'), import('../ui/run.js'), import('../ui/theme.js'), import('../ui/keymap.js')]);
  ui.catch(() => undefined);
  return ui;
}
type Ui = Awaited<ReturnType<typeof loadUi>>;

/** The config file read (a broken one is said and the defaults run: it never stops the dashboard). */
async function configOf(io: CommandIo) {
  const loaded = await loadConfig();
  for (const p of loaded.problems) io.stderr(`steppe: ${p}\n`);
  return loaded;
}

/** What either dashboard runs with: the theme, the keys (remapped), the pager, the mouse, the first message. */
function settingsOf(ui: Ui, loaded: Awaited<ReturnType<typeof loadConfig>>, flags: { color?: boolean; mouse?: boolean }, io: CommandIo) {
  const { file, config, problems } = loaded;
  const [, , { themeFor, themeWith }, { remapKeys }] = ui;
  const remapped = remapKeys(config.keys);
  const keyProblems = remapped.problems.map((p) => keyProblemLine(file, config.keyLines.get(p.name) ?? null, p.problem));
  for (const p of keyProblems) io.stderr(`steppe: ${p}\n`);
  const said = [...problems, ...keyProblems];
  return {
    theme: themeWith(themeFor(process.env, flags.color ?? true), config.colors),
    // --mouse / --no-mouse before the config file
    mouse: flags.mouse ?? config.mouse ?? true,
    pager: config.pager ?? process.env.PAGER ?? 'less',
    keymap: remapped.keymap,
    initial: {
      ...(config.sort ? { sort: config.sort } : {}),
      // the whole path was said on the terminal; the status line keeps room for the problem
      ...(said.length
        ? {
            message: `config: ${sanitizeLine(said[0]!.replace(sanitizeLine(file), path.basename(file)))}${said.length > 1 ? ` (and ${said.length - 1} more; steppe config --print)` : ''}`,
          }
        : {}),
    },
  };
}

const NOT_A_TERMINAL = 'steppe: not a terminal, so no dashboard; for plain output use `steppe search QUERY` or `steppe entities`\n';

export async function runDashboardCommand(paths: string[], flags: { color?: boolean; mouse?: boolean }, io: CommandIo): Promise<number> {
  // React's production build, not its much slower development build
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' });
  // start loading Ink now, while the corpus is read
  const ui = loadUi();
  const loaded = await configOf(io);
  const session = await openForCommand(paths, io, { indexLater: true, readLater: true, entitiesLater: true });
  const keyboard = await keyboardFor(paths);
  if (!keyboard.isTTY || !process.stdout.isTTY) {
    io.stderr(NOT_A_TERMINAL);
    return 2;
  }
  if (session.progress().index !== null)
    io.stderr(`steppe: indexing ${session.articles.length.toLocaleString('en')} articles while the dashboard opens; this file will open quicker next time\n`);
  const modules = await ui;
  const [{ prepareModel }, { runDashboard }] = modules;
  const settings = settingsOf(modules, loaded, flags, io);
  // the next open's is:new is what this corpus gains from now on: recorded now (this open's
  // new articles are already known), so that a crash or a kill does not lose it
  if (session.review) {
    const failed = recordSeen(
      seenFileFor(session.review.file),
      session.articles.map((a) => a.id),
    );
    if (failed) io.stderr(`steppe: could not record which articles this open saw (the next is:new will count from an earlier open): ${sanitizeLine(failed)}\n`);
  }
  const model = prepareModel(session);
  const code = await runDashboard(model, settings.theme, {
    ...settings,
    review: session.review ?? undefined,
    outside: outsideFor((what, query, options) => exportInSlices(session, what, query, options), loaded.config.browser),
    stdin: keyboard,
  });
  session.keep((message) => io.stderr(`steppe: ${message}\n`));
  return code;
}

/**
 * `steppe --db URL`: the dashboard over a corpus in PostgreSQL. Only what is on screen is
 * read: a page of the list, the article open, the tables' aggregations; review marks stay in
 * the user's state file for the database, as the plain commands keep them.
 */
export async function runDashboardDb(url: string, flags: { color?: boolean; mouse?: boolean }, io: CommandIo): Promise<number> {
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' });
  const ui = loadUi();
  const loaded = await configOf(io);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    io.stderr(NOT_A_TERMINAL);
    return 2;
  }
  const [{ openPg }, { shownUrl }, { ReviewStore, stateFileFor }, { Answers }, { RemoteModel }, { remoteSelectors }, { dbTable }] = await Promise.all([
    import('../backend/pg/pgBackend.js'),
    import('../backend/pg/connect.js'),
    import('../review/store.js'),
    import('../ui/remote/answers.js'),
    import('../ui/remote/remoteModel.js'),
    import('../ui/remote/remoteSelectors.js'),
    import('./dbCommands.js'),
  ]);
  // a wrong URL, a refused connection, a missing schema: said in one line before the screen changes
  const db = await openPg(url);
  const answers = new Answers();
  try {
    const review = new ReviewStore(stateFileFor(`db:${shownUrl(url)}`));
    await review.load();
    const modules = await ui;
    const settings = settingsOf(modules, loaded, flags, io);
    const model = new RemoteModel(shownUrl(url));
    // x exports the view from the database's answers, as export --db does
    const outside = outsideFor((what, query, options) => {
      const parsed = parseQuery(query, (name) => review.savedSearch(name));
      return dbTable(db, review, what, parsed.ok && !isEmptyQuery(parsed.query) ? parsed.query : null, options);
    }, loaded.config.browser);
    return await modules[1].runDashboard(model, settings.theme, {
      ...settings,
      review,
      outside,
      selectors: remoteSelectors(db, model, answers, review),
    });
  } finally {
    answers.close();
    await db.close().catch(() => undefined);
  }
}
