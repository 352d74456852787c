/**
 * `|` in the dashboard: an article's text piped to a shell command the user typed (`wc -w`,
 * `trans -b`, `tee ~/keep.txt`), its output kept for an overlay. The command runs under
 * /bin/sh -c (as newsboat's and mutt's pipes do); its error output also reaches the terminal
 * while it runs, where the dashboard has stepped aside for it.
 */
import { spawn } from 'node:child_process';

/** Output kept of each stream; the rest is read and dropped, so the command never blocks on a full pipe. */
export const PIPE_KEEP_BYTES = 1 << 20;

export interface PipeResult {
  stdout: string;
  stderr: string;
  /** how it ended: "exit 0", "exit 3", "stopped by SIGINT", "could not start: …" */
  status: string;
  ok: boolean;
  /** more output than was kept */
  cut: boolean;
}

/**
 * Runs `command` under /bin/sh with `input` as its standard input; `capture` keeps its output
 * (the overlay's), else it writes to the terminal itself (a pager). Resolves with how it ended.
 */
function runShell(command: string, input: string, options: { shell?: string; capture: boolean; echoErrors?: (chunk: Buffer) => void }): Promise<PipeResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let cut = false;
    const keep = (into: Buffer[], chunk: Buffer, have: number): number => {
      const room = PIPE_KEEP_BYTES - have;
      if (chunk.length > room) cut = true;
      if (room > 0) into.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
      return have + Math.min(room, chunk.length);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(options.shell ?? '/bin/sh', ['-c', command], { stdio: options.capture ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'inherit', 'inherit'] });
    } catch (e) {
      resolve({ stdout: '', stderr: '', status: `could not start: ${(e as Error).message}`, ok: false, cut: false });
      return;
    }
    let failed: string | null = null;
    child.on('error', (e) => {
      failed = e.message;
    });
    child.stdout?.on('data', (c: Buffer) => {
      outBytes = keep(out, c, outBytes);
    });
    child.stderr?.on('data', (c: Buffer) => {
      options.echoErrors?.(c);
      errBytes = keep(err, c, errBytes);
    });
    // a command that does not read all its input (`| date`, a pager left early) closes the pipe: an ordinary ending
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
    child.on('close', (code, signal) => {
      const status = failed !== null ? `could not start: ${failed}` : signal ? `stopped by ${signal}` : `exit ${code}`;
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        status,
        ok: failed === null && !signal && code === 0,
        cut,
      });
    });
  });
}

/** `|`: the output kept for the overlay; the error output also echoed (to the terminal, while it is the command's). */
export function runPiped(command: string, input: string, options: { shell?: string; echoErrors?: (chunk: Buffer) => void } = {}): Promise<PipeResult> {
  return runShell(command, input, { ...options, capture: true });
}

/** A pager (`less`): the terminal is its own. */
export function runInTerminal(command: string, input: string, options: { shell?: string } = {}): Promise<PipeResult> {
  return runShell(command, input, { ...options, capture: false });
}

/** Colour and cursor codes a command may send anyway: dropped, not shown as marks. */
const CSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** The output as overlay lines: tabs to 8-column stops, escape codes dropped (the rest is neutralised when drawn). */
export function outputLines(text: string): string[] {
  const lines = text.replace(CSI, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.replace(/[^\t]*\t/g, (run) => run.slice(0, -1).padEnd((Math.floor((run.length - 1) / 8) + 1) * 8)));
}
