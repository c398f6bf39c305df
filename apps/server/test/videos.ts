// Real test videos, made with the ffmpeg CLI at test time (≤ 360p, a few seconds): solid
// colour shots joined by hard cuts, so the test model-boss can tell explicit (red) from safe.
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Shot {
  /** An ffmpeg colour name or 0xRRGGBB, or 'testsrc' for a busy test pattern. */
  color: string;
  seconds: number;
}

export interface ClipOptions {
  shots: Shot[];
  width?: number;
  height?: number;
  fps?: number;
}

/** Writes `name` into `dir` (kept if already there: the load script caches its clips). */
export async function makeClip(dir: string, name: string, o: ClipOptions): Promise<string> {
  const path = join(dir, name);
  if (
    await stat(path).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return path;
  await mkdir(dir, { recursive: true });
  const w = o.width ?? 320;
  const h = o.height ?? 240;
  const fps = o.fps ?? 15;
  const inputs = o.shots.flatMap((s) => [
    '-f',
    'lavfi',
    '-i',
    s.color === 'testsrc'
      ? `testsrc2=size=${w}x${h}:rate=${fps}:duration=${s.seconds}`
      : `color=c=${s.color}:size=${w}x${h}:rate=${fps}:duration=${s.seconds}`,
  ]);
  const joined = `${o.shots.map((_, i) => `[${i}:v]`).join('')}concat=n=${o.shots.length}:v=1,format=yuv420p[v]`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    joined,
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-g',
    String(fps * 2),
    path,
  ]);
  return path;
}

/** The first `fraction` of a file's bytes: a container that promises more than it holds. */
export async function truncate(path: string, fraction: number, out: string): Promise<string> {
  const bytes = await readFile(path);
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return out;
}
