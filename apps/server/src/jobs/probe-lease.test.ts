// The breaker's half-open probe lease must be given back on every path that leaves the job
// without reaching the scorer; otherwise every other job waits out the lease (a minute),
// stamped as in an outage, which starts its retry window.
import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../test/fake-engine.js';
import { type Harness, harness, until } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';
import { createProcessor } from './processor.js';
import type { JobData } from './queue.js';

describe.skipIf(!hasRedis)('the scorer probe lease', () => {
  let h: Harness;
  afterEach(() => h.close());

  const HALF_OPEN = { BREAKER_THRESHOLD: '1', BREAKER_OPEN: '100ms' };

  async function halfOpen(): Promise<void> {
    await h.services.breaker.failure();
    await until(async () => ((await h.services.breaker.openFor()) === 0 ? true : undefined));
  }
  async function submit(body: string): Promise<string> {
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: Buffer.from(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { job_id: string }).job_id;
  }
  const processorOf = (deps = h.services) =>
    createProcessor(
      { ...deps, retryWindowMs: h.config.retry.windowMs },
      new AbortController().signal,
    );
  const jobOf = (id: string) =>
    ({
      data: { id, bytes: 1, options: { keyframes: null, scorers: [] }, dedupeKey: null },
      attemptsMade: 0,
    }) as unknown as Job<JobData>;

  it('is released when the job’s video expired', async () => {
    h = await harness('lease-expired', new FakeEngine(), HALF_OPEN);
    const id = await submit('expired');
    await h.services.videos.delete(id);
    await halfOpen();
    await processorOf()(jobOf(id));
    expect((await h.services.records.get(id))?.error_code).toBe('video_expired');
    expect((await h.services.breaker.admit()).allowed).toBe(true);
  });

  it('is released when the record was finished elsewhere before this worker started it', async () => {
    h = await harness('lease-final', new FakeEngine(), HALF_OPEN);
    const id = await submit('finished elsewhere');
    await halfOpen();
    const records = Object.create(h.services.records) as typeof h.services.records;
    records.update = async () => 'final';
    await processorOf({ ...h.services, records })(jobOf(id));
    expect((await h.services.breaker.admit()).allowed).toBe(true);
  });

  it('is released when a drain hands the job back', async () => {
    const engine = new FakeEngine();
    engine.delayMs = 5000;
    h = await harness('lease-drain', engine, HALF_OPEN);
    const id = await submit('slow');
    await halfOpen();
    const w = h.startWorker();
    await until(async () =>
      (await h.services.records.get(id))?.status === 'processing' ? true : undefined,
    );
    await w.drain(100);
    expect((await h.services.records.get(id))?.status).toBe('queued');
    expect((await h.services.breaker.admit()).allowed).toBe(true);
  });
});
