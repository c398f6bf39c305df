// Chaos script (not a test, not in CI; loopback only; bounded to a few minutes): an API process
// and two `--worker-only` processes on one Redis with AOF, 200 jobs from 6 clients (JSON and
// raw uploads, some pairs identical and sent at the same moment by two clients), while it
// SIGKILLs a worker, restarts Redis, makes Redis refuse writes (MISCONF), and makes model-boss
// answer 502s and then stall. The clients behave like the platform's ingester: a 503 is
// retried after its Retry-After, anything else is final. Prints what happened and whether the
// targets hold: 0 lost, 0 failed for a transient cause, 0 bare 5xx, every identical pair run
// once. Exit code 1 when a target is missed.
//
//   pnpm --filter @imajin/server chaos [-- --jobs 200 --clients 6]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  type ModelBossStandIn,
  makeClip,
  type OwnRedis,
  ownRedis,
  type ServerProcess,
  type Shot,
  scriptArgs,
  startModelBoss,
} from '@imajin/test-kit';
import { Redis } from 'ioredis';
import { startServer } from '../test/server-process.js';
import { rssOf } from './rss.js';

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    jobs: { type: 'string', default: '200' },
    clients: { type: 'string', default: '6' },
    pairs: { type: 'string', default: '15' },
  },
});
const JOBS = Number(args.jobs);
const CLIENTS = Number(args.clients);
const PAIRS = Number(args.pairs);
/** Time by which every accepted job must be final, after the last submission. */
const SETTLE_MS = 180_000;
const CACHE = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'imajin-video',
  'chaos-clips',
);

/** Processes to kill if the script must give up (they are children, but not of a shell). */
const children = new Set<ServerProcess>();
async function serve(env: Record<string, string>, argv: string[] = []): Promise<ServerProcess> {
  const p = await startServer(env, argv);
  children.add(p);
  return p;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) =>
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);
const t0 = performance.now();

/** A top-level MP4 `free` box: libav skips it, so each copy of a clip is a distinct upload. */
function freeBox(tag: string): Buffer {
  const payload = Buffer.from(tag);
  const box = Buffer.alloc(8 + payload.length);
  box.writeUInt32BE(box.length, 0);
  box.write('free', 4, 'latin1');
  payload.copy(box, 8);
  return box;
}

interface Submission {
  n: number;
  video: Buffer;
  json: boolean;
  /** Index of the identical submission it is paired with, if any. */
  pair: number | null;
}

async function submissions(): Promise<Submission[]> {
  const bases = await Promise.all(
    [
      ['red-green.mp4', [{ colour: 'red' }, { colour: 'green' }]],
      ['yellow-gray.mp4', [{ colour: 'yellow' }, { colour: 'gray' }]],
      ['testsrc-red.mp4', [{ source: 'testsrc2' }, { colour: 'red' }]],
      ['green-testsrc.mp4', [{ colour: 'green' }, { source: 'testsrc2' }]],
    ].map(async ([name, shots]) =>
      readFile(
        await makeClip(
          join(CACHE, name as string),
          (shots as Omit<Shot, 'seconds'>[]).map((s) => ({ ...s, seconds: 1 })),
          { reuse: true },
        ),
      ),
    ),
  );
  const out: Submission[] = [];
  const unique = JOBS - 2 * PAIRS;
  for (let i = 0; i < unique; i++) {
    const base = bases[i % bases.length] as Buffer;
    out.push({
      n: out.length,
      video: Buffer.concat([base, freeBox(`chaos ${process.pid} ${i}`)]),
      json: i % 2 === 0,
      pair: null,
    });
  }
  // Pairs go in adjacent places, so two clients send them at the same moment (one JSON, one
  // raw: the same bytes either way).
  for (let p = 0; p < PAIRS; p++) {
    const at = Math.floor(((p + 0.5) * out.length) / PAIRS) + 2 * p;
    const video = Buffer.concat([
      bases[p % bases.length] as Buffer,
      freeBox(`pair ${process.pid} ${p}`),
    ]);
    out.splice(at, 0, { n: 0, video, json: true, pair: null });
    out.splice(at + 1, 0, { n: 0, video, json: false, pair: null });
  }
  out.forEach((s, i) => {
    s.n = i;
  });
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i] as Submission;
    const b = out[i + 1] as Submission;
    if (a.video === b.video) {
      a.pair = i + 1;
      b.pair = i;
    }
  }
  return out;
}

interface Outcome {
  jobId?: string;
  status?: string;
  errorCode?: string | null;
  retryable?: boolean | null;
  refusedFinal?: string;
}

const tally = {
  posts: 0,
  retried503: 0,
  connectionErrors: 0,
  bare5xx: [] as string[],
};

async function post(base: string, s: Submission): Promise<Response> {
  if (s.json) {
    return fetch(`${base}/classify-video`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ video_base64: s.video.toString('base64') }),
    });
  }
  return fetch(`${base}/classify-video`, {
    method: 'POST',
    headers: { 'content-type': 'video/mp4' },
    body: s.video,
  });
}

/** Submits like the ingester: a 503 (or an unreachable server) is retried; other answers are final. */
async function submit(base: string, s: Submission, o: Outcome): Promise<void> {
  for (;;) {
    tally.posts++;
    let res: Response;
    try {
      res = await post(base, s);
    } catch {
      tally.connectionErrors++;
      await sleep(1000);
      continue;
    }
    if (res.status === 202) {
      o.jobId = ((await res.json()) as { job_id: string }).job_id;
      return;
    }
    const text = await res.text();
    if (res.status === 503) {
      tally.retried503++;
      const after = Number(res.headers.get('retry-after') ?? 1);
      await sleep(Math.min(Math.max(after, 1), 5) * 1000);
      continue;
    }
    if (res.status >= 500) tally.bare5xx.push(`POST ${res.status}: ${text.slice(0, 200)}`);
    o.refusedFinal = `${res.status} ${text.slice(0, 200)}`;
    return;
  }
}

async function pollUntilFinal(base: string, o: Outcome, deadline: () => number): Promise<void> {
  while (Date.now() < deadline()) {
    try {
      const res = await fetch(`${base}/classify-video/${o.jobId}`);
      if (res.status === 200) {
        const env = (await res.json()) as {
          status: string;
          error_code: string | null;
          retryable: boolean | null;
        };
        o.status = env.status;
        if (env.status === 'done' || env.status === 'failed') {
          o.errorCode = env.error_code;
          o.retryable = env.retryable;
          return;
        }
      } else if (res.status !== 503) {
        const text = await res.text();
        if (res.status >= 500) tally.bare5xx.push(`GET ${res.status}: ${text.slice(0, 200)}`);
        o.status = `http ${res.status}`;
        if (res.status === 404) return; // the record is gone: counted as lost
      } else {
        await res.body?.cancel();
      }
    } catch {
      tally.connectionErrors++;
    }
    await sleep(500);
  }
}

/** Peak RSS per named process slot (a restarted worker keeps its slot). */
function rssWatch(procs: () => Record<string, ServerProcess | undefined>) {
  const peaks: Record<string, number> = {};
  const timer = setInterval(() => {
    for (const [name, p] of Object.entries(procs()))
      peaks[name] = Math.max(peaks[name] ?? 0, rssOf(p?.child.pid));
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peaks;
    },
  };
}

async function misconf(url: string, dir: string, ms: number): Promise<void> {
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  admin.on('error', () => undefined);
  const status = async () =>
    /rdb_last_bgsave_status:(\w+)/.exec(await admin.info('persistence'))?.[1];
  try {
    await admin.config('SET', 'save', '3600 1');
    await admin.config('SET', 'dir', '/proc'); // a snapshot cannot be written there
    await admin.bgsave();
    for (let i = 0; i < 50 && (await status()) !== 'err'; i++) await sleep(100);
    log(`Redis refuses writes (MISCONF) for ${ms / 1000} s`);
    await sleep(ms);
    await admin.config('SET', 'dir', dir);
    await admin.bgsave();
    for (let i = 0; i < 50 && (await status()) !== 'ok'; i++) await sleep(100);
    await admin.config('SET', 'save', '');
    log('Redis accepts writes again');
  } finally {
    admin.disconnect();
  }
}

async function chaos(
  procs: { workers: (ServerProcess | undefined)[]; restartWorker: (i: number) => Promise<void> },
  redis: OwnRedis,
  redisDir: string,
  boss: ModelBossStandIn,
  stop: () => boolean,
): Promise<void> {
  const step = async (ms: number) => {
    await sleep(ms);
    return !stop();
  };
  if (!(await step(6000))) return;
  log('SIGKILL worker 1 (mid-job)');
  await procs.workers[0]?.stop('SIGKILL');
  if (!(await step(6000))) return;
  await procs.restartWorker(0);
  log('worker 1 restarted');
  if (!(await step(3000))) return;
  log('model-boss answers 502 for 5 s');
  boss.mode = '502';
  await sleep(5000);
  log('model-boss stalls for 5 s');
  boss.mode = 'stall';
  await sleep(5000);
  boss.mode = 'ok';
  log('model-boss is back');
  if (!(await step(4000))) return;
  log('Redis restart (SHUTDOWN with its AOF, then start)');
  await redis.stop();
  await sleep(2000);
  await redis.start();
  log('Redis is back');
  if (!(await step(5000))) return;
  await misconf(redis.url, redisDir, 5000);
}

async function main() {
  const list = await submissions();
  const dir = await mkdtemp(join(tmpdir(), 'imajin-chaos-'));
  const redis = ownRedis(await freePort(), dir, ['--enable-protected-configs', 'yes']);
  await redis.start();
  const boss = await startModelBoss({ latencyMs: 20 });
  const env: Record<string, string> = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: `chaos-${process.pid}`,
    SCORER: 'model-boss',
    MODEL_BOSS_URL: boss.url,
    MODEL_BOSS_TIMEOUT: '3s',
    MODEL_BOSS_RETRIES: '1',
    RETRY_WINDOW: '10m',
    RETRY_BACKOFF_MIN: '500ms',
    RETRY_BACKOFF_MAX: '5s',
    BREAKER_OPEN: '3s',
    LOCK_DURATION: '5s',
    STALLED_INTERVAL: '5s',
    JOBS_PER_WORKER: '2',
    DECODE_THREADS: '2',
    UV_THREADPOOL_SIZE: '2',
    LOG_LEVEL: 'info', // startServer waits for the 'listening' line
  };
  const dupes = list.filter((s) => s.pair !== null).length / 2;
  console.log(
    `chaos: ${list.length} jobs (${dupes} identical pairs) from ${CLIENTS} clients, half JSON, half raw; Redis ${redis.url} (AOF); model-boss stand-in 20 ms per image`,
  );
  let api: ServerProcess | undefined;
  const workers: (ServerProcess | undefined)[] = [];
  const rss = rssWatch(() => ({ api, 'worker 1': workers[0], 'worker 2': workers[1] }));
  let finishedSubmitting = false;
  let allFinal = false;
  const outcomes: Outcome[] = list.map(() => ({}));
  try {
    api = await serve({ ...env, IN_PROCESS_WORKER: 'false' });
    workers[0] = await serve(env, ['--worker-only']);
    workers[1] = await serve(env, ['--worker-only']);
    const faults = chaos(
      {
        workers,
        restartWorker: async (i) => {
          workers[i] = await serve(env, ['--worker-only']);
        },
      },
      redis,
      dir,
      boss,
      () => allFinal,
    );
    let next = 0;
    let submittedAt = Date.now();
    const deadline = () => (finishedSubmitting ? submittedAt + SETTLE_MS : Date.now() + SETTLE_MS);
    const base = api.url;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const mine: Promise<void>[] = [];
        for (let i = next++; i < list.length; i = next++) {
          const s = list[i] as Submission;
          const o = outcomes[i] as Outcome;
          await submit(base, s, o);
          if (o.jobId) mine.push(pollUntilFinal(base, o, deadline));
          await sleep(1200); // spread the submissions over the faults
        }
        finishedSubmitting = next >= list.length;
        submittedAt = Date.now();
        await Promise.all(mine);
      }),
    );
    allFinal = true;
    log('every client is done');
    await faults;
  } finally {
    const peaks = rss.stop();
    await Promise.allSettled([api?.stop('SIGTERM'), ...workers.map((w) => w?.stop('SIGTERM'))]);
    await boss.close();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
    report(list, outcomes, peaks);
    // What the processes logged as errors, for reading a missed target.
    const errors = new Map<string, number>();
    for (const p of children)
      for (const l of p.logs)
        if (Number(l.level) >= 50) {
          const k = String(l.msg);
          errors.set(k, (errors.get(k) ?? 0) + 1);
        }
    if (errors.size)
      console.log(`error log lines: ${[...errors].map(([k, v]) => `${v}× ${k}`).join(' · ')}`);
  }
}

function report(list: Submission[], outcomes: Outcome[], peaks: Record<string, number>) {
  const accepted = outcomes.filter((o) => o.jobId);
  const done = accepted.filter((o) => o.status === 'done');
  const failed = accepted.filter((o) => o.status === 'failed');
  const lost = accepted.filter((o) => o.status !== 'done' && o.status !== 'failed');
  const byCode = new Map<string, number>();
  for (const o of failed) {
    const k = `${o.errorCode} (retryable ${o.retryable})`;
    byCode.set(k, (byCode.get(k) ?? 0) + 1);
  }
  // A failure for a transient cause: anything the ingester would read as final though the
  // video is fine (every clip here decodes).
  const transientFailures = failed.length;
  let pairs = 0;
  let duplicatesRun = 0;
  list.forEach((s, i) => {
    if (s.pair === null || s.pair < i) return;
    pairs++;
    const a = outcomes[i] as Outcome;
    const b = outcomes[s.pair] as Outcome;
    if (a.jobId && b.jobId && a.jobId !== b.jobId) duplicatesRun++;
  });
  const refused = outcomes.filter((o) => o.refusedFinal);
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  const lines = [
    '',
    `jobs submitted      ${list.length} (POSTs sent ${tally.posts}; 503 + Retry-After retried ${tally.retried503}; connection errors retried ${tally.connectionErrors})`,
    `jobs accepted       ${accepted.length}${refused.length ? ` (refused for good: ${refused.map((o) => o.refusedFinal).join('; ')})` : ''}`,
    `done                ${done.length}`,
    `failed              ${failed.length}${byCode.size ? ` — ${[...byCode].map(([k, v]) => `${k}: ${v}`).join(', ')}` : ''}`,
    `lost                ${lost.length}${lost.length ? ` (last seen: ${lost.map((o) => o.status ?? 'never polled').join(', ')})` : ''} (accepted but never final within ${SETTLE_MS / 1000} s of the last submission)`,
    `duplicates run      ${duplicatesRun} of ${pairs} identical pairs`,
    `5xx other than 503  ${tally.bare5xx.length}${tally.bare5xx.length ? `: ${tally.bare5xx.slice(0, 5).join(' | ')}` : ''}`,
    `peak RSS            ${Object.entries(peaks)
      .map(([k, v]) => `${k} ${mb(v)}`)
      .join(' · ')}`,
  ];
  const met =
    lost.length === 0 &&
    transientFailures === 0 &&
    tally.bare5xx.length === 0 &&
    duplicatesRun === 0 &&
    accepted.length === list.length;
  lines.push(
    '',
    `targets (0 lost, 0 failed for a transient cause, 0 bare 5xx, every identical pair run once): ${met ? 'MET' : 'NOT MET'}`,
  );
  for (const l of lines) console.log(l);
  process.exitCode = met ? 0 : 1;
}

const overall = setTimeout(() => {
  console.error('chaos: over its 10-minute bound, giving up');
  for (const c of children) c.child.kill('SIGKILL');
  process.exit(2);
}, 600_000);
overall.unref();
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
