import { describe, expect, it } from 'vitest';
import { planKeyframes } from '../sampling/plan.js';
import { solid } from '../sampling/test-images.js';
import { selectFrames } from './select-frames.js';

const grey = (t: number) => ({ t, ...solid([128, 128, 128]) });
const coloured = (t: number, rgb: [number, number, number]) => ({ t, ...solid(rgb) });
const oneShot = (durationSec: number) => ({
  durationSec,
  scenes: [{ start: 0, end: durationSec }],
  info: { frameRate: 25, frameCount: Math.round(durationSec * 25) },
});

describe('selectFrames', () => {
  it('drops near-duplicates of a scene-aware plan down to the band minimum and counts them', () => {
    const plan = planKeyframes(oneShot(20), { band: { min: 2, max: 16 } });
    const grabbed = plan.times.map(grey);
    const { frames, deduplicated } = selectFrames(grabbed, plan, 20);
    expect(grabbed).toHaveLength(5);
    expect(frames).toHaveLength(2);
    expect(deduplicated).toBe(3);
  });

  it('keeps every frame of a forced plan, duplicates included', () => {
    const plan = planKeyframes(oneShot(20), { keyframes: 4 });
    const { frames, deduplicated } = selectFrames(plan.times.map(grey), plan, 20);
    expect(frames).toHaveLength(4);
    expect(deduplicated).toBe(0);
  });

  it('clamps distinct frames to the band maximum', () => {
    const plan = planKeyframes(oneShot(60), { band: { min: 3, max: 4 } });
    const grabbed = plan.times.map((t, i) => coloured(t, [i * 16, 255 - i * 16, (i * 97) % 256]));
    const { frames, deduplicated } = selectFrames(grabbed, plan, 60);
    expect(grabbed).toHaveLength(15);
    expect(deduplicated).toBe(0);
    expect(frames).toHaveLength(4);
  });

  it('scores a frame returned for two requested times once', () => {
    const plan = planKeyframes({
      durationSec: 0.08,
      scenes: [],
      info: { frameRate: 25, frameCount: 2 },
    });
    const { frames } = selectFrames([grey(0), grey(0), grey(0.04)], plan, 0.08);
    expect(frames.map((f) => f.t)).toEqual([0, 0.04]);
  });
});
