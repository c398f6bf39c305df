import { describe, expect, it } from 'vitest';
import { FRAME, ffprobeFrameTimes } from '../test/fixtures.js';
import { expectDecodeError, fixture, pixel } from '../test/helpers.js';
import { grabFrames, type RgbFrame, scanScenes } from './index.js';

/** Mean absolute difference per byte of two frames of the same size. */
function meanDiff(a: RgbFrame, b: RgbFrame): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / a.data.length;
}

/** Mean absolute difference of the BT.709 luma of two frames of the same size. */
function lumaDiff(a: RgbFrame, b: RgbFrame): number {
  const luma = (f: RgbFrame, i: number) =>
    0.2126 * (f.data[3 * i] ?? 0) +
    0.7152 * (f.data[3 * i + 1] ?? 0) +
    0.0722 * (f.data[3 * i + 2] ?? 0);
  let sum = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) sum += Math.abs(luma(a, i) - luma(b, i));
  return sum / n;
}

async function captureOf(name: string, capture: Parameters<typeof scanScenes>[1] = {}) {
  const scan = await scanScenes(fixture(name), { capture: true, ...capture });
  if (!scan.captured) throw new Error('nothing captured');
  return { scan, captured: scan.captured };
}

describe('scanScenes with capture', () => {
  it('keeps nothing unless asked', async () => {
    const scan = await scanScenes(fixture('h264.mp4'));
    expect(scan.captured).toBeNull();
  });

  it('keeps real frames spread evenly over the whole video', async () => {
    const { scan, captured } = await captureOf('cuts.mp4');
    const ref = await ffprobeFrameTimes(fixture('cuts.mp4'));
    const times = Array.from(captured.times);
    // Every kept time is a decoded frame's time, ascending, from the first frame to the end.
    for (const t of times) expect(Array.from(scan.times)).toContain(t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(0);
    expect(times.at(-1)).toBeGreaterThan(scan.durationSec - 0.5);
    // 6 s at the first spacing (1/4 s): a frame in every slot the fast scan decoded one for.
    expect(times.length).toBeGreaterThanOrEqual(22);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeLessThan(0.25 + 4 * FRAME);
    }
    expect(ref.length).toBeGreaterThan(times.length);
    captured.release();
  });

  it('stays within maxFrames by doubling its spacing, still spread over the video', async () => {
    const { scan, captured } = await captureOf('cuts.mp4', { capture: { maxFrames: 5 } });
    const times = Array.from(captured.times);
    expect(times.length).toBeLessThanOrEqual(5);
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times[0]).toBe(0);
    expect(times.at(-1)).toBeGreaterThan(scan.durationSec / 2);
    expect(captured.byteLength).toBeGreaterThan(0);
    captured.release();
  });

  // Downscaled, a kept frame is 4:2:0 at the output size (as the JPEG made from it will be),
  // so its colour edges are softer than a direct RGB conversion's: luma is compared closely,
  // RGB loosely (testsrc2's saturated edges are a worst case).
  it.each([
    ['exact', false, 640, 0.5, 0.5],
    ['exact, downscaled', false, 160, 2.5, 8],
    ['fast', true, 640, 2, 2],
    ['fast, downscaled', true, 160, 2.5, 8],
  ])(
    'gives the frame grabFrames gives at that time (%s scan)',
    async (_mode, fast, maxSide, lumaTolerance, rgbTolerance) => {
      const { captured } = await captureOf('cuts.mp4', { fast, capture: { maxSide } });
      const times = Array.from(captured.times);
      const indices = [0, 7, Math.floor(times.length / 2), times.length - 1];
      const taken = await captured.take(indices);
      const grabbed = await grabFrames(
        fixture('cuts.mp4'),
        indices.map((i) => times[i] ?? 0),
        { maxSide },
      );
      taken.forEach((frame, k) => {
        const ref = grabbed[k] as RgbFrame;
        expect(frame.t).toBe(ref.t);
        // Kept downscaled before the RGB conversion, and in fast mode without the loop filter.
        expect(lumaDiff(frame, ref)).toBeLessThan(lumaTolerance);
        expect(meanDiff(frame, ref)).toBeLessThan(rgbTolerance);
      });
      captured.release();
    },
  );

  it.each([
    ['rotate90.mp4', 180, 320, 'bl'],
    ['rotate270.mp4', 180, 320, 'tr'],
    ['anamorphic.mp4', 320, 180, null],
  ] as const)('turns %s upright with square pixels', async (name, width, height, corner) => {
    const { captured } = await captureOf(name);
    const [frame] = await captured.take([0]);
    if (!frame) throw new Error('no frame');
    expect(frame).toMatchObject({ width, height });
    if (corner) {
      const [x, y]: [number, number] = corner === 'bl' ? [2, height - 3] : [width - 3, 2];
      const [r, g, b] = pixel(frame, x, y);
      expect(r > 200 && g < 60 && b < 60).toBe(true);
    }
    captured.release();
  });

  it('keeps the long side within maxSide', async () => {
    const { captured } = await captureOf('h264.mp4', { capture: { maxSide: 160 } });
    const [frame] = await captured.take([1]);
    expect(frame).toMatchObject({ width: 160, height: 90 });
    expect(frame?.data.length).toBe(160 * 90 * 3);
    captured.release();
  });

  it('tone-maps 10-bit HLG like grabFrames does', async () => {
    const { captured } = await captureOf('hlg.mov');
    const [frame] = await captured.take([0]);
    const [ref] = await grabFrames(fixture('hlg.mov'), [0]);
    if (!frame || !ref) throw new Error('no frame');
    expect(meanDiff(frame, ref)).toBeLessThan(3);
  });

  it('finds the nearest kept frame inside a window, or none', async () => {
    const { captured } = await captureOf('cuts.mp4');
    const times = Array.from(captured.times);
    const i = captured.nearest(2.01, 1.9, 2.1);
    expect(Math.abs((times[i] ?? 99) - 2.01)).toBeLessThanOrEqual(0.07);
    for (const t of times)
      expect(Math.abs(t - 2.01)).toBeGreaterThanOrEqual(Math.abs((times[i] ?? 0) - 2.01));
    expect(captured.nearest(2.01, 2.005, 2.006)).toBe(-1);
    expect(captured.nearest(100, 99, 101)).toBe(-1);
    captured.release();
  });

  it('refuses bad indices and options, and take() after release()', async () => {
    const { captured } = await captureOf('h264.mp4');
    await expectDecodeError(captured.take([captured.times.length]), 'INVALID_ARGUMENT');
    await expectDecodeError(captured.take([0.5]), 'INVALID_ARGUMENT');
    captured.release();
    expect(captured.byteLength).toBe(0);
    await expectDecodeError(captured.take([0]), 'INVALID_ARGUMENT');
    await expectDecodeError(
      scanScenes(fixture('h264.mp4'), { capture: { maxFrames: 1 } }),
      'INVALID_ARGUMENT',
    );
    await expectDecodeError(
      scanScenes(fixture('h264.mp4'), { capture: { maxSide: 8 } }),
      'INVALID_ARGUMENT',
    );
  });

  it('frees its memory on release()', async () => {
    // ~24 frames of 320x180 4:2:0 (~2 MB) per scan: 40 scans kept would be ~80 MB.
    await scanScenes(fixture('cuts.mp4'), { capture: true }).then((s) => s.captured?.release());
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 40; i++) {
      const scan = await scanScenes(fixture('cuts.mp4'), { capture: true });
      expect(scan.captured?.byteLength).toBeGreaterThan(1_800_000);
      scan.captured?.release();
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });
});
