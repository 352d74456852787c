/** The first line of an error's message (or of anything thrown): what a one-line message shows. */
export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
