// Builds the app on a real Redis, under a key prefix and queue of its own, with any Engine.
import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { RUBRIC } from '@imajin/rubric';
import type { Redis } from 'ioredis';
import { type Config, loadConfig } from '../src/config.js';
import type { Engine } from '../src/engine.js';
import { createApp } from '../src/http/app.js';
import type { RunningWorker } from '../src/jobs/worker.js';
import { createLogger } from '../src/logger.js';
import { connectRedis } from '../src/redis.js';
import type { RubricLike } from '../src/rubric-pin.js';
import type { Services } from '../src/services.js';
import { buildServices, startServicesWorker } from '../src/start-roles.js';
import { dropPrefix, REDIS_URL, testPrefix, testRedis } from './redis.js';

export interface Harness {
  config: Config;
  services: Services;
  app: OpenAPIHono;
  /** A plain client for assertions and clean-up. */
  redis: Redis;
  startWorker(): RunningWorker;
  close(): Promise<void>;
}

export async function harness(
  name: string,
  engine: Engine,
  env: Record<string, string> = {},
  rubric: RubricLike = RUBRIC,
): Promise<Harness> {
  const prefix = testPrefix(name);
  const config = loadConfig({
    REDIS_URL,
    REDIS_PREFIX: prefix,
    QUEUE_NAME: `q-${randomUUID().slice(0, 8)}`,
    SCORER: 'model-boss',
    MODEL_BOSS_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const logger = createLogger(config.logLevel);
  const apiRedis = connectRedis(config.redisUrl, 'api', logger);
  const queueRedis = connectRedis(config.redisUrl, 'queue', logger);
  const services = buildServices(config, engine, rubric, logger, apiRedis, queueRedis);
  const redis = testRedis();
  await Promise.all(
    [apiRedis, queueRedis].map((r) =>
      r.status === 'ready' ? undefined : new Promise((ok) => r.once('ready', ok)),
    ),
  );
  const workers: { w: RunningWorker; r: Redis }[] = [];
  return {
    config,
    services,
    app: createApp(services),
    redis,
    startWorker() {
      const r = connectRedis(config.redisUrl, 'worker', logger);
      const w = startServicesWorker(services, r);
      workers.push({ w, r });
      return w;
    },
    async close() {
      for (const { w, r } of workers) {
        await w.drain(1000);
        await r.quit();
      }
      await services.queue.obliterate({ force: true }).catch(() => undefined);
      await services.queue.close();
      await dropPrefix(redis, prefix);
      await Promise.allSettled([apiRedis.quit(), queueRedis.quit(), redis.quit()]);
    },
  };
}

/** Waits until `check` returns a value (not undefined), polling every `everyMs`. */
export async function until<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
