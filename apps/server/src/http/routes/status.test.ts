import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../test/fake-engine.js';
import { type Harness, harness, until } from '../../../test/harness.js';
import { hasRedis } from '../../../test/redis.js';
import type { JobRecord } from '../../jobs/records.js';

/** A queued record untouched for a minute: old enough for GET to ask the queue about it. */
function staleQueuedRecord(id: string, bytes: number): JobRecord {
  const long = Date.now() - 60_000;
  return {
    job_id: id,
    status: 'queued',
    result: null,
    error: null,
    error_code: null,
    retryable: null,
    created_at: long,
    updated_at: long,
    options: { keyframes: null, scorers: [] },
    bytes,
    outage_since: null,
    rubric_fingerprint: null,
  };
}

describe.skipIf(!hasRedis)('GET /classify-video/{job_id}', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('status', new FakeEngine(), { JOB_TTL: '1' });
  });
  afterAll(() => h.close());

  it('answers 404 not_found for an unknown id and for a malformed one', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await h.app.request(`/classify-video/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error_code: 'not_found', retryable: false });
    }
  });

  it('answers the envelope of a queued job, then 404 once its TTL has passed', async () => {
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: Buffer.from('ttl'),
    });
    const { job_id } = (await res.json()) as { job_id: string };
    const got = await h.app.request(`/classify-video/${job_id}`);
    expect(await got.json()).toEqual({
      job_id,
      status: 'queued',
      result: null,
      error: null,
      error_code: null,
      retryable: null,
      rubric_fingerprint: h.services.rubric.fingerprint,
    });
    await until(
      async () =>
        (await h.app.request(`/classify-video/${job_id}`)).status === 404 ? true : undefined,
      5000,
      200,
    );
  });

  it('marks a job the queue lost as failed (retryable) instead of leaving it queued forever', async () => {
    const id = randomUUID();
    await h.services.records.create(staleQueuedRecord(id, 1));
    const res = await h.app.request(`/classify-video/${id}`);
    expect(await res.json()).toMatchObject({
      status: 'failed',
      error_code: 'internal',
      retryable: true,
    });
  });

  it('queues again a job whose record and bytes exist but that never reached the queue', async () => {
    const id = randomUUID();
    await h.services.videos.put(id, Buffer.from([200, 1, 2]));
    await h.services.records.create(staleQueuedRecord(id, 3));
    const res = await h.app.request(`/classify-video/${id}`);
    expect(await res.json()).toMatchObject({ status: 'queued' });
    expect(await h.services.queue.getJobState(id)).toBe('waiting');
    h.startWorker();
    const done = await until(async () => {
      const e = (await (await h.app.request(`/classify-video/${id}`)).json()) as {
        status: string;
      };
      return e.status === 'done' || e.status === 'failed' ? e : undefined;
    });
    expect(done.status).toBe('done');
  });
});
