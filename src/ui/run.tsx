/**
 * Starting and leaving the dashboard: the alternate screen, render options that suit slow
 * links, and a terminal restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP, a crash).
 */
import { render } from 'ink';
import { App } from './App.js';
import type { Outside, Review } from './effects.js';
import type { Model } from './model.js';
import type { Theme } from './theme.js';
import { sanitizeLine } from '../text/sanitize.js';
import { firstLine } from '../text/firstLine.js';
import { UserError } from '../io/errors.js';
import { capabilitiesOf } from './screen/capabilities.js';
import { FrameWriter, WRAP, writeFrameOption } from './screen/frameWriter.js';
import { runInTerminal, runPiped } from '../io/pipeCommand.js';
import type { Keymap } from './keymap.js';
import type { UiState } from './state.js';
import type { Selectors } from './selectors.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
/** How long a signal waits for the last marks to be saved before steppe ends. */
const SIGNAL_SAVE_MS = 2000;
/** button presses (the wheel is buttons 64 and 65) reported in the SGR encoding, which has no column limit */
const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';
const LEAVE_ALT = `${MOUSE_OFF}\x1b[?25h${WRAP}\x1b[?1049l`;

export async function runDashboard(
  model: Model,
  theme: Theme,
  extras: {
    review?: Review;
    outside?: Outside;
    stdin?: NodeJS.ReadStream;
    mouse?: boolean;
    pager?: string;
    keymap?: Keymap;
    initial?: Partial<UiState>;
    /** the panes' data when the model has no session (a database's: --db) */
    selectors?: Selectors;
  } = {},
): Promise<number> {
  const keyboard = extras.stdin ?? process.stdin;
  const out = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      instance?.unmount();
    } catch {
      // already unmounted
    }
    if (keyboard.isTTY) keyboard.setRawMode?.(false);
    if (keyboard !== process.stdin) keyboard.destroy();
    out.write(LEAVE_ALT);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    const end = () => {
      // a hang-up is a terminal gone (an SSH link dropped): ending by the signal itself, as an
      // unhandled one does, skips node's reset of that terminal at exit, which aborts on it
      if (signal === 'SIGHUP') {
        process.removeAllListeners('SIGHUP');
        process.kill(process.pid, 'SIGHUP');
      } else process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    // the marks made so far reach the disk first, for a moment at most
    setTimeout(end, SIGNAL_SAVE_MS);
    void closeReview().finally(end);
  };
  const onCrash = (e: unknown) => {
    restore();
    // a damaged snapshot found while reading is the user's to hear of, in their words
    process.stderr.write(`steppe: ${e instanceof UserError ? '' : 'unexpected error: '}${firstLine(e)}\n`);
    // the marks made so far reach the disk first (or the user is told which did not)
    void closeReview().finally(() => process.exit(e instanceof UserError ? 1 : 70));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);

  let crashed: unknown;
  let closing: Promise<{ id: string; fields: string[] }[]> | undefined;
  const closeReview = () => (closing ??= Promise.resolve(extras.review?.close?.() ?? []).catch(() => []));
  const mouseOn = extras.mouse !== false && capabilitiesOf().mouse ? MOUSE_ON : '';
  // raw before the first frame: Ink sets it only in an effect after its first render, and a key
  // typed in between (or on a busy machine, a filter typed the moment the list shows) would be
  // echoed by the terminal, its Enter scrolling the screen under the frame writer
  if (keyboard.isTTY) keyboard.setRawMode?.(true);
  out.write(ENTER_ALT + mouseOn);
  let instance: ReturnType<typeof render> | undefined;
  try {
    // every frame goes through the frame writer, which sends only what changed
    const frames = new FrameWriter(out);
    /** Lends the terminal to a command (|): the main screen, cooked mode and Ctrl-C are its until it ends. */
    const suspendWhile = async <T,>(work: () => Promise<T>): Promise<T> => {
      frames.hold();
      if (keyboard.isTTY) keyboard.setRawMode?.(false);
      out.write(LEAVE_ALT);
      // Ctrl-C now stops the command (the terminal sends SIGINT to both): steppe stays
      process.off('SIGINT', onSignal);
      const ignore = () => undefined;
      process.on('SIGINT', ignore);
      try {
        return await work();
      } finally {
        process.off('SIGINT', ignore);
        process.on('SIGINT', onSignal);
        out.write(ENTER_ALT + mouseOn);
        if (keyboard.isTTY) keyboard.setRawMode?.(true);
        frames.release();
      }
    };
    const outside = extras.outside && {
      ...extras.outside,
      redraw: () => frames.redraw(),
      pipe: (command: string, input: string) =>
        suspendWhile(() => {
          out.write(`steppe: | ${sanitizeLine(command)}   (Ctrl-C stops it; its output shows in the dashboard)\n`);
          return runPiped(command, input, { echoErrors: (chunk) => process.stderr.write(chunk) });
        }),
      page: (input: string) => suspendWhile(() => runInTerminal(extras.pager ?? 'less', input)),
    };
    instance = render(
      <App
        model={model}
        theme={theme}
        review={extras.review}
        outside={outside}
        keymap={extras.keymap}
        initial={extras.initial}
        {...(extras.selectors ? { selectors: extras.selectors } : {})}
      />,
      {
        stdin: keyboard,
        exitOnCtrlC: false,
        patchConsole: false,
        maxFps: 30,
        ...writeFrameOption(frames),
      },
    );
    await instance.waitUntilExit();
  } catch (e) {
    // an error while drawing (a damaged snapshot read by the reader): said once the marks are saved
    crashed = e;
  } finally {
    restore();
  }
  // the last marks reach the disk before the process ends, or the user is told which did not
  const unsaved = await closeReview();
  if (unsaved.length === 0) {
    if (crashed !== undefined) throw crashed;
    return 0;
  }
  const titles = new Map(model.articles.map((a) => [a.id, a.title ?? a.file]));
  process.stderr.write(
    `steppe: ${unsaved.length} change${unsaved.length === 1 ? '' : 's'} to review marks not saved (${extras.review?.failure ?? 'unknown reason'}):\n`,
  );
  for (const u of unsaved) process.stderr.write(`  ${sanitizeLine(titles.get(u.id) ?? u.id)}: ${u.fields.join(', ')}\n`);
  if (crashed !== undefined) throw crashed;
  return 1;
}
