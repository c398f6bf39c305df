// The scan's speed over the whole scene-evaluation set (eval/): for every clip, ffmpeg's full
// decode (a) and our scan (c), each a whole process as a user runs it (process start included),
// interleaved, median of --reps runs (3 by default); the sums over the set, wall and CPU, and every clip's c/a.
// Target: the set's c/a <= 0.70, and no clip slower than its full decode (c/a <= 1).
//   node bench/eval-speed.mjs [--reps 3] [--half tune|test|all]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureEvalSet } from '../eval/make.mjs';
import { median, timed } from './timed.mjs';

const { values: args } = parseArgs({
  options: { reps: { type: 'string', default: '3' }, half: { type: 'string', default: 'all' } },
});
const reps = Math.max(1, Number(args.reps));
const here = fileURLToPath(new URL('.', import.meta.url));
const videos = ensureEvalSet().videos.filter((v) => args.half === 'all' || v.half === args.half);
const outDir = mkdtempSync(join(tmpdir(), 'imajin-eval-speed-'));
const variants = (file) => ({
  a: [
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-f',
      'null',
      '-',
    ],
  ],
  c: ['node', [join(here, 'scan.mjs'), file]],
});

const rows = [];
for (const video of videos) {
  const vs = variants(video.file);
  const runs = { a: [], c: [] };
  timed('cat', [video.file], outDir); // warm the page cache
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rep % 2 ? ['c', 'a'] : ['a', 'c']) {
      const [cmd, argv] = vs[name];
      runs[name].push(timed(cmd, argv, outDir));
    }
  }
  const med = (name, key) => median(runs[name].map((r) => r[key]));
  rows.push({
    video,
    a: { ms: med('a', 'ms'), cpu: med('a', 'cpuMs') },
    c: { ms: med('c', 'ms'), cpu: med('c', 'cpuMs') },
  });
  process.stderr.write(`${video.name}: done\n`);
}
rmSync(outDir, { recursive: true, force: true });

const s = (v) => (v / 1000).toFixed(2).padStart(7);
const x = (v) => `${v.toFixed(2)}x`.padStart(6);
console.log(
  `median of ${reps} interleaved runs per clip, seconds (a = ffmpeg full decode, c = scan)`,
);
console.log(
  'clip                                 size       fps |  wall a  wall c   c/a |   cpu a   cpu c   c/a',
);
const sum = { a: { ms: 0, cpu: 0 }, c: { ms: 0, cpu: 0 } };
let slower = 0;
for (const r of rows) {
  for (const k of ['a', 'c']) {
    sum[k].ms += r[k].ms;
    sum[k].cpu += r[k].cpu;
  }
  if (r.c.ms > r.a.ms) slower++;
  console.log(
    `${r.video.name.padEnd(36)} ${r.video.size.join('x').padEnd(10)} ${String(r.video.fps).padStart(3)} |` +
      ` ${s(r.a.ms)} ${s(r.c.ms)} ${x(r.c.ms / r.a.ms)} | ${s(r.a.cpu)} ${s(r.c.cpu)} ${x(r.c.cpu / r.a.cpu)}`,
  );
}
const wall = sum.c.ms / sum.a.ms;
const cpu = sum.c.cpu / sum.a.cpu;
console.log(
  `${'whole set'.padEnd(36)} ${`${rows.length} clips`.padEnd(14)} |` +
    ` ${s(sum.a.ms)} ${s(sum.c.ms)} ${x(wall)} | ${s(sum.a.cpu)} ${s(sum.c.cpu)} ${x(cpu)}`,
);
console.log(
  `\ntarget: set c/a <= 0.70 wall: ${wall.toFixed(2)} ${wall <= 0.7 ? 'ok' : 'MISSED'} (CPU ${cpu.toFixed(2)}); ` +
    `clips slower than their full decode (wall): ${slower}${slower ? ' MISSED' : ' ok'}`,
);
