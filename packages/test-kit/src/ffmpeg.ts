// The ffmpeg CLI, quiet and non-interactive: every test video is made by it at test time.
import { execFile } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `ffmpeg` with `args` (output overwritten, errors only); rejects with its stderr. */
export async function ffmpeg(args: readonly string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Runs ffmpeg with `args` followed by an output path beside `file`, then renames it to `file`:
 * a clip that is cached between runs is whole or absent, never half written.
 */
export async function ffmpegTo(file: string, args: readonly string[]): Promise<string> {
  const ext = path.extname(file);
  const partial = `${file.slice(0, file.length - ext.length)}.partial${ext}`;
  await ffmpeg([...args, partial]).catch(async (err) => {
    await rm(partial, { force: true });
    throw err;
  });
  await rename(partial, file);
  return file;
}

/** mulberry32: a small seeded PRNG, so generated clips are the same for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
