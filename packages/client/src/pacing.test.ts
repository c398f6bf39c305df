import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, pollPauses, TransientWindow } from './pacing.js';

describe('pollPauses', () => {
  it('grows by the factor up to the maximum', () => {
    const p = pollPauses({ firstMs: 100, maxMs: 400, factor: 2 });
    expect(Array.from({ length: 5 }, () => p.next().value)).toEqual([100, 200, 400, 400, 400]);
    const d = pollPauses();
    expect(Array.from({ length: 3 }, () => d.next().value)).toEqual([500, 750, 1125]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, bounded; undefined when absent or odd', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('100000')).toBe(MAX_RETRY_AFTER_MS);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 01 Jan 2024 00:00:10 GMT', now)).toBe(0);
  });
});

describe('TransientWindow', () => {
  it('allows failures for the window from the first one; a success starts over', () => {
    const w = new TransientWindow(1000);
    expect(w.fail(0)).toBe(true);
    expect(w.fail(999)).toBe(true);
    expect(w.remaining(400)).toBe(600);
    expect(w.fail(1000)).toBe(false);
    w.succeed();
    expect(w.remaining(5000)).toBe(1000);
    expect(w.fail(5000)).toBe(true);
  });

  it('with a zero window refuses the first failure (no retries)', () => {
    expect(new TransientWindow(0).fail(0)).toBe(false);
  });
});
