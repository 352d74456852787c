/** The dashboard rendered into an in-memory terminal of any size (tests, benches, the soak). */
import { render } from 'ink';
import { App } from './App.js';
import type { Outside, Review } from './effects.js';
import { FakeStdin, FakeStdout } from './fakeTerminal.js';
import type { Model } from './model.js';
import { MONO, type Theme } from './theme.js';

export interface Offscreen {
  stdout: FakeStdout;
  stdin: FakeStdin;
  instance: ReturnType<typeof render>;
}

export function renderOffscreen(
  model: Model,
  options: { columns?: number; rows?: number; theme?: Theme; review?: Review; outside?: Outside; stdout?: FakeStdout } = {},
): Offscreen {
  const stdout = options.stdout ?? new FakeStdout(options.columns ?? 120, options.rows ?? 40);
  const stdin = new FakeStdin();
  const instance = render(<App model={model} theme={options.theme ?? MONO} review={options.review} outside={options.outside} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { stdout, stdin, instance };
}
