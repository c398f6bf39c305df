import { describe, expect, it } from 'vitest';
import { errorInfo } from '../error-info.js';
import { ScorerRejectedError, ScorerUnavailableError } from '../errors.js';
import type { Scorer } from '../scorers/scorer.js';
import { scoreFrames } from './score-frames.js';

const frame = (t: number) => ({
  rgb: { t, width: 1, height: 1, data: new Uint8Array(3) },
  jpeg: Buffer.alloc(0),
});
const RAW = [0.1, 0.9, 0.1, 0.9, 0.5, 0.5];

/** A scorer that fails on the frame at `failAt` and otherwise answers after `delayMs`, unless aborted. */
function scorer(failAt: number, error: unknown, delayMs = 20) {
  const aborted: number[] = [];
  const s: Scorer = {
    name: 'test:scorer',
    score: ({ rgb }, signal) =>
      new Promise((resolve, reject) => {
        if (rgb.t === failAt) return reject(error);
        const timer = setTimeout(() => resolve(RAW), delayMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          aborted.push(rgb.t);
          reject(signal.reason);
        });
      }),
    close: async () => {},
  };
  return { s, aborted };
}

describe('scoreFrames', () => {
  it('returns every frame’s scores in order and counts progress', async () => {
    const { s } = scorer(-1, null);
    const done: number[] = [];
    const raws = await scoreFrames(s, [frame(0), frame(1), frame(2)], undefined, (n) =>
      done.push(n),
    );
    expect(raws).toEqual([RAW, RAW, RAW]);
    expect(done).toEqual([1, 2, 3]);
  });

  it('lets every frame of a full band listen for cancellation without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const frames = Array.from({ length: 16 }, (_, i) => frame(i));
      await scoreFrames(scorer(-1, null).s, frames, new AbortController().signal, () => {});
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('cancels the other frames at the first failure and gives no partial result', async () => {
    const { s, aborted } = scorer(1, new Error('worker crashed'));
    const err = await scoreFrames(s, [frame(0), frame(1), frame(2)], undefined, () => {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect((err as Error).message).toMatch(/test:scorer could not score a frame: worker crashed/);
    expect(aborted.sort()).toEqual([0, 2]);
  });

  it('passes typed scorer errors through as they are', async () => {
    const rejected = new ScorerRejectedError('HTTP 400', 400);
    const err = await scoreFrames(
      scorer(0, rejected).s,
      [frame(0), frame(1)],
      undefined,
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBe(rejected);
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = scoreFrames(scorer(-1, null, 5_000).s, [frame(0)], controller.signal, () => {});
    controller.abort();
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
  });

  it('lets a throwing progress callback out as it is, not as the scorer being unavailable', async () => {
    const { s } = scorer(-1, null);
    const bug = new TypeError('a bug in the caller’s progress callback');
    const err = await scoreFrames(s, [frame(0), frame(1)], undefined, () => {
      throw bug;
    }).catch((e: unknown) => e);
    expect(err).toBe(bug);
    expect(errorInfo(err)).toMatchObject({ error_code: 'internal', retryable: false });
  });
});
