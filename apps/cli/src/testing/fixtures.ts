// Test videos made with the ffmpeg CLI at test time: small (≤ 320x240), a few seconds, with
// hard cuts between visibly different scenes.
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A scene: a colour (`#d01010`…) under a grid, or a moving lavfi source (`testsrc2`,
 * `smptebars`). The grid matters: the decoder treats a uniform picture as a fade's bottom, not
 * as content, so solid colours would never make a cut.
 */
export interface FixtureScene {
  sec: number;
  colour?: string;
  source?: 'testsrc2' | 'smptebars' | 'rgbtestsrc' | 'mandelbrot';
}

/** Grids that differ from one scene to the next, light enough to keep the colour's mean. */
const GRIDS = [
  'w=23:h=23:t=2:c=black@0.4',
  'w=53:h=37:t=5:c=white@0.4',
  'w=31:h=61:t=3:c=black@0.4',
  'w=71:h=19:t=4:c=white@0.3',
];

export async function makeVideo(
  path: string,
  scenes: readonly FixtureScene[],
  o: { width?: number; height?: number; fps?: number } = {},
): Promise<string> {
  const size = `${o.width ?? 320}x${o.height ?? 180}`;
  const fps = o.fps ?? 25;
  const inputs = scenes.flatMap((s, i) => [
    '-f',
    'lavfi',
    '-i',
    s.source
      ? `${s.source}=s=${size}:r=${fps}:d=${s.sec}`
      : `color=c=${s.colour ?? 'gray'}:s=${size}:r=${fps}:d=${s.sec},drawgrid=${GRIDS[i % GRIDS.length]}`,
  ]);
  const concat = `${scenes.map((_, i) => `[${i}:v]`).join('')}concat=n=${scenes.length}:v=1:a=0,format=yuv420p[v]`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    concat,
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    String(fps),
    path,
  ]);
  return path;
}

/** Bytes that no demuxer accepts, named like a video. */
export async function makeGarbage(path: string, bytes = 4096): Promise<string> {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = (i * 7919 + 13) % 251;
  await writeFile(path, buf);
  return path;
}

/** A copy of `src` cut to a fraction of its bytes: the container promises more than it holds. */
export async function makeTruncated(src: string, path: string, fraction = 0.4): Promise<string> {
  const whole = await readFile(src);
  await writeFile(path, whole.subarray(0, Math.floor(whole.length * fraction)));
  return path;
}

export async function copyVideo(src: string, path: string): Promise<string> {
  await copyFile(src, path);
  return path;
}
