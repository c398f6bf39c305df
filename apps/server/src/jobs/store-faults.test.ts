// A Redis fault while a worker finishes a job (a write refused, a connection lost) is the
// store's trouble, not the video's: the job goes back to BullMQ to be retried, and is never
// stamped `failed` (which the ingester treats as final).
import type { Job } from 'bullmq';
import { ReplyError } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../test/fake-engine.js';
import { type Harness, harness } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';
import { createProcessor } from './processor.js';
import type { JobData } from './queue.js';

describe.skipIf(!hasRedis)('a Redis fault inside a job', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('is thrown for BullMQ to retry, not recorded as a failed job', async () => {
    const engine = new FakeEngine();
    h = await harness('store-fault', engine);
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: Buffer.from('store fault'),
    });
    const { job_id: id } = (await res.json()) as { job_id: string };
    const breaker = Object.create(h.services.breaker) as typeof h.services.breaker;
    breaker.success = async () => {
      throw new ReplyError('MISCONF Errors writing to the AOF file: No space left on device');
    };
    const processor = createProcessor(
      { ...h.services, breaker, retryWindowMs: h.config.retry.windowMs },
      new AbortController().signal,
    );
    const job = {
      data: { id, bytes: 11, options: { keyframes: null, scorers: [] }, dedupeKey: null },
      attemptsMade: 0,
    } as unknown as Job<JobData>;
    await expect(processor(job)).rejects.toThrow(/^MISCONF/);
    expect((await h.services.records.get(id))?.status).not.toBe('failed');
    expect(await h.services.videos.get(id)).not.toBeNull(); // kept for the retry

    await createProcessor(
      { ...h.services, retryWindowMs: h.config.retry.windowMs },
      new AbortController().signal,
    )(job);
    expect((await h.services.records.get(id))?.status).toBe('done');
  });
});
