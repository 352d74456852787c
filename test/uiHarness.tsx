/**
 * Rendering the dashboard for tests: ink-testing-library at its fixed 100 columns, and a
 * small harness (the library's own pattern) with any terminal size and resize events.
 */
import { render as itlRender } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { readFileSync } from 'node:fs';
import { App } from '../src/ui/App.js';
import type { Keymap } from '../src/ui/keymap.js';
import type { UiState } from '../src/ui/state.js';
import type { Outside, Review } from '../src/ui/effects.js';
import type { Mark, MarkChange } from '../src/review/marks.js';
import { prepareModel, type MemoryModel, type Model } from '../src/ui/model.js';
import type { FakeStdout } from '../src/ui/fakeTerminal.js';
import { renderOffscreen } from '../src/ui/offscreen.js';
import { sessionOf, type SessionOptions } from '../src/session/session.js';
import { SizeContext, type Size } from '../src/ui/size.js';
import { MONO, type Theme } from '../src/ui/theme.js';
import { bundledCorpus } from '../src/paths.js';
import type { Corpus } from '../src/corpus/types.js';
import type { Selectors } from '../src/ui/selectors.js';

export const K = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', enter: '\r', esc: '\x1b', tab: '\t', backspace: '\x7f', pgDn: '\x1b[6~' };

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The dashboard's model of a corpus opened in memory (no files, no review marks). */
export function modelOf(corpus: Corpus, label: string, options: SessionOptions = {}): MemoryModel {
  return prepareModel(sessionOf(corpus, { label, ...options }));
}

let bundled: MemoryModel | undefined;
export function bundledModel(): MemoryModel {
  bundled ??= modelOf(JSON.parse(readFileSync(bundledCorpus, 'utf8')) as Corpus, 'bundled corpus');
  return bundled;
}

export interface Screen {
  lastFrame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  unmount(): void;
}

async function settle() {
  await macrotask();
  await macrotask();
}

/** ink-testing-library, 100 columns; the app is told the size through context. */
export async function renderApp(
  options: {
    model?: Model;
    theme?: Theme;
    size?: Size;
    review?: Review;
    outside?: Outside;
    keymap?: Keymap;
    initial?: Partial<UiState>;
    selectors?: Selectors;
  } = {},
): Promise<Screen> {
  const size = options.size ?? { columns: 100, rows: 30 };
  const r = itlRender(
    <SizeContext.Provider value={size}>
      <App
        model={options.model ?? bundledModel()}
        theme={options.theme ?? MONO}
        review={options.review}
        outside={options.outside}
        keymap={options.keymap}
        initial={options.initial}
        {...(options.selectors ? { selectors: options.selectors } : {})}
      />
    </SizeContext.Provider>,
  );
  await settle();
  return screenOf(r.stdin, () => stripAnsi(r.lastFrame() ?? ''), r.unmount);
}

function screenOf(stdin: { write(s: string): void }, frame: () => string, unmount: () => void): Screen {
  return {
    lastFrame: frame,
    async press(...keys) {
      for (const k of keys) {
        stdin.write(k);
        await settle();
      }
    },
    async type(text) {
      for (const ch of text) {
        stdin.write(ch);
        await settle();
      }
    },
    unmount,
  };
}

export interface SizedScreen extends Screen {
  stdout: FakeStdout;
  exited: Promise<unknown>;
}

/** Any terminal size, with resize: the app reads the size from this fake stdout. */
export async function renderSized(columns: number, rows: number, model = bundledModel(), options: { review?: Review } = {}): Promise<SizedScreen> {
  const { stdout, stdin, instance } = renderOffscreen(model, { columns, rows, ...options });
  await settle();
  const screen = screenOf(
    stdin,
    () => stripAnsi(stdout.frames[stdout.frames.length - 1] ?? ''),
    () => instance.unmount(),
  );
  return { ...screen, stdout, exited: instance.waitUntilExit() };
}

/** The widest line of a frame, in terminal columns. */
export function widestLine(frame: string): number {
  return Math.max(0, ...frame.split('\n').map((l) => stringWidth(l)));
}

/** An in-memory review store with the real one's interface. */
export function memoryReview(): Review & { marks: Map<string, Mark> } {
  const marks = new Map<string, Mark>();
  const searches = new Map<string, string>();
  const listeners = new Set<() => void>();
  const changed = () => {
    review.version++;
    for (const l of listeners) l();
  };
  const apply = (id: string, change: MarkChange) => {
    const { tags: ops, ...fields } = change;
    const tags = new Set(marks.get(id)?.tags);
    for (const [tag, on] of ops ?? []) on ? tags.add(tag) : tags.delete(tag);
    const next: Mark = { ...marks.get(id), ...fields };
    if ('note' in change && !change.note) delete next.note;
    if (tags.size) next.tags = [...tags].sort();
    else delete next.tags;
    marks.set(id, next);
  };
  const review = {
    marks,
    version: 0,
    message: null,
    get: (id: string) => marks.get(id),
    async set(id: string, change: MarkChange) {
      apply(id, change);
      changed();
    },
    async setMany(changes: readonly (readonly [string, MarkChange])[]) {
      for (const [id, change] of changes) apply(id, change);
      changed();
    },
    tags() {
      const count = new Map<string, number>();
      for (const m of marks.values()) for (const t of m.tags ?? []) count.set(t, (count.get(t) ?? 0) + 1);
      return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    },
    savedSearches: () => [...searches].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    savedSearch: (name: string) => searches.get(name),
    async saveSearch(name: string, query: string) {
      if (query) searches.set(name, query);
      else searches.delete(name);
      changed();
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return review;
}
