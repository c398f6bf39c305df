// Workers as separate processes (`--worker-only`): one killed with SIGKILL mid-job loses no
// job (BullMQ's stalled-job recovery hands it to the next worker); SIGTERM drains.
import { clipBytes, type ServerProcess } from '@imajin/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eStack, ingesterClient } from '../../test/e2e.js';
import { until } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';

describe.skipIf(!hasRedis)('worker processes', () => {
  const e2e = e2eStack('e2e-kill', {
    boss: { latencyMs: 300 }, // 6 frames one at a time: a job takes ≥ 1.8 s
    env: {
      MODEL_BOSS_MAX_IN_FLIGHT: '1',
      JOBS_PER_WORKER: '2',
      LOCK_DURATION: '2s',
      STALLED_INTERVAL: '1s',
      IN_PROCESS_WORKER: 'false',
    },
    stopWith: 'SIGKILL',
  });
  let video: Buffer;

  const submit = async (n: number) => {
    const client = ingesterClient(e2e.server.url);
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await client.submit(video, { reuse: false, keyframes: 6 })).job_id);
    return ids;
  };
  const startedJobs = (w: ServerProcess) =>
    w.logs.filter((l) => l.msg === 'job started').map((l) => l.job_id as string);
  const waitFor = (cond: () => boolean) => until(async () => cond() || undefined, 20_000);

  beforeAll(async () => {
    video = await clipBytes([
      { colour: 'green', seconds: 3 },
      { colour: 'gray', seconds: 3 },
    ]);
  });

  it('a worker SIGKILLed mid-job, then restarted: every job completes, none fails', async () => {
    const ids = await submit(4);
    const first = await e2e.startWorker();
    await waitFor(() => startedJobs(first).length >= 2);
    const running = startedJobs(first);
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const killedMidJob = running.filter(
      (id) => !first.logs.some((l) => l.msg === 'job finished' && l.job_id === id),
    );
    expect(killedMidJob.length).toBeGreaterThan(0);

    const second = await e2e.startWorker();
    const client = ingesterClient(e2e.server.url);
    const results = await Promise.all(
      ids.map((id) => client.waitForResult(id, { signal: AbortSignal.timeout(60_000) })),
    );
    expect(results.map((r) => r.frame_count)).toEqual([6, 6, 6, 6]); // all done, none failed
    for (const id of killedMidJob) expect(startedJobs(second)).toContain(id); // finished elsewhere
    expect(second.logs.some((l) => String(l.msg).includes('stalled'))).toBe(true);
    expect(await second.stop('SIGTERM')).toBe(0); // an idle worker stops at once
  });

  it('SIGTERM drains: the running job finishes, then the worker exits 0', async () => {
    const [id] = await submit(1);
    const w = await e2e.startWorker();
    await waitFor(() => startedJobs(w).includes(id as string));
    const code = await w.stop('SIGTERM');
    expect(code).toBe(0);
    expect(
      w.logs.some((l) => l.msg === 'job finished' && l.job_id === id && l.status === 'done'),
    ).toBe(true);
    expect(await ingesterClient(e2e.server.url).getJob(id as string)).toMatchObject({
      status: 'done',
    });
    expect(await e2e.server.stop('SIGTERM')).toBe(0);
  });
});
