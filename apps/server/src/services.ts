// Everything the HTTP routes and the worker share, built once per process (start-roles.ts).
import type { Redis } from 'ioredis';
import type { Callbacks } from './callbacks/queue.js';
import type { Config } from './config.js';
import type { Engine } from './engine.js';
import type { Breaker } from './jobs/breaker.js';
import type { Dedupe } from './jobs/dedupe.js';
import type { ClassifyQueue } from './jobs/queue.js';
import type { QueuedBytes } from './jobs/queued-bytes.js';
import type { JobRecords } from './jobs/records.js';
import type { VideoStore } from './jobs/videos.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { RubricLike } from './rubric-pin.js';
import type { Slots } from './slots.js';

export interface Services {
  config: Config;
  rubric: RubricLike;
  engine: Engine;
  /** The API's Redis client: no offline queue, so an outage fails fast as a 503. */
  redis: Redis;
  queue: ClassifyQueue;
  records: JobRecords;
  videos: VideoStore;
  queuedBytes: QueuedBytes;
  dedupe: Dedupe;
  breaker: Breaker;
  slots: Slots;
  metrics: Metrics;
  logger: Logger;
  /** Webhooks: attaching callback URLs, enqueueing deliveries (callbacks/queue.ts). */
  callbacks: Callbacks;
}
