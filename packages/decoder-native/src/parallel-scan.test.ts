import { describe, expect, it } from 'vitest';
import { expectDecodeError, fixture, fixtureBytes } from '../test/helpers.js';
import { type SceneScan, scanScenes } from './index.js';

/** Everything a scan reports about the video (not how it was decoded). */
function findings(scan: SceneScan) {
  return {
    cuts: scan.cuts,
    times: scan.times,
    scores: scan.scores,
    departures: scan.departures,
    durationSec: scan.durationSec,
    captured: Array.from(scan.captured?.times ?? []),
  };
}

async function bothWays(name: string) {
  const onePass = await scanScenes(fixture(name), { workers: 1, capture: true });
  const chunked = await scanScenes(fixture(name), { workers: 2, capture: true });
  return { onePass, chunked };
}

describe('the parallel scan (MP4/MOV split at keyframes)', () => {
  // Closed GOPs; open GOPs in H.264 and in HEVC with a B pyramid, whose leading pictures the
  // chunk before decodes; 60 fps HEVC, where one pass first tries skipping every B-frame; video
  // after an audio stream and starting late (the second readers copy both, not probe again).
  it.each([
    'cuts.mp4',
    'cuts-opengop.mp4',
    'cuts-hevc-opengop.mp4',
    'cuts-hevc60.mp4',
    'cuts-offset-audio.mp4',
  ])('%s: reports what one pass reports, frame for frame', async (name) => {
    const { onePass, chunked } = await bothWays(name);
    expect(onePass.chunks).toBe(1);
    expect(chunked.chunks).toBeGreaterThan(1);
    expect(findings(chunked)).toEqual(findings(onePass));
    expect(chunked.cuts).toHaveLength(3);
    // Each frame once: a boundary keyframe is at most decoded twice, never reported twice.
    expect(new Set(chunked.times).size).toBe(chunked.times.length);
    expect(chunked.framesDecoded).toBeGreaterThanOrEqual(chunked.times.length);
    expect(chunked.framesDecoded - chunked.times.length).toBeLessThanOrEqual(chunked.chunks * 4);
    onePass.captured?.release();
    chunked.captured?.release();
  });

  it('reads a Buffer the same way as a file', async () => {
    const fromFile = await scanScenes(fixture('cuts-opengop.mp4'), { workers: 2 });
    const fromBytes = await scanScenes(await fixtureBytes('cuts-opengop.mp4'), { workers: 2 });
    expect(fromBytes.chunks).toBeGreaterThan(1);
    expect(findings(fromBytes)).toEqual(findings(fromFile));
  });

  it('scans in one pass what has no index, too few keyframes or exact decoding', async () => {
    for (const name of ['h264.mkv', 'cuts.ts', 'h264.mp4']) {
      expect((await scanScenes(fixture(name), { workers: 2 })).chunks).toBe(1);
    }
    const exact = await scanScenes(fixture('cuts.mp4'), { workers: 2, fast: false });
    expect(exact.chunks).toBe(1);
  });

  it('still reports a truncated MP4 as truncated', async () => {
    await expectDecodeError(
      scanScenes(fixture('truncated-moov-end.mp4'), { workers: 2 }),
      'TRUNCATED',
    );
    await expectDecodeError(
      scanScenes(fixture('truncated-faststart.mp4'), { workers: 2 }),
      'TRUNCATED',
    );
  });

  it('stops every decoder when the call is aborted', async () => {
    const controller = new AbortController();
    const scan = scanScenes(fixture('cuts-hevc60.mp4'), {
      workers: 2,
      signal: controller.signal,
    });
    controller.abort();
    await expectDecodeError(scan, 'ABORTED');
    // and the addon is still usable afterwards
    expect((await scanScenes(fixture('cuts.mp4'), { workers: 2 })).cuts).toHaveLength(3);
  });
});
