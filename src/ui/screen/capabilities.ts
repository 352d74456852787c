/**
 * What the terminal can be trusted with, from $TERM: xterm-compatible terminals, tmux, screen,
 * the Linux console (and mosh, which presents itself as xterm) take cursor moves and scroll
 * regions, so a frame sends only what changed; a dumb or unknown terminal gets each frame whole.
 */
export interface Capabilities {
  /** send only the changed cells */
  diff: boolean;
  /** scroll regions (DECSTBM) with index / reverse index */
  scroll: boolean;
  /** synchronized output (DEC mode 2026): terminals that lack it ignore it */
  sync: boolean;
  /** SGR mouse reports (modes 1000 + 1006): the Linux console and VTs would send the old encoding, read as keys */
  mouse: boolean;
}

const KNOWN =
  /^(xterm|screen|tmux|rxvt|urxvt|linux|vt(100|102|220|320|420|520)|alacritty|kitty|foot|wezterm|st|konsole|gnome|putty|iterm|contour|ghostty|ms-terminal|mintty|cygwin)/;

export function capabilitiesOf(env: NodeJS.ProcessEnv = process.env): Capabilities {
  const term = (env.TERM ?? '').toLowerCase();
  const known = KNOWN.test(term);
  const off = env.STEPPE_FULL_FRAMES === '1';
  const console = term.startsWith('linux') || term.startsWith('vt');
  return { diff: known && !off, scroll: known && !off && !term.startsWith('linux'), sync: known, mouse: known && !console };
}
