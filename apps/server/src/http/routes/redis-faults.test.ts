// Redis refusing writes (MISCONF: its disk cannot be written, made here by pointing its
// snapshot at a directory it cannot write) is a transient fault of the store: POST answers
// 503 redis_unavailable with Retry-After and retryable: true, never a bare 500, and the next
// request after Redis recovers is served normally.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type OwnRedis, ownRedis } from '@imajin/test-kit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../test/fake-engine.js';
import { type Harness, harness, until } from '../../../test/harness.js';
import { hasRedis } from '../../../test/redis.js';

describe.skipIf(!hasRedis)('Redis refusing writes', () => {
  let dir: string;
  let redis: OwnRedis;
  let admin: Redis;
  let h: Harness;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imajin-misconf-'));
    redis = ownRedis(await freePort(), dir, ['--enable-protected-configs', 'yes']);
    await redis.start();
    admin = new Redis(redis.url);
    h = await harness('misconf', new FakeEngine(), { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await h?.close().catch(() => undefined);
    admin?.disconnect();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const post = () =>
    h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: Buffer.from(`a video ${Math.random()}`),
    });
  const bgsaveStatus = async () =>
    /rdb_last_bgsave_status:(\w+)/.exec(await admin.info('persistence'))?.[1];

  it('answers 503 redis_unavailable (retryable, Retry-After) while MISCONF, then 202 again', async () => {
    expect((await post()).status).toBe(202);

    // A snapshot that cannot be written makes Redis refuse every write with MISCONF.
    await admin.config('SET', 'save', '3600 1');
    await admin.config('SET', 'dir', '/proc');
    await admin.bgsave();
    await until(async () => ((await bgsaveStatus()) === 'err' ? true : undefined));
    await expect(admin.set('probe', '1')).rejects.toThrow(/^MISCONF/);

    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({
      error_code: 'redis_unavailable',
      retryable: true,
    });

    await admin.config('SET', 'dir', dir);
    await admin.bgsave();
    await until(async () => ((await bgsaveStatus()) === 'ok' ? true : undefined));
    expect((await post()).status).toBe(202);
  });
});
