import { describe, expect, it } from 'vitest';
import { outageBackoff, type WorkerSettings } from './worker.js';

const s: WorkerSettings = {
  queueName: 'q',
  bullPrefix: 'p',
  concurrency: 1,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 1,
  backoffMinMs: 1000,
  backoffMaxMs: 8000,
  retryWindowMs: 60_000,
};

describe('outageBackoff', () => {
  it('grows exponentially with ±20 % jitter up to the maximum', () => {
    const within = (n: number, ms: number) => n >= ms * 0.8 && n <= ms * 1.2;
    expect(within(outageBackoff(1, s), 1000)).toBe(true);
    expect(within(outageBackoff(3, s), 4000)).toBe(true);
    expect(within(outageBackoff(10, s), 8000)).toBe(true);
  });

  it('honours the scorer’s Retry-After hint, still capped at the maximum', () => {
    const hinted = Object.assign(new Error('busy'), { retryAfterSec: 5 });
    expect(outageBackoff(1, s, hinted)).toBeGreaterThanOrEqual(4000);
    const huge = Object.assign(new Error('busy'), { retryAfterSec: 3600 });
    expect(outageBackoff(1, s, huge)).toBeLessThanOrEqual(8000 * 1.2);
  });

  it('never sleeps past the end of the job’s retry window', () => {
    const job = { data: { outageSince: Date.now() - 59_500 } };
    expect(outageBackoff(10, s, undefined, job)).toBeLessThanOrEqual(510);
  });
});
