import path from 'node:path';
import { grabFrames, type RgbFrame, scanScenes } from '@imajin/decoder-native';
import { makeClip, scratchDir } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWindow } from '../sampling/captured.js';
import { planKeyframes } from '../sampling/plan.js';
import { grabKeyframes } from './grab-keyframes.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let video: string;

beforeAll(async () => {
  scratch = await scratchDir('imajin-pipeline');
  // A 2 s GOP and no keyframes at the cuts, as phones record: a grab would seek and decode.
  video = await makeClip(
    path.join(scratch.dir, 'three-shots.mp4'),
    [
      { source: 'testsrc2', seconds: 3 },
      { source: 'mandelbrot', seconds: 0.6 },
      { source: 'smptehdbars', seconds: 5 },
    ],
    { outputArgs: ['-g', '50', '-sc_threshold', '0'] },
  );
});
afterAll(() => scratch.remove());

function lumaDiff(a: RgbFrame, b: RgbFrame): number {
  let sum = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    const y = (f: RgbFrame) =>
      0.2126 * (f.data[3 * i] ?? 0) +
      0.7152 * (f.data[3 * i + 1] ?? 0) +
      0.0722 * (f.data[3 * i + 2] ?? 0);
    sum += Math.abs(y(a) - y(b));
  }
  return sum / n;
}

describe('grabKeyframes', () => {
  it('takes every planned keyframe from the frames the scan kept, each near its planned time', async () => {
    const scan = await scanScenes(video, { capture: true });
    const plan = planKeyframes(scan);
    expect(scan.scenes).toHaveLength(3);
    const { frames, fromScan } = await grabKeyframes(video, plan, scan);
    scan.captured?.release();
    expect(fromScan).toBe(plan.times.length);
    frames.forEach((frame, i) => {
      const [lo, hi] = shiftWindow(plan, scan, i);
      expect(frame.t).toBeGreaterThanOrEqual(lo);
      expect(frame.t).toBeLessThanOrEqual(hi);
    });
    // The same pictures a seek-and-decode grab gives at those times (the scan's frames are
    // decoded without the loop filter: close, not bit-equal).
    const grabbed = await grabFrames(
      video,
      frames.map((f) => f.t),
    );
    frames.forEach((frame, i) => {
      const ref = grabbed[i] as RgbFrame;
      expect(frame.t).toBe(ref.t);
      expect([frame.width, frame.height]).toEqual([ref.width, ref.height]);
      expect(lumaDiff(frame, ref)).toBeLessThan(3);
    });
  });

  it('grabs what the scan did not keep, at the planned times', async () => {
    const scan = await scanScenes(video);
    expect(scan.captured).toBeNull();
    const plan = planKeyframes(scan);
    const { frames, fromScan } = await grabKeyframes(video, plan, scan);
    expect(fromScan).toBe(0);
    const grabbed = await grabFrames(video, plan.times);
    expect(frames.map((f) => f.t)).toEqual(grabbed.map((f) => f.t));
    frames.forEach((frame, i) => {
      expect(frame.data.equals((grabbed[i] as RgbFrame).data)).toBe(true);
    });
  });

  it('mixes both when the kept frames are too sparse for a short scene', async () => {
    // Two frames kept at most: the grid spacing doubles past the 0.6 s scene.
    const scan = await scanScenes(video, { capture: { maxFrames: 2 } });
    const plan = planKeyframes(scan);
    const { frames, fromScan } = await grabKeyframes(video, plan, scan);
    scan.captured?.release();
    expect(fromScan).toBeLessThan(plan.times.length);
    expect(frames).toHaveLength(plan.times.length);
    frames.forEach((frame, i) => {
      const [lo, hi] = shiftWindow(plan, scan, i);
      expect(frame.t).toBeGreaterThanOrEqual(lo - 1 / 25);
      expect(frame.t).toBeLessThanOrEqual(hi);
    });
  });
});
