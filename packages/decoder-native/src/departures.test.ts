// Departures: the scan reports where the picture leaves the shot (a short insert of any
// texture) and not where it only moves or flashes. Real clips made by the ffmpeg CLI here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, ffprobeFrameTimes } from '../test/fixtures.js';
import { scanScenes } from './index.js';

let dir: string;
const clip = (name: string) => join(dir, name);

const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-bf', '3'];
const PHONE_GOP = (fps: number) => ['-x264-params', `scenecut=0:keyint=${2 * fps}`];
// x265's default B pyramid lets P-frames reference B-frames.
const X265_PYRAMID = (fps: number) => [
  '-c:v',
  'libx265',
  '-preset',
  'fast',
  '-pix_fmt',
  'yuv420p',
  '-x265-params',
  `log-level=error:scenecut=0:keyint=${2 * fps}:min-keyint=${2 * fps}`,
];
/** A slowly drifting, shaking camera over a mandelbrot still: one handheld shot. */
const shot = (fps: number, seconds: number) =>
  `mandelbrot=s=640x360:r=1:start_scale=0.01:end_scale=0.01,trim=end_frame=1,` +
  `zoompan=z=1.3:x='(iw-iw/zoom)*(0.4+0.2*on/${fps * seconds})+3*sin(on*0.3)':y='(ih-ih/zoom)/2+3*sin(on*0.21)':d=${fps * seconds}:s=320x180:fps=${fps},format=yuv420p`;
/** `seconds` of the shot with frames [from, from + frames) replaced by `insert` (a filter chain). */
function withInsert(fps: number, seconds: number, from: number, frames: number, insert: string) {
  return [
    '-filter_complex',
    `${shot(fps, seconds)},setsar=1,split[b1][b2];[b1]trim=end_frame=${from}[pre];` +
      `[b2]trim=start_frame=${from + frames},setpts=PTS-STARTPTS[post];` +
      `${insert},format=yuv420p,setsar=1,trim=end_frame=${frames}[x];[pre][x][post]concat=n=3:v=1:a=0[out]`,
    '-map',
    '[out]',
  ];
}
const TEXTURE = 'testsrc2=s=320x180:r=30';
const CARD = 'color=c=0xc85a96:s=320x180:r=30,noise=alls=14:allf=t';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-departures-'));
  await Promise.all([
    // A 0.3 s picture (9 frames) at 3 s, by hard cuts, in an 8 s shot.
    ffmpeg([...withInsert(30, 8, 90, 9, TEXTURE), ...X264, ...PHONE_GOP(30), clip('insert.mp4')]),
    // A 0.5 s colour card with grain at 4 s: low texture, bridged like black by the cut logic.
    ffmpeg([...withInsert(30, 8, 120, 15, CARD), ...X264, ...PHONE_GOP(30), clip('card.mp4')]),
    // The shot alone, with camera flashes (two frames each) every second.
    ffmpeg([
      '-filter_complex',
      `${shot(30, 8)},eq=brightness=0.45:contrast=0.8:enable='lt(mod(n,30),2)*gte(n,30)'[out]`,
      '-map',
      '[out]',
      ...X264,
      ...PHONE_GOP(30),
      clip('flashes.mp4'),
    ]),
  ]);
  await Promise.all([
    // 60 fps HEVC with a B pyramid: a 0.25 s insert (15 frames) at 3 s, and the shot alone.
    ffmpeg([
      ...withInsert(60, 6, 180, 15, TEXTURE.replace('r=30', 'r=60')),
      ...X265_PYRAMID(60),
      clip('insert-hevc60.mp4'),
    ]),
    ffmpeg([
      '-filter_complex',
      `${shot(60, 6)}[out]`,
      '-map',
      '[out]',
      ...X265_PYRAMID(60),
      clip('shot-hevc60.mp4'),
    ]),
  ]);
}, 300_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  { name: 'fast', fast: true },
  { name: 'exact', fast: false },
])('departures ($name decode)', ({ fast }) => {
  it('finds a 0.3 s insert in a long shot, its peak inside it', async () => {
    const scan = await scanScenes(clip('insert.mp4'), { fast });
    expect(scan.departures).toHaveLength(1);
    const [d] = scan.departures;
    expect(d?.start).toBeGreaterThanOrEqual(2.9);
    expect(d?.end).toBeLessThanOrEqual(3.45);
    expect(d?.peak).toBeGreaterThanOrEqual(3);
    expect(d?.peak).toBeLessThan(3.3);
  });

  it('finds a low-texture card the cut logic bridges', async () => {
    const scan = await scanScenes(clip('card.mp4'), { fast });
    expect(scan.departures).toHaveLength(1);
    expect(scan.departures[0]?.peak).toBeGreaterThanOrEqual(4);
    expect(scan.departures[0]?.peak).toBeLessThan(4.5);
  });

  it('reports no departure for camera flashes or a handheld camera', async () => {
    const scan = await scanScenes(clip('flashes.mp4'), { fast });
    expect(scan.departures).toEqual([]);
  });
});

describe('departures at 60 fps HEVC with B-frames that P-frames reference', () => {
  it('runs the fast scan again without skipping B-frames: no grey frames, no false departures', async () => {
    const frames = (await ffprobeFrameTimes(clip('shot-hevc60.mp4'))).length;
    const scan = await scanScenes(clip('shot-hevc60.mp4'));
    expect(scan.cuts).toEqual([]);
    expect(scan.departures).toEqual([]);
    // Non-reference frames only were skipped: more than I and P frames alone would give.
    expect(scan.framesDecoded).toBeGreaterThan(frames * 0.3);
    expect(scan.framesDecoded).toBeLessThan(frames);
  });

  it('finds a 0.25 s insert in a fast scan', async () => {
    const scan = await scanScenes(clip('insert-hevc60.mp4'));
    expect(scan.departures).toHaveLength(1);
    expect(scan.departures[0]?.peak).toBeGreaterThanOrEqual(3);
    expect(scan.departures[0]?.peak).toBeLessThan(3.25);
  });
});
