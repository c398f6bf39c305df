// Benchmark: whole processes, as a user runs them, on the same files in one run, interleaved,
// median of --reps runs each (the machine is shared, so only side-by-side ratios mean much).
//   (a) ffmpeg CLI full decode (-f null)       (b) ffmpeg scene filter select='gt(scene,0.3)'
//   (c) our scan (node bench/scan.mjs)         (c') the same without the speed tricks (--exact)
//   (d) the subprocess recipe: select pass + one ffmpeg seek per keyframe (bench/recipe.sh)
//   (e) the decode half of classify: our scan keeping frames on the way, the pipeline's plan,
//       kept frames taken (others grabbed), JPEG via sharp, same keyframes (bench/classify.mjs)
// Targets (docs/architecture.md): c <= 0.6 a with B-frames, c <= 1.0 a without; d / e >= 2.
//   node bench/run.mjs --reps 3 --only name,name     (from packages/decoder-native)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scanScenes } from '@imajin/decoder-native';
import { ensureClips } from './clips.mjs';
import { keyframesOf } from './keyframes.mjs';
import { median, timed } from './timed.mjs';

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
    const scan = await scanScenes(clip.file, { capture: true });
    const { times } = keyframesOf(scan);
    scan.captured?.release();
    const frameStep = 1 / (scan.info.frameRate || 30);
    const stream = packetCount(clip.file);
    const outDir = mkdtempSync(join(tmpdir(), 'imajin-bench-'));
    const vs = variants(clip.file, times, outDir);
    const names = Object.keys(vs);
    const ms = Object.fromEntries(names.map((n) => [n, []]));
    const cpu = Object.fromEntries(names.map((n) => [n, []]));
    let decoded = null;
    let fromScan = null;
    timed('cat', [clip.file], outDir); // warm the page cache
    for (let rep = 0; rep < reps; rep++) {
      // Interleaved, and rotated each round, so drift in machine load hits every variant alike.
      const order = names.map((_, i) => names[(i + rep) % names.length]);
      for (const name of order) {
        const [cmd, argv] = vs[name];
        const { ms: t, cpuMs, stdout } = timed(cmd, argv, outDir);
        ms[name].push(t);
        cpu[name].push(cpuMs);
        if (name === 'c') decoded = JSON.parse(stdout).framesDecoded;
        if (name === 'e') {
          // (d) seeks to the same times; a grabbed frame is the one shown at the time asked.
          const got = JSON.parse(stdout);
          fromScan = got.fromScan;
          const same =
            got.keyframes.length === times.length &&
            got.keyframes.every((t, i) => Math.abs(t - times[i]) <= frameStep + 1e-3);
          if (!same) throw new Error(`(e) grabbed other keyframes than (d) on ${clip.name}`);
        }
      }
      process.stderr.write(`${clip.name}: round ${rep + 1}/${reps} done\n`);
    }
    rmSync(outDir, { recursive: true, force: true });
    const med = Object.fromEntries(names.map((n) => [n, median(ms[n])]));
    const medCpu = Object.fromEntries(names.map((n) => [n, median(cpu[n])]));
    rows.push({
      clip,
      med,
      medCpu,
      all: ms,
      keyframes: times.length,
      fromScan,
      cuts: scan.cuts.length,
      decoded,
      stream,
    });
  }

  const s = (v) => (v / 1000).toFixed(2).padStart(6);
  const x = (v) => `${v.toFixed(2)}x`.padStart(6);
  const table = (title, key) => {
    console.log(`\n${title}: median of ${reps} interleaved runs, seconds; ratios of the medians`);
    console.log(
      "clip                     frames  dec(c) kept/kf |      a      b      c     c'      d      e |   c/a  c'/a   d/e",
    );
    for (const r of rows) {
      const m = r[key];
      console.log(
        `${r.clip.name.padEnd(24)} ${String(r.stream.nb_read_packets).padStart(6)} ${String(r.decoded).padStart(7)} ${`${r.fromScan}/${r.keyframes}`.padStart(7)} |` +
          ` ${s(m.a)} ${s(m.b)} ${s(m.c)} ${s(m["c'"])} ${s(m.d)} ${s(m.e)} | ${x(m.c / m.a)} ${x(m["c'"] / m.a)} ${x(m.d / m.e)}`,
      );
    }
  };
  table('wall time (what the user waits)', 'med');
  table('CPU time (user + sys, all threads and child processes)', 'medCpu');
  console.log('\nall runs, wall ms:');
  for (const r of rows) {
    const runs = Object.entries(r.all).map(
      ([n, v]) => `${n} ${v.map((t) => t.toFixed(0)).join('/')}`,
    );
    console.log(`${r.clip.name}: ${runs.join('  ')}`);
  }
  console.log('\ntargets (wall): c/a <= 0.60 with B-frames, <= 1.00 without; d/e >= 2.00');
  for (const r of rows) {
    const limit = r.clip.bframes ? 0.6 : 1.0;
    const verdict = (ok) => (ok ? 'ok' : 'MISSED');
    const ca = r.med.c / r.med.a;
    const de = r.med.d / r.med.e;
    const caCpu = r.medCpu.c / r.medCpu.a;
    const deCpu = r.medCpu.d / r.medCpu.e;
    console.log(
      `${r.clip.name.padEnd(24)} c/a ${ca.toFixed(2)} ${verdict(ca <= limit)} (<= ${limit.toFixed(2)}; CPU ${caCpu.toFixed(2)})` +
        `   d/e ${de.toFixed(2)} ${verdict(de >= 2)} (CPU ${deCpu.toFixed(2)})`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
