/** Process exit codes: documented in the README and in `--help`. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** A bad argument or option combination: exit code 2, message on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}
