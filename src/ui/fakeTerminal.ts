/**
 * An in-memory terminal for rendering the dashboard without a TTY (tests, the benchmark):
 * a stdout of any size that records frames and can be resized, and a stdin to type into.
 * The same shape as ink-testing-library's, which is fixed at 100 columns.
 */
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  /** how many recent frames to keep (a long soak keeps few, so it measures the app's heap) */
  keepFrames = Infinity;
  isTTY = true;
  /** called on every write, e.g. to time how long a key takes to reach the screen */
  onWrite: (() => void) | null = null;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    if (this.frames.length > this.keepFrames) this.frames.splice(0, this.frames.length - this.keepFrames);
    this.onWrite?.();
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
