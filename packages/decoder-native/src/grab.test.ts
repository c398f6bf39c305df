import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FRAME, ffprobeFrameTimes } from '../test/fixtures.js';
import { fixture, fixtureBytes, pixel } from '../test/helpers.js';
import { grabFrames, type RgbFrame } from './index.js';

const run = promisify(execFile);

/** The first frame as the ffmpeg CLI shows it (auto-rotated), packed RGB24. */
async function ffmpegFirstFrame(path: string): Promise<Buffer> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    {
      encoding: 'buffer',
      maxBuffer: 1 << 24,
    },
  );
  return stdout;
}

const isRed = ([r, g, b]: [number, number, number]) => r > 200 && g < 60 && b < 60;

function redCorners(frame: RgbFrame): string[] {
  const w = frame.width - 1;
  const h = frame.height - 1;
  const corners: [string, number, number][] = [
    ['tl', 2, 2],
    ['tr', w - 2, 2],
    ['bl', 2, h - 2],
    ['br', w - 2, h - 2],
  ];
  return corners.filter(([, x, y]) => isRed(pixel(frame, x, y))).map(([name]) => name);
}

describe('grabFrames', () => {
  it.each([
    ['corner.mp4', 320, 180, ['tl']],
    ['rotate90.mp4', 180, 320, ['bl']],
    ['rotate180.mp4', 320, 180, ['br']],
    ['rotate270.mp4', 180, 320, ['tr']],
  ] as const)(
    'turns %s upright, pixel for pixel as ffmpeg shows it',
    async (name, width, height, corners) => {
      const [frame] = await grabFrames(fixture(name), [0]);
      if (!frame) throw new Error('no frame');
      expect(frame).toMatchObject({ width, height });
      expect(redCorners(frame)).toEqual(corners);
      const ref = await ffmpegFirstFrame(fixture(name));
      expect(ref.length).toBe(frame.data.length);
      let diff = 0;
      for (let i = 0; i < ref.length; i++) diff += Math.abs((ref[i] ?? 0) - (frame.data[i] ?? 0));
      expect(diff / ref.length).toBeLessThan(4);
    },
  );

  it('keeps the long side within maxSide, never upscales, keeps the displayed aspect', async () => {
    const [small] = await grabFrames(fixture('h264.mp4'), [0.5], { maxSide: 160 });
    expect(small).toMatchObject({ width: 160, height: 90 });
    expect(small?.data.length).toBe(160 * 90 * 3);
    const [full] = await grabFrames(fixture('h264.mp4'), [0.5]);
    expect(full).toMatchObject({ width: 320, height: 180 });
    const [portrait] = await grabFrames(fixture('portrait.mp4'), [0.5], { maxSide: 160 });
    expect(portrait).toMatchObject({ width: 90, height: 160 });
    const [anamorphic] = await grabFrames(fixture('anamorphic.mp4'), [0.5]);
    expect(anamorphic).toMatchObject({ width: 320, height: 180 });
  });

  it('returns one frame per time in the order asked, each at its real presentation time', async () => {
    const ref = await ffprobeFrameTimes(fixture('vfr.mp4'));
    const times = [1.5, 0, 0.5, 1.0, 0.5, 5];
    const frames = await grabFrames(await fixtureBytes('vfr.mp4'), times);
    expect(frames).toHaveLength(times.length);
    frames.forEach((frame, i) => {
      const wanted = times[i] ?? Number.NaN;
      // The last frame shown at or before the time asked (the stream has a gap from 0.33 s to 1.0 s).
      const expected = ref.filter((t) => t <= wanted + 1e-9).at(-1);
      expect(frame.t).toBeCloseTo(expected ?? Number.NaN, 5);
    });
    expect(frames[2]?.data.equals(frames[4]?.data ?? Buffer.alloc(0))).toBe(true);
  });

  it('grabs the exact frame at a scanned time, across GOPs and with B-frames', async () => {
    const ref = await ffprobeFrameTimes(fixture('cuts.mp4'));
    const times = [ref[179], ref[61], ref[59], ref[0], ref[120]].map((t) => t ?? Number.NaN);
    const frames = await grabFrames(fixture('cuts.mp4'), times);
    frames.forEach((frame, i) => {
      expect(frame.t).toBeCloseTo(times[i] ?? Number.NaN, 6);
    });
  });

  it.each(['cuts.mp4', 'cuts.ts'])(
    'seeks to the right frame in %s (with or without an index)',
    async (name) => {
      const ref = await ffprobeFrameTimes(fixture(name));
      const start = ref[0] ?? 0; // MPEG-TS starts at 1.4 s; our times start at 0
      const times = [5.5, 0.2, 3.1, 4.0, 1.55];
      const frames = await grabFrames(fixture(name), times);
      frames.forEach((frame, i) => {
        const wanted = (times[i] ?? Number.NaN) + start;
        const expected = ref.filter((t) => t <= wanted + 1e-6).at(-1) ?? Number.NaN;
        expect(frame.t).toBeCloseTo(expected - start, 4);
      });
    },
  );

  it('returns nothing for no times without decoding', async () => {
    expect(await grabFrames(fixture('h264.mp4'), [])).toEqual([]);
  });

  it('grabs the only frame of a one-frame video for any time', async () => {
    const frames = await grabFrames(fixture('oneframe.mp4'), [0, 1, 10]);
    expect(frames.map((f) => f.t)).toEqual([0, 0, 0]);
  });

  it.each(['hevc.mp4', 'hevc10.mov', 'vp9.webm', 'h264.mkv', 'mjpeg.avi', 'h264.ts'])(
    'decodes %s',
    async (name) => {
      const frames = await grabFrames(fixture(name), [0, 0.5]);
      expect(frames.map((f) => f.t)).toEqual([0, expect.closeTo(0.5, 5)]);
      expect(frames[1]?.t).toBeLessThanOrEqual(0.5 + FRAME);
    },
  );
});

/** Mean HSV saturation and mean BT.709 luma of a frame, both 0..1. */
function colourStats(frame: RgbFrame): { saturation: number; brightness: number } {
  let saturation = 0;
  let brightness = 0;
  const n = frame.width * frame.height;
  for (let i = 0; i < n; i++) {
    const r = (frame.data[3 * i] ?? 0) / 255;
    const g = (frame.data[3 * i + 1] ?? 0) / 255;
    const b = (frame.data[3 * i + 2] ?? 0) / 255;
    const max = Math.max(r, g, b);
    saturation += max > 0 ? (max - Math.min(r, g, b)) / max : 0;
    brightness += 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  return { saturation: saturation / n, brightness: brightness / n };
}

describe('grabFrames on 10-bit HDR', () => {
  it.each(['hlg.mov', 'pq.mov'])(
    'turns %s into SDR within 20%% of the SDR original',
    async (name) => {
      const [sdr] = await grabFrames(fixture('sdr-bars.mp4'), [0.2]);
      const [hdr] = await grabFrames(fixture(name), [0.2]);
      if (!sdr || !hdr) throw new Error('no frame');
      const ref = colourStats(sdr);
      const got = colourStats(hdr);
      expect(got.saturation / ref.saturation).toBeGreaterThan(0.8);
      expect(got.saturation / ref.saturation).toBeLessThan(1.2);
      expect(got.brightness / ref.brightness).toBeGreaterThan(0.8);
      expect(got.brightness / ref.brightness).toBeLessThan(1.2);
    },
  );
});
