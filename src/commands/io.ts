/** Where a command's output goes: text for a person (sanitised), and data (exports, --json). */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** data: as it is when piped or written to a file, sanitised only on a terminal */
  data(text: string): void;
  /** the terminal's width when stdout is one: tables for a person are fitted to it (piped: whole) */
  columns?: number;
}
