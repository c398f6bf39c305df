// Load script (not a test): N concurrent clients submit real 10–30 s clips to the server
// (API process + one `--worker-only` process) with a model-boss stand-in that takes a fixed
// time per image. Prints throughput (seconds of video classified per second of wall time),
// p50/p95 end-to-end latency, the peak RSS of the API and of the worker, and any errors;
// then compares each client count with one client.
//
//   pnpm --filter @imajin/server bench [-- --clients 1,4 --jobs 16 --latency 50]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  makeClip,
  ownRedis,
  type ServerProcess,
  type Shot,
  scriptArgs,
  startModelBoss,
} from '@imajin/test-kit';
import { poll, postRaw } from '../test/client.js';
import { startServer } from '../test/server-process.js';
import { rssOf } from './rss.js';

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    clients: { type: 'string', default: '1,4' },
    jobs: { type: 'string', default: '16' },
    latency: { type: 'string', default: '50' },
    'jobs-per-worker': { type: 'string' },
    'decode-threads': { type: 'string' },
  },
});
const clientCounts = args.clients.split(',').map(Number);
const jobsPerRun = Number(args.jobs);
const CACHE = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'imajin-video',
  'load-clips',
);

/** Six 360p clips of 10–30 s: a busy test pattern and colour shots joined by hard cuts. */
async function clips(): Promise<{ path: string; bytes: Buffer; seconds: number }[]> {
  const specs: [string, Shot[]][] = [
    [
      'a-10s.mp4',
      [
        { source: 'testsrc2', seconds: 4 },
        { colour: 'green', seconds: 3 },
        { source: 'testsrc2', seconds: 3 },
      ],
    ],
    [
      'b-14s.mp4',
      [
        { colour: 'gray', seconds: 5 },
        { source: 'testsrc2', seconds: 5 },
        { colour: 'red', seconds: 4 },
      ],
    ],
    [
      'c-18s.mp4',
      [
        { source: 'testsrc2', seconds: 9 },
        { colour: 'yellow', seconds: 9 },
      ],
    ],
    [
      'd-22s.mp4',
      [
        { colour: 'green', seconds: 6 },
        { source: 'testsrc2', seconds: 10 },
        { colour: 'gray', seconds: 6 },
      ],
    ],
    [
      'e-26s.mp4',
      [
        { source: 'testsrc2', seconds: 13 },
        { source: 'testsrc2', seconds: 13 },
      ],
    ],
    [
      'f-30s.mp4',
      [
        { colour: 'gray', seconds: 10 },
        { source: 'testsrc2', seconds: 10 },
        { colour: 'green', seconds: 10 },
      ],
    ],
  ];
  return Promise.all(
    specs.map(async ([name, shots]) => {
      const path = await makeClip(join(CACHE, name), shots, {
        width: 640,
        height: 360,
        fps: 30,
        reuse: true,
      });
      return {
        path,
        bytes: await readFile(path),
        seconds: shots.reduce((s, x) => s + x.seconds, 0),
      };
    }),
  );
}

function peakRss(procs: ServerProcess[]): { stop(): number[] } {
  const peaks = procs.map(() => 0);
  const timer = setInterval(() => {
    procs.forEach((p, i) => {
      if (p.child.pid) peaks[i] = Math.max(peaks[i] ?? 0, rssOf(p.child.pid));
    });
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return peaks;
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

async function runClients(
  api: ServerProcess,
  worker: ServerProcess,
  videos: Awaited<ReturnType<typeof clips>>,
  clients: number,
) {
  let next = 0;
  const latencies: number[] = [];
  const errors: string[] = [];
  let videoSeconds = 0;
  const rss = peakRss([api, worker]);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < jobsPerRun; i = next++) {
        const clip = videos[i % videos.length] as (typeof videos)[number];
        const t0 = performance.now();
        try {
          const res = await postRaw(api.url, '/classify-video?reuse=false', clip.bytes);
          if (res.status !== 202)
            throw new Error(`POST answered ${res.status}: ${await res.text()}`);
          const env = await poll(
            api.url,
            ((await res.json()) as { job_id: string }).job_id,
            300_000,
          );
          if (env.status !== 'done')
            throw new Error(`job ${env.status}: ${env.error_code} ${env.error}`);
          videoSeconds += env.result?.duration_sec ?? 0;
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors.push((err as Error).message);
        }
      }
    }),
  );
  const wallSec = (performance.now() - started) / 1000;
  const [apiPeak, workerPeak] = rss.stop();
  latencies.sort((a, b) => a - b);
  return {
    clients,
    jobs: latencies.length,
    wallSec,
    throughput: videoSeconds / wallSec,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    apiPeak: apiPeak ?? 0,
    workerPeak: workerPeak ?? 0,
    errors,
  };
}

async function main() {
  const videos = await clips();
  const dir = await mkdtemp(join(tmpdir(), 'imajin-load-'));
  const redis = process.env.REDIS_URL ? null : ownRedis(await freePort(), dir);
  await redis?.start();
  const boss = await startModelBoss({ latencyMs: Number(args.latency) });
  const env: Record<string, string> = {
    REDIS_URL: process.env.REDIS_URL ?? (redis as NonNullable<typeof redis>).url,
    REDIS_PREFIX: `load-${process.pid}`,
    SCORER: 'model-boss',
    MODEL_BOSS_URL: boss.url,
    IN_PROCESS_WORKER: 'false',
    LOG_LEVEL: 'info',
    ...(args['jobs-per-worker'] ? { JOBS_PER_WORKER: args['jobs-per-worker'] } : {}),
    ...(args['decode-threads']
      ? { DECODE_THREADS: args['decode-threads'], UV_THREADPOOL_SIZE: args['decode-threads'] }
      : {}),
  };
  let api: ServerProcess | undefined;
  let worker: ServerProcess | undefined;
  console.log(
    `clips: ${videos.map((v) => `${v.seconds}s`).join(' ')} (640x360, cached in ${CACHE}); model-boss ${args.latency} ms per image; ${jobsPerRun} jobs per run`,
  );
  try {
    api = await startServer(env);
    worker = await startServer(env, ['--worker-only']);
    await runClients(api, worker, videos.slice(0, 1), 1); // warm-up: imports, first decode
    const rows = [];
    for (const clients of clientCounts) {
      const r = await runClients(api, worker, videos, clients);
      rows.push(r);
      console.log(
        `clients=${r.clients} jobs=${r.jobs} wall=${r.wallSec.toFixed(1)}s throughput=${r.throughput.toFixed(2)} video-s/s ` +
          `p50=${(r.p50 / 1000).toFixed(2)}s p95=${(r.p95 / 1000).toFixed(2)}s peak RSS api=${mb(r.apiPeak)} worker=${mb(r.workerPeak)} errors=${r.errors.length}`,
      );
      for (const e of r.errors.slice(0, 5)) console.log(`  error: ${e}`);
    }
    const base = rows[0];
    for (const r of rows.slice(1)) {
      if (base)
        console.log(
          `throughput ${r.clients} clients / ${base.clients} client: ${(r.throughput / base.throughput).toFixed(2)}x (target ≥ 1.2x)`,
        );
    }
  } finally {
    await api?.stop();
    await worker?.stop();
    await boss.close();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
