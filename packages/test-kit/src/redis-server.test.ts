import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './clips.js';
import { freePort } from './ports.js';
import { ownRedis } from './redis-server.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir('imajin-kit-redis');
});
afterAll(() => scratch.remove());

describe('ownRedis', () => {
  it('starts a redis-server on the port, keeps writes across a restart (AOF), and stops it', async () => {
    const redis = ownRedis(await freePort(), scratch.dir);
    await redis.start();
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    client.on('error', () => undefined);
    try {
      await client.set('kit', 'kept');
      expect(await client.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
      await redis.stop();
      await expect(client.get('kit')).rejects.toThrow();
      await redis.start();
      expect(await client.get('kit')).toBe('kept');
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
