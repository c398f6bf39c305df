// Benchmark clips: 1080p H.264 with B-frames, made once with the ffmpeg CLI and cached outside
// git (IMAJIN_BENCH_DIR, default ~/.cache/imajin-bench).

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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
  const dir = benchDir();
  const file = path.join(dir, `pipeline-${clip.name}-g${clip.gop}-1080p.mp4`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const size = '1920x1080';
  const inputs = clip.shots.flatMap((s) => {
    const sep = s.source.includes('=') ? ':' : '=';
    return [
      '-f',
      'lavfi',
      '-i',
      `${s.source}${sep}size=${size}:rate=30,trim=duration=${s.seconds}`,
    ];
  });
  const graph = `${clip.shots.map((_, i) => `[${i}:v]`).join('')}concat=n=${clip.shots.length}:v=1,format=yuv420p[v]`;
  const partial = `${file}.partial.mp4`;
  process.stderr.write(`making ${file} …\n`);
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', ...inputs],
    ...['-filter_complex', graph, '-map', '[v]'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-bf', '3', '-g', String(clip.gop)],
    ...['-movflags', '+faststart', partial],
  ]);
  await rename(partial, file);
  return file;
}
