import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { garbageFile, makeClip, scratchDir, truncatedCopy } from './clips.js';

const run = promisify(execFile);

async function probe(file: string) {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-count_frames',
    '-show_entries',
    'stream=codec_name,width,height,r_frame_rate,nb_read_frames',
    '-of',
    'json',
    file,
  ]);
  return (JSON.parse(stdout) as { streams: Record<string, string | number>[] }).streams[0];
}

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir('imajin-kit-clips');
});
afterAll(() => scratch.remove());

describe('makeClip', () => {
  it('makes an H.264 clip of the asked size, rate and length, shots end to end', async () => {
    const file = await makeClip(
      path.join(scratch.dir, 'two.mp4'),
      [
        { colour: 'red', seconds: 1 },
        { source: 'testsrc2', seconds: 1.6 },
      ],
      { width: 160, height: 96, fps: 10 },
    );
    expect(await probe(file)).toMatchObject({
      codec_name: 'h264',
      width: 160,
      height: 96,
      r_frame_rate: '10/1',
      nb_read_frames: '26',
    });
  });

  it('keeps a colour card’s mean colour under the grid, and reuses a file when asked', async () => {
    const file = path.join(scratch.dir, 'grid.mp4');
    await makeClip(file, [{ colour: '#d01010', seconds: 0.4 }], { grid: true });
    const { stdout } = await run(
      'ffmpeg',
      [
        ...['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
        'pipe:1',
      ],
      { encoding: 'buffer', maxBuffer: 1 << 24 },
    );
    const px = stdout as unknown as Buffer;
    const mean = [0, 1, 2].map((c) => {
      let sum = 0;
      for (let i = c; i < px.length; i += 3) sum += px[i] ?? 0;
      return sum / (px.length / 3);
    });
    expect(mean[0]).toBeGreaterThan(150);
    expect(Math.max(mean[1] ?? 255, mean[2] ?? 255)).toBeLessThan(100);

    const before = (await stat(file)).mtimeMs;
    await makeClip(file, [{ colour: 'blue', seconds: 3 }], { reuse: true });
    expect((await stat(file)).mtimeMs).toBe(before);
  });
});

describe('broken files', () => {
  it('truncatedCopy keeps the first fraction of the bytes, beside the source by default', async () => {
    const src = await makeClip(path.join(scratch.dir, 'whole.mp4'), [
      { source: 'testsrc2', seconds: 1 },
    ]);
    const cut = await truncatedCopy(src, 0.5);
    expect(cut).toBe(path.join(scratch.dir, 'whole.cut50.mp4'));
    const [a, b] = await Promise.all([readFile(src), readFile(cut)]);
    expect(b.length).toBe(Math.floor(a.length / 2));
    expect(a.subarray(0, b.length).equals(b)).toBe(true);
  });

  it('garbageFile writes bytes ffprobe cannot read', async () => {
    const file = await garbageFile(path.join(scratch.dir, 'garbage.mp4'), 1000);
    expect((await stat(file)).size).toBe(1000);
    await expect(probe(file)).rejects.toThrow();
  });
});
