import { describe, expect, it } from 'vitest';
import { readCallbackConfig } from './config.js';
import { retryDelay } from './worker.js';

const c = { firstRetryMs: 5000, maxRetryDelayMs: 3_600_000, retryWindowMs: 86_400_000 };
const mid = () => 0.5; // no jitter

describe('retryDelay', () => {
  it('starts at the first retry and doubles: three attempts within a minute', () => {
    const delays = [1, 2, 3, 4].map((n) => retryDelay(n, 0, 0, c, mid));
    expect(delays).toEqual([5000, 10_000, 20_000, 40_000]);
    expect((delays[0] ?? 0) + (delays[1] ?? 0)).toBeLessThan(60_000);
  });

  it('jitters by ±20%', () => {
    expect(retryDelay(1, 0, 0, c, () => 0)).toBe(4000);
    expect(retryDelay(1, 0, 0, c, () => 0.999_999)).toBe(6000);
  });

  it('caps each delay, lands the last attempt on the window end, then stops', () => {
    expect(retryDelay(30, 0, 0, c, mid)).toBe(3_600_000);
    expect(retryDelay(30, 0, 86_000_000, c, mid)).toBe(400_000);
    expect(retryDelay(31, 0, 86_400_000, c, mid)).toBeNull();
  });
});

describe('readCallbackConfig', () => {
  it('is off without CALLBACK_SECRET, with the documented defaults', () => {
    const { config, problems } = readCallbackConfig({}, false);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      enabled: false,
      retryWindowMs: 86_400_000,
      firstRetryMs: 5000,
      maxRetryDelayMs: 3_600_000,
      connectTimeoutMs: 5000,
      totalTimeoutMs: 15_000,
      concurrency: 16,
      holdAfterJobEnd: false,
    });
  });

  it('reads several secrets, the first signing', () => {
    const { config } = readCallbackConfig({ CALLBACK_SECRET: ' new , old ,' }, false);
    expect(config.secrets).toEqual(['new', 'old']);
    expect(config.enabled).toBe(true);
  });

  it('names each bad variable, and refuses the test hook in production', () => {
    const { problems } = readCallbackConfig(
      {
        CALLBACK_RETRY_WINDOW: 'soon',
        CALLBACK_ALLOWED_HOSTS: 'http://x',
        IMAJIN_TEST_HOLD_AFTER_JOB_END: '1',
      },
      true,
    );
    expect(problems.join('\n')).toMatch(/CALLBACK_RETRY_WINDOW/);
    expect(problems.join('\n')).toMatch(/CALLBACK_ALLOWED_HOSTS/);
    expect(problems.join('\n')).toMatch(/IMAJIN_TEST_HOLD_AFTER_JOB_END/);
  });
});
