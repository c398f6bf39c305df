// Step 3 of start-up (main.ts → serve-until-signal.ts → here): connects Redis, builds the
// services the roles share (services.ts), and starts this process's roles: the HTTP API and/or
// a worker (a worker-only process still listens, for probes and metrics).
import { type ServerType, serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Redis } from 'ioredis';
import { buildCallbacks, startCallbackWorker } from './callbacks/wiring.js';
import type { Config } from './config.js';
import type { Engine } from './engine.js';
import { createApp } from './http/app.js';
import { errorResponder } from './http/on-error.js';
import { healthRoutes } from './http/routes/health.js';
import { Breaker } from './jobs/breaker.js';
import { Dedupe } from './jobs/dedupe.js';
import { redisKeys } from './jobs/keys.js';
import { createQueue, queueDepth } from './jobs/queue.js';
import { QueuedBytes } from './jobs/queued-bytes.js';
import { JobRecords } from './jobs/records.js';
import { VideoStore } from './jobs/videos.js';
import { type RunningWorker, startWorker } from './jobs/worker.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { connectRedis } from './redis.js';
import type { RubricLike } from './rubric-pin.js';
import type { Services } from './services.js';
import { Slots } from './slots.js';

/** The Redis-backed stores, on one client (the API's fail-fast one or the worker's patient one). */
export function jobStores(config: Config, redis: Redis) {
  const keys = redisKeys(config.redisPrefix);
  const records = new JobRecords(redis, keys, config.jobTtlSec);
  return {
    records,
    videos: new VideoStore(redis, keys, config.jobTtlSec),
    queuedBytes: new QueuedBytes(redis, keys),
    dedupe: new Dedupe(redis, keys, config.jobTtlSec),
    breaker: new Breaker(redis, keys, config.breaker),
  };
}

export function buildServices(
  config: Config,
  engine: Engine,
  rubric: RubricLike,
  logger: Logger,
  redis: Redis,
  queueRedis: Redis,
  metrics = new Metrics(),
): Services {
  const stores = jobStores(config, redis);
  const queue = createQueue(
    config.queueName,
    queueRedis,
    redisKeys(config.redisPrefix).bullPrefix,
    config.jobTtlSec,
  );
  metrics.attach({
    queueDepth: () => queueDepth(queue),
    queuedBytes: () => stores.queuedBytes.total(),
    breakerOpenMs: () => stores.breaker.openFor(),
  });
  return {
    config,
    rubric,
    engine,
    redis,
    queue,
    ...stores,
    slots: new Slots(config.worker.concurrency),
    metrics,
    logger,
    callbacks: buildCallbacks(config, redis, { connection: queueRedis }, logger),
  };
}

/** A worker in this process, sharing its slots and metrics with the API (if any). */
export function startServicesWorker(services: Services, workerRedis: Redis): RunningWorker {
  const { config } = services;
  const settings = {
    queueName: config.queueName,
    bullPrefix: redisKeys(config.redisPrefix).bullPrefix,
    concurrency: config.worker.concurrency,
    lockDurationMs: config.worker.lockDurationMs,
    stalledIntervalMs: config.worker.stalledIntervalMs,
    maxStalledCount: config.worker.maxStalledCount,
    backoffMinMs: config.retry.backoffMinMs,
    backoffMaxMs: config.retry.backoffMaxMs,
    retryWindowMs: config.retry.windowMs,
  };
  const { logger, metrics } = services;
  const callbacks = buildCallbacks(config, workerRedis, services.callbacks.queue, logger);
  const deps = {
    ...services,
    ...jobStores(config, workerRedis),
    retryWindowMs: config.retry.windowMs,
    callbacks,
  };
  const classify = startWorker(workerRedis, settings, deps, logger);
  const deliveries = startCallbackWorker(config, callbacks, workerRedis, metrics, logger);
  return {
    worker: classify.worker,
    async drain(timeoutMs) {
      // An attempt in flight is short (CALLBACK_TIMEOUT); one cut off is retried elsewhere.
      await Promise.all([classify.drain(timeoutMs), deliveries.close()]);
    },
  };
}

export interface RunningRoles {
  services: Services;
  server?: ServerType;
  port?: number;
  worker?: RunningWorker;
  /** SIGTERM: stop accepting, drain the worker, close Redis. */
  close(): Promise<void>;
}

export interface RoleOptions {
  config: Config;
  engine: Engine;
  rubric: RubricLike;
  logger: Logger;
  /** Shared with the engine (scorer call counters); one is made when absent. */
  metrics?: Metrics;
  api: boolean;
  worker: boolean;
}

function listen(app: OpenAPIHono, config: Config): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
      resolve({ server, port: info.port }),
    );
  });
}

function whenReady(clients: Redis[], timeoutMs: number): Promise<void> {
  const waits = clients.map((r) =>
    r.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve) => r.once('ready', () => resolve())),
  );
  return Promise.race([
    Promise.all(waits).then(() => undefined),
    new Promise<void>((r) => setTimeout(r, timeoutMs).unref()),
  ]);
}

export async function startRoles(o: RoleOptions): Promise<RunningRoles> {
  const { config, logger } = o;
  const redis = connectRedis(config.redisUrl, o.api ? 'api' : 'worker', logger);
  const queueRedis = connectRedis(config.redisUrl, 'queue', logger);
  const services = buildServices(config, o.engine, o.rubric, logger, redis, queueRedis, o.metrics);

  let worker: RunningWorker | undefined;
  let workerRedis: Redis | undefined;
  if (o.worker) {
    workerRedis = o.api ? connectRedis(config.redisUrl, 'worker', logger) : redis;
    worker = startServicesWorker(services, workerRedis);
  }

  let app: OpenAPIHono;
  if (o.api) app = createApp(services);
  else {
    // A worker-only process still answers probes and scrapes.
    app = new OpenAPIHono();
    app.onError(errorResponder(logger));
    healthRoutes(app, {
      redis,
      config,
      scorerName: o.engine.scorerName,
      metrics: services.metrics,
      role: 'worker',
    });
  }
  // Give Redis a moment, so the first requests do not meet a connection still opening; if it
  // is down, listen anyway: /readyz says so and requests answer 503 until it is back.
  await whenReady([redis, queueRedis], 5000);
  const { server, port } = await listen(app, config);
  logger.info(
    {
      port,
      api: o.api,
      worker: o.worker,
      scorer: o.engine.scorerName,
      concurrency: config.worker.concurrency,
    },
    'listening',
  );

  return {
    services,
    server,
    port,
    ...(worker ? { worker } : {}),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (worker) await worker.drain(config.worker.drainTimeoutMs);
      await services.queue.close();
      await services.callbacks.close();
      await o.engine.close();
      await Promise.allSettled([
        redis.quit(),
        queueRedis.quit(),
        workerRedis && workerRedis !== redis ? workerRedis.quit() : undefined,
      ]);
    },
  };
}
