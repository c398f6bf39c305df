import { describe, expect, it } from 'vitest';
import { collapseSameFrame, dropNearDuplicates, type Signed, thinToMax } from './select.js';
import { frameSignature } from './signature.js';
import { ramp, solid } from './test-images.js';
import { maxUnsampledGap } from './timeline.js';

const grey = frameSignature(solid([128, 128, 128]));
const at = (t: number, signature = grey): Signed => ({ t, signature });

describe('collapseSameFrame', () => {
  it('keeps a frame returned for two requested times once', () => {
    expect(collapseSameFrame([at(0), at(0), at(0.04)]).map((f) => f.t)).toEqual([0, 0.04]);
  });
});

describe('dropNearDuplicates', () => {
  it('drops a repeat of the frame kept just before it and counts it', () => {
    const red = frameSignature(solid([220, 30, 30]));
    const frames = [at(1), at(2), at(3, red), at(4, red), at(5)];
    const { kept, dropped } = dropNearDuplicates(frames, 2);
    expect(kept.map((f) => f.t)).toEqual([1, 3, 5]);
    expect(dropped).toBe(2);
  });

  it('scores a shot that comes back after another one again (A B A)', () => {
    const red = frameSignature(solid([220, 30, 30]));
    const frames = [at(1), at(2, red), at(3), at(4, red)];
    expect(dropNearDuplicates(frames, 1)).toMatchObject({ dropped: 0 });
  });

  it('never goes below the minimum', () => {
    const frames = [at(1), at(2), at(3), at(4), at(5)];
    const { kept, dropped } = dropNearDuplicates(frames, 3);
    expect(kept.map((f) => f.t)).toEqual([1, 4, 5]);
    expect(dropped).toBe(2);
  });

  it('keeps distinct frames', () => {
    const frames = [0, 0.25, 0.5, 0.75].map((o, i) => at(i, frameSignature(ramp(o))));
    expect(dropNearDuplicates(frames, 1).dropped).toBe(0);
  });
});

describe('thinToMax', () => {
  it('keeps time coverage even on a long single shot', () => {
    const frames = Array.from({ length: 75 }, (_, i) => at(2 + i * 4));
    const kept = thinToMax(frames, 16, 300);
    expect(kept).toHaveLength(16);
    // 16 frames on a 4 s grid (2, 6, …, 298) over 300 s: the best pick leaves 20 s at most.
    expect(
      maxUnsampledGap(
        kept.map((f) => f.t),
        300,
      ),
    ).toBe(20);
  });

  it('spends slots that coverage leaves free on the most distinct frames', () => {
    const sig = (o: number) => frameSignature(ramp(o));
    // Any 3 of these 4 leave at most 2 s unsampled; 1 looks like 2, while 3 looks new.
    const frames = [at(1, sig(0)), at(2, sig(0)), at(3, sig(0.5)), at(4, sig(0.75))];
    const kept = thinToMax(frames, 3, 5);
    expect(kept.map((f) => f.t)).toEqual([2, 3, 4]);
  });

  it('finds the best coverage when frames cluster', () => {
    // A burst of cuts early on, then a long shot sampled every 4 s.
    const times = [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 3, 7, 11, 15, 19];
    const kept = thinToMax(
      times.map((t) => at(t)),
      5,
      20,
    );
    expect(kept).toHaveLength(5);
    expect(
      maxUnsampledGap(
        kept.map((f) => f.t),
        20,
      ),
    ).toBe(4);
  });

  it('leaves a list within the maximum alone', () => {
    const frames = [at(1), at(2)];
    expect(thinToMax(frames, 16, 3)).toEqual(frames);
  });
});

describe('departures in selection', () => {
  const red = frameSignature(solid([220, 30, 30]));
  const blue = frameSignature(solid([30, 30, 220]));
  const dep = (t: number, signature: typeof grey, departure: number): Signed => ({
    t,
    signature,
    departures: [departure],
  });

  it('collapses a repeated insert into the first one kept, which then stands for both', () => {
    const frames = [at(1), dep(2, red, 0), at(3, blue), dep(4, red, 1), at(5)];
    const { kept, dropped } = dropNearDuplicates(frames, 1);
    expect(kept.map((f) => f.t)).toEqual([1, 2, 3, 5]);
    expect(kept[1]?.departures).toEqual([0, 1]);
    expect(dropped).toBe(1);
  });

  it('never thins out a departure while scene samples are left to drop', () => {
    const sig = (o: number) => frameSignature(ramp(o));
    const frames = Array.from({ length: 20 }, (_, i) =>
      i % 5 === 2 ? dep(i, sig(i / 20), i) : at(i, sig(i / 20)),
    );
    const kept = thinToMax(frames, 6, 20);
    expect(kept).toHaveLength(6);
    expect(kept.filter((f) => (f.departures?.length ?? 0) > 0).map((f) => f.t)).toEqual([
      2, 7, 12, 17,
    ]);
  });

  it('chooses among departures only when they alone exceed the maximum', () => {
    const frames = Array.from({ length: 12 }, (_, i) => dep(i * 5, grey, i));
    const kept = thinToMax(frames, 4, 60);
    expect(kept).toHaveLength(4);
    expect(
      maxUnsampledGap(
        kept.map((f) => f.t),
        60,
      ),
    ).toBeLessThanOrEqual(15);
  });
});
