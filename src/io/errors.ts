/** An error caused by what the user asked for: reported as one line, never with a stack. */
export class UserError extends Error {}

/** A command line steppe cannot understand (exit code 2, as usual for usage errors). */
export class UsageError extends UserError {}
