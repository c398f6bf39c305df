// A BullMQ worker running the processor. Stalled-job recovery is BullMQ's: a worker that dies
// stops renewing its lock, and after `lockDuration` any worker moves the job back to wait.
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { createProcessor, type ProcessorDeps } from './processor.js';
import { type JobData, OUTAGE_BACKOFF } from './queue.js';

export interface WorkerSettings {
  queueName: string;
  bullPrefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  retryWindowMs: number;
}

export interface RunningWorker {
  worker: Worker<JobData, void, string>;
  /** Stop taking jobs; let running ones finish for `timeoutMs`, then hand them back. */
  drain(timeoutMs: number): Promise<void>;
}

/** Exponential, jittered, and never past the end of the job's retry window. */
export function outageBackoff(
  attemptsMade: number,
  s: WorkerSettings,
  err?: Error,
  job?: { data?: Partial<JobData> },
): number {
  const exp = Math.min(s.backoffMinMs * 2 ** Math.max(0, attemptsMade - 1), s.backoffMaxMs);
  const hint = Number((err as { retryAfterSec?: unknown } | undefined)?.retryAfterSec ?? 0) * 1000;
  let delay = Math.max(exp, Math.min(hint, s.backoffMaxMs)) * (0.8 + Math.random() * 0.4);
  const since = job?.data?.outageSince;
  if (typeof since === 'number')
    delay = Math.min(delay, Math.max(0, since + s.retryWindowMs - Date.now()) + 10);
  return Math.round(delay);
}

export function startWorker(
  connection: Redis,
  settings: WorkerSettings,
  deps: ProcessorDeps,
  logger: Logger,
): RunningWorker {
  const drainController = new AbortController();
  const processor = createProcessor(deps, drainController.signal);
  const worker = new Worker<JobData, void, string>(
    settings.queueName,
    (job: Job<JobData>, token?: string) => processor(job, token),
    {
      connection,
      prefix: settings.bullPrefix,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
      settings: {
        backoffStrategy: (attemptsMade, type, err, job) =>
          type === OUTAGE_BACKOFF
            ? outageBackoff(attemptsMade, settings, err, job)
            : settings.backoffMinMs,
      },
    },
  );
  worker.on('error', (err) =>
    logger.error({ err: { message: err.message, name: err.name } }, 'worker error'),
  );
  worker.on('stalled', (jobId) =>
    logger.warn({ job_id: jobId }, 'job stalled (its worker stopped renewing the lock): re-queued'),
  );
  return {
    worker,
    async drain(timeoutMs) {
      const timer = setTimeout(() => drainController.abort(), timeoutMs);
      timer.unref();
      try {
        await worker.close();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
