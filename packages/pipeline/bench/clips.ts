// Benchmark clips: 1080p H.264 with B-frames, made once with the ffmpeg CLI and cached outside
// git (IMAJIN_BENCH_DIR, default ~/.cache/imajin-bench).

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { makeClip } from '@imajin/test-kit';

export interface Clip {
  name: string;
  /** What it stands for, for the printed table. */
  kind: string;
  shots: { source: string; seconds: number }[];
  /** Keyframe interval in frames (30 fps): phones use about 1 s, web encodes x264's 250. */
  gop: number;
}

export const CLIPS: Clip[] = [
  {
    name: 'one-shot-30s',
    kind: 'phone-like single shot, 1 s GOP',
    shots: [{ source: 'testsrc2', seconds: 30 }],
    gop: 30,
  },
  {
    name: 'cuts-20s',
    kind: '5 shots, hard cuts, 8 s GOP',
    gop: 250,
    shots: [
      { source: 'testsrc2', seconds: 3 },
      { source: 'mandelbrot', seconds: 5 },
      { source: 'life=mold=10:ratio=0.3:death_color=#202080:life_color=#e0c040', seconds: 2 },
      { source: 'gradients=speed=0.05', seconds: 6 },
      { source: 'cellauto=rule=110', seconds: 4 },
    ],
  },
  {
    name: 'edited-60s',
    kind: '12 shots, hard cuts, 8 s GOP',
    gop: 250,
    shots: Array.from({ length: 12 }, (_, i) => ({
      source:
        ['testsrc2', 'mandelbrot', 'gradients=speed=0.05', 'smptehdbars'][i % 4] ?? 'testsrc2',
      seconds: [3, 7, 4, 6][i % 4] ?? 5,
    })),
  },
];

export function benchDir(): string {
  return process.env.IMAJIN_BENCH_DIR ?? path.join(homedir(), '.cache', 'imajin-bench');
}

export async function ensureClip(clip: Clip): Promise<string> {
  const file = path.join(benchDir(), `pipeline-${clip.name}-g${clip.gop}-1080p.mp4`);
  if (existsSync(file)) return file;
  process.stderr.write(`making ${file} …\n`);
  return makeClip(file, clip.shots, {
    width: 1920,
    height: 1080,
    fps: 30,
    outputArgs: ['-crf', '23', '-bf', '3', '-g', String(clip.gop), '-movflags', '+faststart'],
  });
}
