// The usual subprocess recipe we compare against, for the same keyframes: one ffmpeg pass with
// the scene-select filter, then one ffmpeg seek per keyframe writing a JPEG (two at a time, as
// a script would on two cores), each scored by the same scorer.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Scorer } from '../src/index.js';

const run = promisify(execFile);

export async function subprocessRecipe(file: string, times: readonly number[], scorer: Scorer) {
  const t0 = performance.now();
  await run('ffmpeg', [
    ...['-hide_banner', '-nostats', '-i', file],
    ...['-vf', "select='gt(scene,0.3)',showinfo", '-f', 'null', '-'],
  ]);
  const scanMs = performance.now() - t0;
  const queue = [...times];
  const rgb = { t: 0, width: 1, height: 1, data: new Uint8Array(3) };
  const worker = async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
      const { stdout } = await run(
        'ffmpeg',
        [
          ...['-hide_banner', '-loglevel', 'error', '-ss', String(t), '-i', file],
          ...[
            '-frames:v',
            '1',
            '-vf',
            'scale=512:-2',
            '-q:v',
            '3',
            '-f',
            'image2pipe',
            '-c:v',
            'mjpeg',
            '-',
          ],
        ],
        { encoding: 'buffer', maxBuffer: 64 << 20 },
      );
      await scorer.score({ jpeg: stdout, rgb });
    }
  };
  await Promise.all([worker(), worker()]);
  return { scanMs, totalMs: performance.now() - t0 };
}
