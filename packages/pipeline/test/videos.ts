// Real test videos made with the ffmpeg CLI at test time (small: ≤ 360p, a few seconds).

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Shot {
  /** An ffmpeg lavfi source, e.g. 'color=c=red' or 'testsrc2'. */
  source: string;
  seconds: number;
}

export interface VideoOptions {
  size?: string;
  fps?: number;
  /** Extra output arguments, e.g. ['-g', '250']. */
  outputArgs?: string[];
}

/** A scratch directory for one test file's videos; remove() deletes it. */
export async function videoDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imajin-pipeline-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Concatenates the shots with hard cuts into an H.264 MP4 and returns its path. */
export async function makeVideo(
  dir: string,
  name: string,
  shots: Shot[],
  opts: VideoOptions = {},
): Promise<string> {
  const size = opts.size ?? '320x180';
  const fps = opts.fps ?? 25;
  const file = path.join(dir, `${name}.mp4`);
  const inputs = shots.flatMap((s) => [
    '-f',
    'lavfi',
    '-i',
    `${s.source}${s.source.includes('=') ? ':' : '='}size=${size}:rate=${fps},trim=duration=${s.seconds}`,
  ]);
  const graph = `${shots.map((_, i) => `[${i}:v]`).join('')}concat=n=${shots.length}:v=1,format=yuv420p[v]`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    graph,
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-movflags',
    '+faststart',
    ...(opts.outputArgs ?? []),
    file,
  ]);
  return file;
}

/** A copy of the video holding only the first `fraction` of its bytes. */
export async function truncated(file: string, fraction: number): Promise<string> {
  const bytes = await readFile(file);
  const out = file.replace(/\.mp4$/, `.cut${Math.round(fraction * 100)}.mp4`);
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return out;
}
