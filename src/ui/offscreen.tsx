/** The dashboard rendered into an in-memory terminal of any size (tests, benches, the soak). */
import { render } from 'ink';
import { App } from './App.js';
import type { Outside, Review } from './effects.js';
import { FakeStdin, FakeStdout } from './fakeTerminal.js';
import type { Model } from './model.js';
import { MONO, type Theme } from './theme.js';
import type { Capabilities } from './screen/capabilities.js';
import { FrameWriter, writeFrameOption } from './screen/frameWriter.js';

export interface Offscreen {
  stdout: FakeStdout;
  stdin: FakeStdin;
  instance: ReturnType<typeof render>;
  /** with `diff`: the frame writer, whose bytes reach `stdout` */
  frames?: FrameWriter;
}

export function renderOffscreen(
  model: Model,
  options: {
    columns?: number;
    rows?: number;
    theme?: Theme;
    review?: Review;
    outside?: Outside;
    stdout?: FakeStdout;
    /** frames sent as a terminal gets them (only what changed), not whole */
    diff?: Capabilities;
    /** frames a second at most when `diff` is on: the dashboard's 30 unless a test wants every one */
    maxFps?: number;
  } = {},
): Offscreen {
  const stdout = options.stdout ?? new FakeStdout(options.columns ?? 120, options.rows ?? 40);
  const stdin = new FakeStdin();
  const frames = options.diff ? new FrameWriter(stdout, options.diff) : undefined;
  const outside = frames && options.outside ? { ...options.outside, redraw: () => frames.redraw() } : options.outside;
  const instance = render(<App model={model} theme={options.theme ?? MONO} review={options.review} outside={outside} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: !frames,
    maxFps: options.maxFps ?? 30,
    exitOnCtrlC: false,
    patchConsole: false,
    ...(frames ? writeFrameOption(frames) : {}),
  });
  return { stdout, stdin, instance, frames };
}
