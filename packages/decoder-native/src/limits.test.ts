import { describe, expect, it } from 'vitest';
import { expectDecodeError, fixture, fixtureBytes } from '../test/helpers.js';
import { DEFAULT_LIMITS, grabFrames, probe, resolveLimits, scanScenes } from './index.js';

describe('limits', () => {
  it('defaults accept a 5-minute 4K60 HEVC phone clip', () => {
    expect(DEFAULT_LIMITS.maxPixels).toBeGreaterThanOrEqual(3840 * 2160);
    expect(DEFAULT_LIMITS.maxDurationSec).toBeGreaterThanOrEqual(300);
    expect(DEFAULT_LIMITS.maxFrames).toBeGreaterThanOrEqual(300 * 60);
    expect(DEFAULT_LIMITS.maxInputBytes).toBeGreaterThanOrEqual(3 * 1024 ** 3); // ~80 Mbit/s for 5 min
    expect(DEFAULT_LIMITS.timeoutMs).toBeGreaterThanOrEqual(10 * 60 * 1000);
  });

  it('merges overrides and refuses nonsense', () => {
    expect(resolveLimits({ maxFrames: 10 })).toEqual({ ...DEFAULT_LIMITS, maxFrames: 10 });
    expect(() => resolveLimits({ maxFrames: -1 })).toThrow(/positive/);
    expect(() => resolveLimits({ maxFrames: Number.NaN })).toThrow(/positive/);
    expect(() => resolveLimits({ bogus: 1 } as never)).toThrow(/unknown limit/);
  });

  it('TOO_LARGE over maxPixels or maxInputBytes', async () => {
    await expectDecodeError(
      probe(fixture('h264.mp4'), { limits: { maxPixels: 320 * 179 } }),
      'TOO_LARGE',
    );
    await expectDecodeError(
      scanScenes(fixture('h264.mp4'), { limits: { maxInputBytes: 1000 } }),
      'TOO_LARGE',
    );
    await expectDecodeError(
      grabFrames(await fixtureBytes('h264.mp4'), [0], { limits: { maxInputBytes: 1000 } }),
      'TOO_LARGE',
    );
  });

  it('TOO_LONG over maxDurationSec', async () => {
    await expectDecodeError(
      probe(fixture('h264.mp4'), { limits: { maxDurationSec: 1.5 } }),
      'TOO_LONG',
    );
    // No duration in the header to reject early: found while reading.
    await expectDecodeError(
      scanScenes(fixture('h264.mkv'), { limits: { maxDurationSec: 1.5 } }),
      'TOO_LONG',
    );
  });

  it('TOO_MANY_FRAMES over maxFrames, counting frames a fast scan skips', async () => {
    await expectDecodeError(
      scanScenes(fixture('h264.mp4'), { limits: { maxFrames: 59 } }),
      'TOO_MANY_FRAMES',
    );
    await expectDecodeError(
      scanScenes(fixture('h264.mkv'), { limits: { maxFrames: 59 } }),
      'TOO_MANY_FRAMES',
    );
    await expect(
      scanScenes(fixture('h264.mp4'), { limits: { maxFrames: 60 } }),
    ).resolves.toBeTruthy();
  });

  it('TIMEOUT past the wall-clock budget, and it is retryable', async () => {
    const err = await expectDecodeError(
      scanScenes(fixture('cuts.mp4'), { fast: false, limits: { timeoutMs: 1 } }),
      'TIMEOUT',
    );
    expect(err.retryable).toBe(true);
  });
});

describe('AbortSignal', () => {
  it('ABORTED when aborted before the call', async () => {
    await expectDecodeError(
      scanScenes(fixture('cuts.mp4'), { signal: AbortSignal.abort() }),
      'ABORTED',
    );
  });

  it('ABORTED when aborted during the scan', async () => {
    const controller = new AbortController();
    const scan = scanScenes(await fixtureBytes('cuts.mp4'), {
      fast: false,
      signal: controller.signal,
    });
    setImmediate(() => controller.abort());
    await expectDecodeError(scan, 'ABORTED');
  });

  it('a finished call ignores a later abort', async () => {
    const controller = new AbortController();
    const info = await probe(fixture('h264.mp4'), { signal: controller.signal });
    controller.abort();
    expect(info.codec).toBe('h264');
  });
});
