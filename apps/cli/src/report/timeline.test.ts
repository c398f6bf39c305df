import { describe, expect, it } from 'vitest';
import type { ReportFrame } from './model.js';
import { timelineOf } from './timeline.js';

const frame = (t: number, scene: number, explicitness: ReportFrame['explicitness'] = 'sfw') => ({
  t,
  scene,
  explicitness,
  nsfw: 0.1,
  suggestive: 0.1,
  quality: 0.5,
  poster: false,
});

describe('timelineOf', () => {
  it('places frames, scene blocks and explicit bands as percentages of the duration', () => {
    const tl = timelineOf({
      durationSec: 8,
      sceneCount: 3,
      frames: [frame(1, 0), frame(3, 1, 'explicit'), frame(6, 2)],
      explicitSegments: [{ start: 2, end: 4.5 }],
    });
    expect(tl.spanSec).toBe(8);
    expect(tl.ticks.map((k) => k.left)).toEqual([12.5, 37.5, 75]);
    // Boundaries midway between the frames of neighbouring scenes: 2 s and 4.5 s.
    expect(tl.scenes.map((s) => [s.left, s.width, s.first, s.sampled])).toEqual([
      [0, 25, 0, true],
      [25, 31.25, 1, true],
      [56.25, 43.75, 2, true],
    ]);
    expect(tl.bands).toEqual([{ left: 25, width: 31.25, start: 2, end: 4.5 }]);
  });

  it('draws scenes no frame was sampled from as unsampled blocks, never as guessed cuts', () => {
    const tl = timelineOf({
      durationSec: 10,
      sceneCount: 6,
      frames: [frame(2, 1), frame(3, 1), frame(7, 4)],
      explicitSegments: [],
    });
    expect(tl.scenes.map((s) => [s.left, s.width, s.first, s.last, s.sampled])).toEqual([
      [0, 20, 0, 0, false], // scene 0, before the first frame
      [20, 10, 1, 1, true], // scene 1: its frames at 2 and 3 s
      [30, 40, 2, 3, false], // scenes 2–3 lie somewhere in 3..7 s
      [70, 0, 4, 4, true], // scene 4: one frame, its extent unknown
      [70, 30, 5, 5, false], // scene 5, after the last frame
    ]);
  });

  it('sorts frames by time and covers the strip without gaps', () => {
    const tl = timelineOf({
      durationSec: 4,
      sceneCount: 2,
      frames: [frame(3, 1), frame(1, 0)],
      explicitSegments: [],
    });
    expect(tl.ticks.map((k) => k.frame.t)).toEqual([1, 3]);
    const ends = tl.scenes.map((s) => s.left + s.width);
    expect(tl.scenes[0]?.left).toBe(0);
    expect(ends.at(-1)).toBe(100);
    tl.scenes.slice(1).forEach((s, i) => {
      expect(s.left).toBeCloseTo(ends[i] ?? -1, 5);
    });
  });

  it('keeps a malformed line on the strip: no duration, or times past it', () => {
    const none = timelineOf({
      durationSec: null,
      sceneCount: 1,
      frames: [frame(0, 0)],
      explicitSegments: [],
    });
    expect(none.spanSec).toBe(1);
    expect(none.ticks[0]?.left).toBe(0);
    const past = timelineOf({
      durationSec: 2,
      sceneCount: 1,
      frames: [frame(1, 0)],
      explicitSegments: [{ start: 1, end: 4 }],
    });
    expect(past.spanSec).toBe(4);
    expect(past.bands[0]).toMatchObject({ left: 25, width: 75 });
    for (const v of [...past.ticks, ...past.scenes, ...past.bands]) {
      expect(v.left).toBeGreaterThanOrEqual(0);
      expect(v.left).toBeLessThanOrEqual(100);
    }
  });
});
