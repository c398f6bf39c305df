// Test videos made with the ffmpeg CLI at test time: small (320x180 unless asked), a few
// seconds, shots joined by hard cuts.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegTo } from './ffmpeg.js';

/** One shot: a flat colour card, or an lavfi source. */
export interface Shot {
  seconds: number;
  /** An ffmpeg colour: a name ('red'), '#rrggbb' or 0xRRGGBB. */
  colour?: string;
  /** An lavfi source, with or without options: 'testsrc2', 'mandelbrot', 'gradients=c0=…'. */
  source?: string;
}

export interface ClipOptions {
  width?: number;
  height?: number;
  fps?: number;
  /**
   * A light grid over each colour card, different from one shot to the next (default true). The
   * decoder takes a uniform picture for a fade's bottom, not content, so flat cards alone would
   * never make a cut. The grid keeps the card's mean colour, which the model-boss stand-in reads.
   */
  grid?: boolean;
  /** Extra output arguments, after the defaults (e.g. ['-g', '50', '-sc_threshold', '0']). */
  outputArgs?: string[];
  /** Keep the file if it is already there and not empty (scripts that cache their clips). */
  reuse?: boolean;
}

/** Grids that differ from one shot to the next, light enough to keep the colour's mean. */
const GRIDS = [
  'w=23:h=23:t=2:c=black@0.4',
  'w=53:h=37:t=5:c=white@0.4',
  'w=31:h=61:t=3:c=black@0.4',
  'w=71:h=19:t=4:c=white@0.3',
];

function input(shot: Shot, i: number, size: string, fps: number, grid: boolean): string {
  const source = shot.source ?? `color=c=${shot.colour ?? 'gray'}`;
  const chain = `${source}${source.includes('=') ? ':' : '='}size=${size}:rate=${fps},trim=duration=${shot.seconds}`;
  return grid && !shot.source ? `${chain},drawgrid=${GRIDS[i % GRIDS.length]}` : chain;
}

/** Joins the shots with hard cuts into an H.264 file at `file` (2 s GOP) and returns its path. */
export async function makeClip(
  file: string,
  shots: readonly Shot[],
  o: ClipOptions = {},
): Promise<string> {
  if (
    o.reuse &&
    (await stat(file).then(
      (s) => s.size > 0,
      () => false,
    ))
  )
    return file;
  await mkdir(path.dirname(file), { recursive: true });
  const size = `${o.width ?? 320}x${o.height ?? 180}`;
  const fps = o.fps ?? 25;
  const inputs = shots.flatMap((s, i) => [
    '-f',
    'lavfi',
    '-i',
    input(s, i, size, fps, o.grid ?? true),
  ]);
  const joined = `${shots.map((_, i) => `[${i}:v]`).join('')}concat=n=${shots.length}:v=1:a=0,format=yuv420p[v]`;
  return ffmpegTo(file, [
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
    ...(o.outputArgs ?? []),
  ]);
}

/** The bytes of a clip made in a scratch directory that is removed again. */
export async function clipBytes(shots: readonly Shot[], o: ClipOptions = {}): Promise<Buffer> {
  const scratch = await scratchDir('imajin-clip');
  try {
    return await readFile(await makeClip(path.join(scratch.dir, 'clip.mp4'), shots, o));
  } finally {
    await scratch.remove();
  }
}

/**
 * A copy of `src` holding only its first `fraction` of bytes: a container that promises more
 * than it holds. Written to `out`, or beside `src` as `<name>.cut<percent><ext>`.
 */
export async function truncatedCopy(src: string, fraction: number, out?: string): Promise<string> {
  const bytes = await readFile(src);
  const ext = path.extname(src);
  const target =
    out ?? `${src.slice(0, src.length - ext.length)}.cut${Math.round(fraction * 100)}${ext}`;
  await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return target;
}

/** Bytes that no demuxer accepts, named like a video. */
export async function garbageFile(file: string, bytes = 4096): Promise<string> {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = (i * 7919 + 13) % 251;
  await writeFile(file, buf);
  return file;
}

/** A scratch directory under the system's temp dir; remove() deletes it. */
export async function scratchDir(
  name = 'imajin-test',
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
