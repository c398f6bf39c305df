// Typed errors of the pipeline. Recognised by `name` as well as `instanceof`, because
// prototypes do not survive worker threads or job queues (BullMQ's habit).

/** The scorer could not score a frame (down, cold, overloaded, timed out): retry later. */
export class ScorerUnavailableError extends Error {
  override readonly name = 'ScorerUnavailableError';
  readonly code = 'scorer_unavailable';
  readonly retryable = true;
  /** A hint from the scorer (Retry-After) or our last backoff, in seconds. */
  readonly retryAfterSec?: number;

  constructor(message: string, opts: { retryAfterSec?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (opts.retryAfterSec !== undefined) this.retryAfterSec = opts.retryAfterSec;
  }
}

/** The scorer refused our request (a 4xx other than 429): our bug, not retryable. */
export class ScorerRejectedError extends Error {
  override readonly name = 'ScorerRejectedError';
  readonly code = 'scorer_rejected';
  readonly retryable = false;
  /** The HTTP status the scorer answered with. */
  readonly status: number;

  constructor(message: string, status: number, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.status = status;
  }
}
