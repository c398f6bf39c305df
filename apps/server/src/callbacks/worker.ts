// The delivery worker: one attempt per BullMQ run. A failed attempt throws RetryLater, and
// BullMQ's backoff (our strategy: the delay the attempt computed) puts it back as delayed; a
// delivered or given-up one completes. A worker killed mid-attempt stops renewing its lock, so
// BullMQ's stalled-job recovery runs the attempt again elsewhere: the receiver may then see a
// repeat, which Imajin-Delivery lets it drop.
import { DELIVERY_HEADER, SIGNATURE_HEADER, signCallback } from '@imajin/wire';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { CallbackConfig } from './config.js';
import { deliver } from './deliver.js';
import { DELIVERY_BACKOFF, type DeliveryData } from './queue.js';
import type { CallbackStore, TargetState } from './state.js';

export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/**
 * The delay after the `attempts`-th failed attempt: firstRetry doubling, ±20% jitter, at most
 * maxRetryDelay, and never past the window's end (the last attempt lands on it); null once the
 * window is over.
 */
export function retryDelay(
  attempts: number,
  firstAttemptAt: number,
  now: number,
  c: Pick<CallbackConfig, 'firstRetryMs' | 'maxRetryDelayMs' | 'retryWindowMs'>,
  random = Math.random,
): number | null {
  const left = firstAttemptAt + c.retryWindowMs - now;
  if (left <= 0) return null;
  const exp = c.firstRetryMs * 2 ** Math.min(Math.max(0, attempts - 1), 40);
  const delay = Math.min(exp, c.maxRetryDelayMs) * (0.8 + random() * 0.4);
  return Math.max(1, Math.round(Math.min(delay, left)));
}

export interface DeliveryDeps {
  config: CallbackConfig;
  store: CallbackStore;
  metrics: Metrics;
  logger: Logger;
}

export function createDeliveryProcessor(deps: DeliveryDeps) {
  const { config, store, metrics } = deps;
  return async (job: Job<DeliveryData>): Promise<void> => {
    const { job_id, target, status, body } = job.data;
    const log = deps.logger.child({ job_id, callback_target: target });
    const t = await store.get(job_id, target);
    if (!t || t.state === 'delivered' || t.state === 'given_up') return;
    const url = new URL(t.url);
    const started = Date.now();
    const first = t.first_attempt_at ?? started;
    const secret = config.secrets[0];
    // Queued by a process that had a secret, run by one that has none: nothing to sign with.
    const attempt = secret
      ? await deliver(
          url,
          body,
          {
            [SIGNATURE_HEADER]: signCallback(body, secret),
            [DELIVERY_HEADER]: `${job_id}:${status}`,
          },
          config,
        )
      : ({
          outcome: 'refused',
          error: 'callbacks are not configured on this worker (CALLBACK_SECRET is unset)',
        } as const);
    const now = Date.now();
    const next: TargetState = {
      ...t,
      attempts: t.attempts + 1,
      first_attempt_at: first,
      last_status: 'status' in attempt ? attempt.status : null,
      last_error: attempt.outcome === 'delivered' ? null : attempt.error,
      next_attempt_at: null,
    };
    if (attempt.outcome === 'delivered') {
      await store.set(job_id, target, { ...next, state: 'delivered' });
      metrics.callbacks.inc({ outcome: 'delivered' });
      log.info({ attempts: next.attempts, http_status: attempt.status }, 'callback delivered');
      return;
    }
    const delay =
      attempt.outcome === 'refused' ? null : retryDelay(next.attempts, first, now, config);
    if (delay === null) {
      await store.set(job_id, target, { ...next, state: 'given_up' });
      metrics.callbacks.inc({ outcome: 'given_up' });
      log.error(
        { attempts: next.attempts, error: next.last_error, refused: attempt.outcome === 'refused' },
        'callback given up',
      );
      return;
    }
    await store.set(job_id, target, {
      ...next,
      state: 'retrying',
      next_attempt_at: new Date(now + delay).toISOString(),
    });
    metrics.callbacks.inc({ outcome: 'retried' });
    log.warn(
      { attempts: next.attempts, error: next.last_error, delay_ms: delay },
      'callback failed: will retry',
    );
    throw new RetryLater(next.last_error ?? 'failed', delay);
  };
}

export interface DeliveryWorkerSettings {
  queueName: string;
  bullPrefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export function startDeliveryWorker(
  connection: Redis,
  s: DeliveryWorkerSettings,
  deps: DeliveryDeps,
): Worker<DeliveryData, void, string> {
  const worker = new Worker<DeliveryData, void, string>(
    s.queueName,
    createDeliveryProcessor(deps),
    {
      connection,
      prefix: s.bullPrefix,
      concurrency: deps.config.concurrency,
      lockDuration: s.lockDurationMs, // renewed while an attempt runs
      stalledInterval: s.stalledIntervalMs,
      // A delivery that keeps killing its workers is still retried: the window ends it.
      maxStalledCount: 1000,
      settings: {
        backoffStrategy: (_attempts, type, err) =>
          type === DELIVERY_BACKOFF && err instanceof RetryLater
            ? err.delayMs
            : deps.config.firstRetryMs,
      },
    },
  );
  worker.on('error', (err) =>
    deps.logger.error({ err: { message: err.message, name: err.name } }, 'callback worker error'),
  );
  return worker;
}
