/**
 * How `o` opens an article's address: with the user's browser where one can show (a desktop
 * session on this machine), and otherwise — over SSH, on a console, in a container — not at
 * all, since a browser started there would open on the wrong machine or draw over the dashboard;
 * the address then goes to the terminal's clipboard instead (OSC 52 reaches the user's machine).
 */
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
}

/** The command that opens `url` here, or null when no browser can show on this screen. */
export function openerFor(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Opener | null {
  // a remote login: a browser would start on the server, not in front of the user
  if (env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) return null;
  // $BROWSER (a colon-separated list, as xdg-utils and Python's webbrowser read it): its first entry
  const browser = env.BROWSER?.split(':').find((b) => b.trim());
  if (browser) {
    const [command, ...args] = browser.trim().split(/\s+/);
    // "%s" marks where the address goes; without it, the address is the last argument
    return args.some((a) => a.includes('%s'))
      ? { command: command!, args: args.map((a) => a.replace('%s', url)) }
      : { command: command!, args: [...args, url] };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // explorer, not `cmd /c start`: cmd would read & and | in the address as its own
  if (platform === 'win32') return { command: 'explorer.exe', args: [url] };
  // X11 or Wayland: a desktop that xdg-open hands the address to; a console has neither
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { command: 'xdg-open', args: [url] };
  return null;
}

/**
 * Starts the opener, detached and silent (its output would draw over the dashboard); resolves
 * once it started, rejects with why it could not.
 */
export function startOpener(opener: Opener): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
    child.once('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code === 'ENOENT' ? `${opener.command} not found` : e.message)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
