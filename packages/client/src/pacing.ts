// How long to wait: between polls (growing), after a 503's Retry-After, and whether a run of
// transient failures has lasted too long. Pure, so the rules are tested without a clock.

export interface PollPacing {
  /** The first pause between polls (ms). Default 500. */
  firstMs?: number;
  /** The longest pause between polls (ms). Default 5000. */
  maxMs?: number;
  /** Each pause is the previous one times this. Default 1.5. */
  factor?: number;
}

export const DEFAULT_POLL = { firstMs: 500, maxMs: 5000, factor: 1.5 } as const;
/** Without a usable Retry-After, a 503 is retried after this long. */
export const DEFAULT_RETRY_AFTER_MS = 5000;
/** A Retry-After is honoured up to this long; a larger one is capped. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** The pauses between polls: first, first × factor, … up to max. */
export function* pollPauses(p: PollPacing = {}): Generator<number, never> {
  const max = p.maxMs ?? DEFAULT_POLL.maxMs;
  const factor = p.factor ?? DEFAULT_POLL.factor;
  let pause = Math.min(p.firstMs ?? DEFAULT_POLL.firstMs, max);
  for (;;) {
    yield pause;
    pause = Math.min(max, Math.max(1, pause * factor));
  }
}

/**
 * A Retry-After header in ms: delay-seconds or an HTTP date; undefined when absent or unreadable.
 * Bounded to [0, MAX_RETRY_AFTER_MS].
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  let ms: number;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) ms = Number(header) * 1000;
  else if (!Number.isNaN(Date.parse(header))) ms = Date.parse(header) - now;
  else return undefined;
  return Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
}

/**
 * A run of transient failures (503s, network errors, timeouts) that may last `windowMs` from
 * the first one; a success ends the run.
 */
export class TransientWindow {
  private since: number | undefined;
  constructor(private readonly windowMs: number) {}

  /** Records a failure at `now`; true while the run is still within the window. */
  fail(now: number): boolean {
    this.since ??= now;
    return now - this.since < this.windowMs;
  }

  succeed(): void {
    this.since = undefined;
  }

  /** Ms left in the current run's window (the whole window when there is no run). */
  remaining(now: number): number {
    return this.since === undefined
      ? this.windowMs
      : Math.max(0, this.windowMs - (now - this.since));
  }
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
// The pipeline's sleep again, on purpose: the published client depends only on wire and rubric.
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
