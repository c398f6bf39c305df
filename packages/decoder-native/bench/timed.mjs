// One whole process, timed as a user waits for it (wall) and by the work it did (CPU: user + sys
// of the process and all its threads and children, from bash's `time`). On a shared machine the
// CPU time is the steadier measure; the wall time is what the targets are about.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `cmd argv`, stdout/stderr into outDir; returns { ms, cpuMs, stdout }; throws on failure. */
export function timed(cmd, argv, outDir) {
  const out = join(outDir, 'stdout.txt');
  const err = join(outDir, 'stderr.txt');
  const script = 'TIMEFORMAT="%U %S"; { time "$@" >"$OUT" 2>"$ERR"; } 2>&1';
  const start = performance.now();
  const r = spawnSync('bash', ['-c', script, 'bash', cmd, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, OUT: out, ERR: err },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${readFileSync(err, 'utf8')}`);
  }
  const [user, sys] = r.stdout.trim().split(/\s+/).slice(-2).map(Number);
  return { ms, cpuMs: (user + sys) * 1000, stdout: readFileSync(out, 'utf8') };
}

export const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
