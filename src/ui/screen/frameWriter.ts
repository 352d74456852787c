/**
 * The one writer of frames to the terminal: it keeps the screen it last sent and sends the
 * next frame as its difference (frameDiff), or whole after a resize, a redraw (Ctrl-L) or on
 * a terminal it does not trust. Ink hands it every frame (the patched `writeFrame` option).
 */
import { type Capabilities, capabilitiesOf } from './capabilities.js';
import { diffScreens, repaint, type Screen, screenOf } from './frameDiff.js';

const HIDE_CURSOR = '\x1b[?25l';
/** autowrap off: a grapheme a terminal draws wider than measured is cut at the margin, never wraps and scrolls the screen */
const NO_WRAP = '\x1b[?7l';
/** autowrap back on, for the shell after the dashboard */
export const WRAP = '\x1b[?7h';
const SYNC_START = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export interface FrameOutput {
  columns?: number;
  rows?: number;
  write(data: string): unknown;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

export class FrameWriter {
  private shown: Screen | undefined;
  private last = '';
  /** bytes written so far: what the benchmark reports per key */
  written = 0;
  /** sees each frame Ink meant to draw once it is sent (the test that checks the bytes, the bench that times keys) */
  onFrame: ((frame: string) => void) | null = null;
  private readonly onResize = () => this.invalidate();
  private held = false;

  constructor(
    private readonly out: FrameOutput,
    private readonly can: Capabilities = capabilitiesOf(),
  ) {
    out.on('resize', this.onResize);
  }

  private size() {
    return { columns: this.out.columns || 80, rows: this.out.rows || 24 };
  }

  /** Ink's frame: sent as what changed since the last, or whole. */
  readonly write = (frame: string): void => {
    if (this.held) {
      // the terminal is lent to another program: the frame is sent when it is given back
      this.last = frame;
      return;
    }
    const { columns, rows } = this.size();
    const next = screenOf(frame, columns, rows);
    this.last = frame;
    const whole = !this.shown || !this.can.diff;
    let bytes = whole ? HIDE_CURSOR + NO_WRAP + repaint(next) : diffScreens(this.shown as Screen, next, this.can);
    this.shown = next;
    if (bytes !== '') {
      if (this.can.sync) bytes = SYNC_START + bytes + SYNC_END;
      this.written += Buffer.byteLength(bytes);
      this.out.write(bytes);
    }
    this.onFrame?.(frame);
  };

  /** The next frame is sent whole (a resize, or the screen may hold something else). */
  invalidate(): void {
    this.shown = undefined;
  }

  /** Ctrl-L, the help overlay closed: the next frame sent whole, or the last one again if none follows. */
  redraw(): void {
    this.invalidate();
    setImmediate(() => {
      if (!this.shown && this.last) this.write(this.last);
    });
  }

  /** Nothing is sent until `release` (a piped command has the terminal). */
  hold(): void {
    this.held = true;
  }

  /** The terminal is back: the last frame sent whole. */
  release(): void {
    this.held = false;
    this.redraw();
  }

  close(): void {
    this.out.off('resize', this.onResize);
  }
}

/** Ink's render option, added by the project's patch to Ink: each frame handed to the writer. */
export function writeFrameOption(frames: FrameWriter): object {
  return { writeFrame: frames.write };
}
