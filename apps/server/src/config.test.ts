import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to model-boss when MODEL_BOSS_URL is set, with the documented limits', () => {
    const c = loadConfig({ MODEL_BOSS_URL: 'http://boss:8000' });
    expect(c.scorer).toMatchObject({ kind: 'model-boss', url: 'http://boss:8000' });
    expect(c.scorerWarning).toBeNull();
    expect(c.limits).toMatchObject({
      uploadBytes: 512 * 2 ** 20,
      jsonBytes: 300 * 2 ** 20,
      syncBytes: 50 * 2 ** 20,
      syncDurationSec: 30,
    });
    expect(c.band).toEqual({ min: 3, max: 16 });
    expect(c.jobTtlSec).toBe(86_400);
    expect(c.retry.windowMs).toBe(30 * 60 * 1000);
  });

  it('falls back to the local scorer with a warning when nothing names one', () => {
    const c = loadConfig({});
    expect(c.scorer.kind).toBe('local');
    expect(c.scorerWarning).toMatch(/MODEL_BOSS_URL is not set/);
    expect(loadConfig({ SCORER: 'local' }).scorerWarning).toBeNull();
  });

  it('requires SCORER explicitly in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MODEL_BOSS_URL: 'http://boss' })).toThrow(
      /SCORER: must be set explicitly/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', SCORER: 'model-boss', MODEL_BOSS_URL: 'http://boss' })
        .production,
    ).toBe(true);
  });

  it('names every bad variable and the value it got', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', SCORER: 'gpu', SYNC_MAX_BYTES: 'lots', REDIS_URL: 'http://x' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^invalid configuration:/);
    expect(message).toMatch(/PORT: .*"eighty"/);
    expect(message).toMatch(/SCORER: .*"gpu"/);
    expect(message).toMatch(/SYNC_MAX_BYTES: must be a size/);
    expect(message).toMatch(/REDIS_URL: must be a redis:\/\//);
    expect(() => loadConfig({ SCORER: 'model-boss' })).toThrow(/MODEL_BOSS_URL: required/);
    expect(() => loadConfig({ KEYFRAMES_MIN: '20' })).toThrow(/KEYFRAMES_MIN/);
  });

  it('reads sizes and durations with units, and tokens as a list', () => {
    const c = loadConfig({
      SYNC_MAX_BYTES: '10MB',
      RETRY_WINDOW: '2m',
      BREAKER_OPEN: '500ms',
      API_TOKENS: ' a, b ,,',
    });
    expect(c.limits.syncBytes).toBe(10_000_000);
    expect(c.retry.windowMs).toBe(120_000);
    expect(c.breaker.openMs).toBe(500);
    expect(c.apiTokens).toEqual(['a', 'b']);
  });

  it('bounds KEYFRAMES_MAX by the memory a band costs (32), with a message naming the bound', () => {
    expect(loadConfig({ KEYFRAMES_MAX: '32' }).band).toEqual({ min: 3, max: 32 });
    expect(() => loadConfig({ KEYFRAMES_MAX: '1000' })).toThrow(
      /KEYFRAMES_MAX: must be at most 32/,
    );
    expect(() => loadConfig({ KEYFRAMES_MIN: '33' })).toThrow(/KEYFRAMES_MIN: must be at most 32/);
  });
});
