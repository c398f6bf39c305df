import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dropPrefix, hasRedis, testPrefix, testRedis } from '../../test/redis.js';
import { redisKeys } from './keys.js';
import { type JobRecord, JobRecords, toEnvelope } from './records.js';

describe.skipIf(!hasRedis)('JobRecords', () => {
  const redis = hasRedis ? testRedis() : (null as never);
  const prefix = testPrefix('records');
  const records = hasRedis ? new JobRecords(redis, redisKeys(prefix), 60) : (null as never);
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    await redis.quit();
  });
  const fresh = (): JobRecord => ({
    job_id: randomUUID(),
    status: 'queued',
    result: null,
    error: null,
    error_code: null,
    retryable: null,
    created_at: Date.now(),
    updated_at: Date.now(),
    options: { keyframes: 4, scorers: ['quality'] },
    bytes: 123,
    outage_since: null,
    rubric_fingerprint: 'f'.repeat(64),
  });

  it('round-trips a record, with a TTL', async () => {
    const rec = fresh();
    await records.create(rec);
    expect(await records.get(rec.job_id)).toEqual(rec);
    expect(await redis.ttl(`${prefix}:job:${rec.job_id}`)).toBeGreaterThan(50);
    expect(toEnvelope(rec)).toEqual({
      job_id: rec.job_id,
      status: 'queued',
      result: null,
      error: null,
      error_code: null,
      retryable: null,
      rubric_fingerprint: 'f'.repeat(64),
    });
  });

  it('keeps a finished record final: a late writer cannot turn it back', async () => {
    const rec = fresh();
    await records.create(rec);
    expect(
      await records.update(rec.job_id, {
        status: 'failed',
        error: 'bad',
        error_code: 'truncated',
        retryable: false,
      }),
    ).toBe('updated');
    expect(await records.update(rec.job_id, { status: 'processing' })).toBe('final');
    expect((await records.get(rec.job_id))?.status).toBe('failed');
    expect(await records.update(randomUUID(), { status: 'processing' })).toBe('missing');
    expect(await records.get(randomUUID())).toBeNull();
  });
});
