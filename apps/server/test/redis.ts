// The Redis the tests run against: REDIS_URL (scripts/test.sh starts one). In CI a missing
// REDIS_URL is an error, not a skip; locally the Redis tests are skipped with a reason.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL;

if (!REDIS_URL && process.env.CI) {
  throw new Error(
    'REDIS_URL is not set: the server tests need a Redis (scripts/test.sh starts one)',
  );
}

/** True when the Redis-backed tests can run. */
export const hasRedis = Boolean(REDIS_URL);
if (!hasRedis) {
  console.warn(
    'REDIS_URL is not set: skipping the tests that need Redis (scripts/test.sh starts one)',
  );
}

/** A key prefix of its own for one test file, so files never see each other's keys. */
export function testPrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

export function testRedis(): Redis {
  if (!REDIS_URL) throw new Error('REDIS_URL is not set');
  return new Redis(REDIS_URL, { maxRetriesPerRequest: null });
}

/** Deletes every key under `prefix` (tests tidy up after themselves). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** Drops a test file's keys with a client of its own (for afterAll hooks). */
export async function dropTestPrefix(prefix: string): Promise<void> {
  const redis = testRedis();
  try {
    await dropPrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}
