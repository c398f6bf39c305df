// How the callbacks side is built into a process (start-roles.ts calls these two).
import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { redisKeys } from '../jobs/keys.js';
import { JobRecords } from '../jobs/records.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import {
  Callbacks,
  callbackQueueName,
  createDeliveryQueue,
  type DeliveryData,
  type DeliveryQueue,
} from './queue.js';
import { CallbackStore } from './state.js';
import { startDeliveryWorker } from './worker.js';

/** How long a job's callback state (and its delivery jobs) are kept: the record's TTL plus the window. */
function keepSec(config: Config): number {
  return config.jobTtlSec + Math.ceil(config.callbacks.retryWindowMs / 1000);
}

/**
 * The callbacks side on `redis` (the API's fail-fast client or a worker's patient one). The
 * delivery queue is made on `queueRedis` unless an existing one is passed to share.
 */
export function buildCallbacks(
  config: Config,
  redis: Redis,
  queue: DeliveryQueue | { connection: Redis },
  logger: Logger,
): Callbacks {
  const keys = redisKeys(config.redisPrefix);
  const deliveries =
    queue instanceof Queue
      ? queue
      : createDeliveryQueue(
          callbackQueueName(config.queueName),
          queue.connection,
          keys.bullPrefix,
          keepSec(config),
        );
  return new Callbacks(
    config.callbacks,
    new CallbackStore(redis, keys, keepSec(config)),
    deliveries,
    new JobRecords(redis, keys, config.jobTtlSec),
    logger,
  );
}

/** The delivery worker of a worker process; with CALLBACK_SECRET unset nothing is ever queued. */
export function startCallbackWorker(
  config: Config,
  callbacks: Callbacks,
  workerRedis: Redis,
  metrics: Metrics,
  logger: Logger,
): Worker<DeliveryData, void, string> {
  return startDeliveryWorker(
    workerRedis,
    {
      queueName: callbackQueueName(config.queueName),
      bullPrefix: redisKeys(config.redisPrefix).bullPrefix,
      lockDurationMs: config.worker.lockDurationMs,
      stalledIntervalMs: config.worker.stalledIntervalMs,
    },
    { config: config.callbacks, store: callbacks.store, metrics, logger },
  );
}
