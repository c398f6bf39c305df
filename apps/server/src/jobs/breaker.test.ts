import { afterAll, describe, expect, it } from 'vitest';
import { dropPrefix, hasRedis, testPrefix, testRedis } from '../../test/redis.js';
import { Breaker } from './breaker.js';
import { redisKeys } from './keys.js';

describe.skipIf(!hasRedis)('Breaker (state in Redis, shared)', () => {
  const redis = hasRedis ? testRedis() : (null as never);
  const prefix = testPrefix('breaker');
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    await redis.quit();
  });

  it('opens after a run of failures, shares its state, lets one probe through, closes on success', async () => {
    const a = new Breaker(redis, redisKeys(prefix), { threshold: 3, openMs: 200 });
    const b = new Breaker(redis, redisKeys(prefix), { threshold: 3, openMs: 200 });
    expect(await a.admit()).toEqual({ allowed: true, probe: null });
    await a.failure();
    await b.failure();
    expect(await a.openFor()).toBe(0);
    await a.failure();
    expect(await b.openFor()).toBeGreaterThan(100);
    expect((await b.admit()).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    const probe = await a.admit();
    expect(probe).toMatchObject({ allowed: true, probe: expect.any(String) });
    expect((await b.admit()).allowed).toBe(false); // only one probe at a time
    await a.failure(); // the probe failed: open again
    expect(await b.openFor()).toBeGreaterThan(100);
    await new Promise((r) => setTimeout(r, 250));
    const second = await b.admit();
    expect(second.allowed && second.probe).toBeTruthy();
    await b.success();
    expect(await a.admit()).toEqual({ allowed: true, probe: null });
  });

  it('frees the probe when it ended without reaching the scorer', async () => {
    const p = testPrefix('breaker-release');
    const br = new Breaker(redis, redisKeys(p), { threshold: 1, openMs: 50 });
    await br.failure();
    await new Promise((r) => setTimeout(r, 80));
    const probe = await br.admit();
    if (!probe.allowed || !probe.probe) throw new Error('expected a probe');
    await br.releaseProbe(probe.probe);
    expect((await br.admit()).allowed).toBe(true);
    await dropPrefix(redis, p);
  });
});
