import type { CapturedFrames } from '@imajin/decoder-native';
import { describe, expect, it } from 'vitest';
import { MAX_SHIFT_SEC, pickCaptured, shiftWindow } from './captured.js';
import { planKeyframes } from './plan.js';
import type { SceneList } from './timeline.js';

function video(cuts: number[], durationSec: number): SceneList {
  const bounds = [0, ...cuts, durationSec];
  const scenes = bounds.slice(1).map((end, i) => ({ start: bounds[i] ?? 0, end }));
  return { durationSec, scenes, info: { frameRate: 30, frameCount: durationSec * 30 } };
}

/** Kept frames at the given times; nearest() by a plain scan (the decoder's is a binary search). */
function kept(times: number[]): CapturedFrames {
  return {
    times: Float64Array.from(times),
    byteLength: 0,
    nearest(t, lo, hi) {
      let best = -1;
      times.forEach((x, i) => {
        if (x >= lo && x <= hi && (best < 0 || Math.abs(x - t) < Math.abs((times[best] ?? 0) - t)))
          best = i;
      });
      return best;
    },
    take: () => Promise.reject(new Error('not used')),
    release: () => {},
  };
}

const grid = (step: number, end: number) =>
  Array.from({ length: Math.floor(end / step) + 1 }, (_, i) => i * step);

describe('shiftWindow', () => {
  it('allows a quarter of the room to the neighbours and twice the room to the scene edges', () => {
    const scan = video([2, 2.4], 12);
    const plan = planKeyframes(scan); // 1 | 2.2 | 4, 7.2, 10.4 (three slices of 3.2 s)
    expect(plan.times).toEqual([1, 2.2, 4, 7.2, 10.4].map((t) => expect.closeTo(t, 9)));
    const window = (i: number) => shiftWindow(plan, scan, i).map((x) => Number(x.toFixed(9)));
    expect(window(0)).toEqual([0.7, 1.3]); // 1.2 s to the next sample
    expect(window(1)).toEqual([2.1, 2.3]); // a 0.4 s scene: 0.1 s either way
    expect(window(2)).toEqual([3.55, 4.45]); // 1.8 s to the previous sample
    expect(window(3)).toEqual([7.2 - MAX_SHIFT_SEC, 7.2 + MAX_SHIFT_SEC]);
  });

  it('uses the neighbours only for a forced N', () => {
    const scan = video([1], 10);
    const plan = planKeyframes(scan, { keyframes: 5 }); // 1, 3, 5, 7, 9 across the cut
    const [lo, hi] = shiftWindow(plan, scan, 0);
    expect(lo).toBeCloseTo(0.5, 9);
    expect(hi).toBeCloseTo(1.5, 9);
  });
});

describe('pickCaptured', () => {
  it('stands a kept frame in for each planned time it is near enough to', () => {
    const scan = video([2, 2.4], 12);
    const plan = planKeyframes(scan);
    const picks = pickCaptured(plan, scan, kept(grid(0.5, 12)));
    // 1.0 | nothing within 2.2 +- 0.1: grabbed | 4.0 | 7.0 | 10.5
    expect(picks.captured).toEqual([2, -1, 8, 14, 21]);
    expect(picks.times).toEqual([1, 2.2, 4, 7, 10.5].map((t) => expect.closeTo(t, 9)));
  });

  it('grabs everything when nothing was kept', () => {
    const scan = video([3], 8);
    const plan = planKeyframes(scan);
    const picks = pickCaptured(plan, scan, null);
    expect(picks.captured.every((i) => i === -1)).toBe(true);
    expect(picks.times).toEqual(plan.times);
  });

  it('keeps picks inside their scenes, in order, and gaps within 1.5x the plan on random videos', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 200; round++) {
      const duration = 1 + random() * 120;
      const cuts = Array.from({ length: Math.floor(random() * 20) }, () => random() * duration)
        .sort((a, b) => a - b)
        .filter((t, i, all) => t > 0.05 && t - (all[i - 1] ?? 0) > 0.05);
      const scan = video(cuts, duration);
      const plan = planKeyframes(scan);
      const step = [0.125, 0.25, 0.5, 1, 2][Math.floor(random() * 5)] ?? 0.25;
      const picks = pickCaptured(plan, scan, kept(grid(step, duration)));
      picks.times.forEach((t, i) => {
        const scene = scan.scenes[plan.scenes[i] ?? 0];
        if (t !== plan.times[i]) {
          // (A fill time can sit on a cut; it is then grabbed where planned.)
          expect(t).toBeGreaterThan(scene?.start ?? Number.NaN);
          expect(t).toBeLessThan(scene?.end ?? Number.NaN);
        }
        expect(Math.abs(t - (plan.times[i] ?? 0))).toBeLessThanOrEqual(MAX_SHIFT_SEC + 1e-9);
        if (i > 0) {
          const planned = (plan.times[i] ?? 0) - (plan.times[i - 1] ?? 0);
          const picked = t - (picks.times[i - 1] ?? 0);
          expect(picked).toBeGreaterThanOrEqual(planned * 0.5 - 1e-9);
          expect(picked).toBeLessThanOrEqual(planned * 1.5 + 1e-9);
        }
      });
    }
  });
});
