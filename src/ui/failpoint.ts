/**
 * A fault on demand, for the end-to-end test that proves a crash inside a component still
 * leaves the terminal clean: STEPPE_FAILPOINT=render makes the dashboard throw while drawing
 * the reader. Unset, it costs one comparison.
 */
export function failpoint(name: string, armed: boolean): void {
  if (armed && process.env.STEPPE_FAILPOINT === name) throw new Error(`failpoint "${name}" reached`);
}
