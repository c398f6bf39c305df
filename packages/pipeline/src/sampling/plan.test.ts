import { describe, expect, it } from 'vitest';
import { grabCap, planKeyframes } from './plan.js';
import { maxUnsampledGap, type SceneList } from './timeline.js';

function video(cuts: number[], durationSec: number, frameRate = 30): SceneList {
  const bounds = [0, ...cuts, durationSec];
  const scenes = bounds.slice(1).map((end, i) => ({ start: bounds[i] ?? 0, end }));
  return {
    durationSec,
    scenes,
    info: { frameRate, frameCount: Math.round(durationSec * frameRate) },
  };
}

/** A deterministic pseudo-random source, so a failing case can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('planKeyframes, scene-aware', () => {
  it('takes one candidate in the middle of each scene', () => {
    const plan = planKeyframes(video([3, 4], 7));
    expect(plan.policy).toBe('scene-aware');
    expect(plan.times).toEqual([1.5, 3.5, 5.5]);
    expect(plan.scenes).toEqual([0, 1, 2]);
    expect(plan.candidates).toBe(3);
  });

  it('samples a long single shot so no stretch exceeds maxGap', () => {
    const plan = planKeyframes(video([], 60));
    expect(plan.candidates).toBe(15);
    expect(maxUnsampledGap(plan.times, 60)).toBeLessThanOrEqual(4);
    expect(plan.maxScorerCalls).toBe(15);
  });

  it('never leaves a gap above maxGap on random scene lists', () => {
    const rand = lcg(7);
    for (let trial = 0; trial < 200; trial++) {
      const cuts: number[] = [];
      let t = 0;
      const duration = 5 + rand() * 120;
      for (;;) {
        t += 0.05 + rand() * rand() * 20;
        if (t >= duration - 0.05) break;
        cuts.push(t);
      }
      const maxGapSec = 1 + rand() * 6;
      const plan = planKeyframes(video(cuts, duration), {
        maxGapSec,
        band: { min: 3, max: 10_000 },
      });
      expect(maxUnsampledGap(plan.times, duration)).toBeLessThanOrEqual(maxGapSec + 1e-9);
      // Every candidate lies strictly inside the scene it is attributed to.
      const scenes = video(cuts, duration).scenes;
      plan.times.forEach((time, i) => {
        const scene = scenes[plan.scenes[i] ?? -1];
        expect(scene).toBeDefined();
        expect(time).toBeGreaterThan(scene?.start ?? Number.NaN);
        expect(time).toBeLessThan(scene?.end ?? Number.NaN);
      });
    }
  });

  it('keeps a candidate away from the cuts of a scene long enough to allow it', () => {
    const plan = planKeyframes(video([2, 2.6, 9], 12));
    // Scene [2, 2.6] is sampled at its middle, 0.3 s from both cuts.
    expect(plan.times).toContain(2.3);
    for (const t of plan.times) {
      for (const cut of [2, 2.6, 9]) expect(Math.abs(t - cut)).toBeGreaterThanOrEqual(0.3 - 1e-9);
    }
  });

  it('fills a short video up to the band minimum with well spread times', () => {
    const plan = planKeyframes(video([], 3));
    expect(plan.candidates).toBe(1);
    expect(plan.times).toHaveLength(3);
    expect(plan.times).toContain(1.5);
    expect(maxUnsampledGap(plan.times, 3)).toBeLessThanOrEqual(1);
  });

  it('reports at most band.max scorer calls for a 5-minute single shot', () => {
    const plan = planKeyframes(video([], 300));
    expect(plan.candidates).toBe(75);
    expect(plan.times).toHaveLength(75);
    expect(plan.maxScorerCalls).toBe(16);
  });

  it('thins a strobe of thousands of scenes to the grab cap, evenly', () => {
    const cuts = Array.from({ length: 999 }, (_, i) => (i + 1) * 0.2);
    const plan = planKeyframes(video(cuts, 200));
    expect(plan.candidates).toBe(1000);
    expect(plan.times).toHaveLength(grabCap({ min: 3, max: 16 }));
    expect(maxUnsampledGap(plan.times, 200)).toBeLessThan((200 / plan.times.length) * 1.1);
  });

  it('yields one keyframe for a single-frame video', () => {
    const single: SceneList = {
      durationSec: 0.04,
      scenes: [{ start: 0, end: 0.04 }],
      info: { frameRate: 25, frameCount: 1 },
    };
    const plan = planKeyframes(single);
    expect(plan.times).toHaveLength(1);
    expect(plan.videoFrames).toBe(1);
  });

  it('yields one keyframe at 0 for a video with no duration', () => {
    const still: SceneList = {
      durationSec: 0,
      scenes: [],
      info: { frameRate: 0, frameCount: null },
    };
    expect(planKeyframes(still).times).toEqual([0]);
    expect(planKeyframes(still, { keyframes: 8 }).times).toEqual([0]);
  });
});

describe('planKeyframes, forced', () => {
  it('takes N evenly spaced times', () => {
    const plan = planKeyframes(video([3, 4], 10), { keyframes: 5 });
    expect(plan.policy).toBe('forced');
    expect(plan.times).toEqual([1, 3, 5, 7, 9]);
    expect(plan.scenes).toEqual([0, 1, 2, 2, 2]);
    expect(plan.maxScorerCalls).toBe(5);
  });

  it('clamps N to the band both ways', () => {
    expect(planKeyframes(video([], 10), { keyframes: 1 }).times).toHaveLength(3);
    expect(planKeyframes(video([], 10), { keyframes: 100 }).times).toHaveLength(16);
    expect(
      planKeyframes(video([], 10), { keyframes: 100, band: { min: 2, max: 40 } }).times,
    ).toHaveLength(40);
  });

  it('asks for no more frames than the video has', () => {
    const plan = planKeyframes(video([], 0.1, 20), { keyframes: 16 });
    expect(plan.times).toHaveLength(2);
  });
});

describe('planKeyframes, options', () => {
  it('refuses a band that cannot hold', () => {
    expect(() => planKeyframes(video([], 10), { band: { min: 5, max: 4 } })).toThrow(RangeError);
    expect(() => planKeyframes(video([], 10), { band: { min: 0, max: 4 } })).toThrow(RangeError);
    expect(() => planKeyframes(video([], 10), { keyframes: 2.5 })).toThrow(RangeError);
    expect(() => planKeyframes(video([], 10), { maxGapSec: 0 })).toThrow(RangeError);
  });
});

describe('planKeyframes, departures', () => {
  const withDepartures = (
    cuts: number[],
    durationSec: number,
    departures: { start: number; end: number; peak: number }[],
  ): SceneList => ({ ...video(cuts, durationSec), departures });

  it('adds one candidate at the peak of every departure, and says which time samples which', () => {
    const plan = planKeyframes(withDepartures([], 12, [{ start: 6.6, end: 6.9, peak: 6.75 }]));
    expect(plan.times).toEqual([2, 6, 6.75, 10]);
    expect(plan.departureOf).toEqual([-1, -1, 0, -1]);
    expect(plan.candidates).toBe(4);
  });

  it('lets a scene candidate already inside a departure sample it', () => {
    // A flat 1 s scene of its own: its middle is the departure's middle.
    const plan = planKeyframes(withDepartures([3, 4], 7, [{ start: 3, end: 4, peak: 3.5 }]));
    expect(plan.times).toEqual([1.5, 3.5, 5.5]);
    expect(plan.departureOf).toEqual([-1, 0, -1]);
  });

  it('keeps every departure when thinning to the grab cap, scene candidates going first', () => {
    const departures = Array.from({ length: 100 }, (_, i) => ({
      start: 10 + 5 * i,
      end: 10.5 + 5 * i,
      peak: 10.25 + 5 * i,
    }));
    const plan = planKeyframes(withDepartures([], 600, departures));
    expect(plan.times.length).toBe(grabCap(plan.band));
    expect(plan.departureOf.filter((d) => d >= 0)).toHaveLength(100);
  });

  it('a forced plan samples evenly and takes no departure candidate', () => {
    const plan = planKeyframes(withDepartures([], 12, [{ start: 6.6, end: 6.9, peak: 6.75 }]), {
      keyframes: 4,
    });
    expect(plan.times).toEqual([1.5, 4.5, 7.5, 10.5]);
    expect(plan.departureOf).toEqual([-1, -1, -1, -1]);
    expect(plan.departures).toHaveLength(1);
  });
});
