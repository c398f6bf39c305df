// Redis connections. The API's fail fast (no offline queue) so an outage answers 503 at once;
// the worker's wait and reconnect (BullMQ needs maxRetriesPerRequest: null).
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export type RedisRole = 'api' | 'queue' | 'worker';

export function connectRedis(url: string, role: RedisRole, logger: Logger): Redis {
  const redis =
    role === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null, connectionName: `imajin-${role}` })
      : new Redis(url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: 15_000,
          connectionName: `imajin-${role}`,
        });
  let lastLog = 0;
  redis.on('error', (err: Error) => {
    // ioredis reports every reconnect attempt; one line per 10 s is enough.
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    logger.warn({ redis: role, error: err.message }, 'redis connection error');
  });
  redis.on('ready', () => {
    if (lastLog !== 0) logger.info({ redis: role }, 'redis connection restored');
    lastLog = 0;
  });
  return redis;
}
