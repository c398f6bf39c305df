// Benchmark: whole processes, as a user runs them, on the same files in one run, interleaved,
// median of --reps runs each (the machine is shared, so only side-by-side ratios mean much).
//   (a) ffmpeg CLI full decode (-f null)       (b) ffmpeg scene filter select='gt(scene,0.3)'
//   (c) our scan (node bench/scan.mjs)         (c') the same without the speed tricks (--exact)
//   (d) the subprocess recipe: select pass + one ffmpeg seek per keyframe (bench/recipe.sh)
//   (e) our scan + grab + JPEG via sharp of the same keyframes (node bench/classify.mjs)
// Targets (DESIGN.md): c <= 0.6 a with B-frames, c <= 1.0 a without; d / e >= 2.
//   node bench/run.mjs [--reps 3] [--only name,name]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scanScenes } from '@imajin/decoder-native';
import { ensureClips } from './clips.mjs';
import { keyframeTimes } from './keyframes.mjs';

const { values: args } = parseArgs({
  options: { reps: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const reps = Math.max(3, Number(args.reps));
const here = fileURLToPath(new URL('.', import.meta.url));
const NULL_DECODE = ['-hide_banner', '-loglevel', 'error', '-nostdin'];

function variants(file, times, outDir) {
  return {
    a: ['ffmpeg', [...NULL_DECODE, '-i', file, '-map', '0:v:0', '-f', 'null', '-']],
    b: [
      'ffmpeg',
      [
        ...NULL_DECODE,
        '-i',
        file,
        '-map',
        '0:v:0',
        '-vf',
        "select='gt(scene,0.3)'",
        '-fps_mode',
        'vfr',
        '-f',
        'null',
        '-',
      ],
    ],
    c: ['node', [join(here, 'scan.mjs'), file]],
    "c'": ['node', [join(here, 'scan.mjs'), file, '--exact']],
    d: ['bash', [join(here, 'recipe.sh'), file, outDir, ...times.map(String)]],
    e: ['node', [join(here, 'classify.mjs'), file, outDir]],
  };
}

function timed(cmd, argv) {
  const start = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

function packetCount(file) {
  const r = spawnSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_packets',
      '-show_entries',
      'stream=nb_read_packets,codec_name,pix_fmt,has_b_frames',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(r.stdout).streams[0];
}

async function main() {
  const clips = ensureClips(args.only ? args.only.split(',') : null);
  const rows = [];
  for (const clip of clips) {
    const scan = await scanScenes(clip.file);
    const times = keyframeTimes(scan.scenes);
    const stream = packetCount(clip.file);
    const outDir = mkdtempSync(join(tmpdir(), 'imajin-bench-'));
    const vs = variants(clip.file, times, outDir);
    const names = Object.keys(vs);
    const ms = Object.fromEntries(names.map((n) => [n, []]));
    let decoded = null;
    timed('cat', [clip.file]); // warm the page cache
    for (let rep = 0; rep < reps; rep++) {
      // Interleaved, and rotated each round, so drift in machine load hits every variant alike.
      const order = names.map((_, i) => names[(i + rep) % names.length]);
      for (const name of order) {
        const [cmd, argv] = vs[name];
        const { ms: t, stdout } = timed(cmd, argv);
        ms[name].push(t);
        if (name === 'c') decoded = JSON.parse(stdout).framesDecoded;
        if (
          name === 'e' &&
          JSON.stringify(JSON.parse(stdout).keyframes) !== JSON.stringify(times)
        ) {
          throw new Error(`(e) grabbed other keyframes than (d) on ${clip.name}`);
        }
      }
      process.stderr.write(`${clip.name}: round ${rep + 1}/${reps} done\n`);
    }
    rmSync(outDir, { recursive: true, force: true });
    const med = Object.fromEntries(names.map((n) => [n, median(ms[n])]));
    rows.push({
      clip,
      med,
      all: ms,
      keyframes: times.length,
      cuts: scan.cuts.length,
      decoded,
      stream,
    });
  }

  const s = (v) => (v / 1000).toFixed(2).padStart(6);
  const x = (v) => `${v.toFixed(2)}x`.padStart(6);
  console.log(`\nmedian of ${reps} interleaved runs, seconds (whole processes); ratios of medians`);
  console.log(
    "clip                     frames  dec(c)   kf |      a      b      c     c'      d      e |   c/a  c'/a   d/e",
  );
  for (const r of rows) {
    const { a, b, c, d, e } = r.med;
    const cx = r.med["c'"];
    console.log(
      `${r.clip.name.padEnd(24)} ${String(r.stream.nb_read_packets).padStart(6)} ${String(r.decoded).padStart(7)} ${String(r.keyframes).padStart(4)} |` +
        ` ${s(a)} ${s(b)} ${s(c)} ${s(cx)} ${s(d)} ${s(e)} | ${x(c / a)} ${x(cx / a)} ${x(d / e)}`,
    );
  }
  console.log('\nall runs (ms):');
  for (const r of rows) {
    console.log(
      `${r.clip.name}: ${Object.entries(r.all)
        .map(([n, v]) => `${n} ${v.map((t) => t.toFixed(0)).join('/')}`)
        .join('  ')}`,
    );
  }
  console.log('\ntargets: c/a <= 0.60 with B-frames, <= 1.00 without; d/e >= 2.00');
  for (const r of rows) {
    const limit = r.clip.bframes ? 0.6 : 1.0;
    const ca = r.med.c / r.med.a;
    const de = r.med.d / r.med.e;
    console.log(
      `${r.clip.name.padEnd(24)} c/a ${ca.toFixed(2)} ${ca <= limit ? 'ok' : 'MISSED'} (<= ${limit.toFixed(2)})   d/e ${de.toFixed(2)} ${de >= 2 ? 'ok' : 'MISSED'}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
