// Scan time of this checkout's build against another checkout's (e.g. the commit before a
// detector change), whole processes, interleaved, median of --reps, wall and CPU (all threads:
// the fairer figure on a busy machine); also the departures and cuts each reports. Not part of CI. Build both first (`pnpm build` in each).
//   node bench/compare-builds.mjs --before /path/to/other/packages/decoder-native [--reps 3] files...
import { spawnSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals: files } = parseArgs({
  options: { before: { type: 'string' }, reps: { type: 'string', default: '3' } },
  allowPositionals: true,
});
if (!args.before || files.length === 0) {
  console.error(
    'usage: node bench/compare-builds.mjs --before <decoder-native dir> [--reps N] files...',
  );
  process.exit(2);
}
const builds = { before: resolve(args.before), after: resolve(import.meta.dirname, '..') };

/** One whole process: import the build, scan the file, print what it found. */
function scan(dir, file) {
  const script = `const m = await import(${JSON.stringify(`${dir}/dist/index.js`)});
const s = await m.scanScenes(${JSON.stringify(file)});
const cpu = process.cpuUsage();
console.log(JSON.stringify({ cuts: s.cuts.length, departures: (s.departures ?? []).length, frames: s.framesDecoded, cpu: (cpu.user + cpu.system) / 1e6 }));`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`scan failed (${dir}, ${file}): ${r.stderr}`);
  return { wall, ...JSON.parse(r.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let sumBefore = 0;
let sumAfter = 0;
let cpuBefore = 0;
let cpuAfter = 0;
console.log(
  'file | wall before s | after s | after/before | CPU before s | after s | after/before | cuts before/after | departures after | frames before/after',
);
for (const file of files) {
  const runs = { before: [], after: [] };
  const cpu = { before: [], after: [] };
  const last = {};
  for (let i = 0; i < Number(args.reps); i++) {
    for (const which of i % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
      const r = scan(builds[which], resolve(file));
      runs[which].push(r.wall);
      cpu[which].push(r.cpu);
      last[which] = r;
    }
  }
  const b = median(runs.before);
  const a = median(runs.after);
  const cb = median(cpu.before);
  const ca = median(cpu.after);
  sumBefore += b;
  sumAfter += a;
  cpuBefore += cb;
  cpuAfter += ca;
  console.log(
    `${basename(file)} | ${b.toFixed(2)} | ${a.toFixed(2)} | ${(a / b).toFixed(3)} | ${cb.toFixed(2)} | ${ca.toFixed(2)} | ${(ca / cb).toFixed(3)} | ${last.before.cuts}/${last.after.cuts} | ${last.after.departures} | ${last.before.frames}/${last.after.frames}`,
  );
}
console.log(
  `total | ${sumBefore.toFixed(2)} | ${sumAfter.toFixed(2)} | ${(sumAfter / sumBefore).toFixed(3)} | ${cpuBefore.toFixed(2)} | ${cpuAfter.toFixed(2)} | ${(cpuAfter / cpuBefore).toFixed(3)}`,
);
