// The delivery queue: a BullMQ queue of its own, one job per (classify job, target URL).
//
// Why a delivery is never lost when a worker dies between a job's end and its callback: the
// delivery is enqueued by the classify job's processor AFTER the record turns final and BEFORE
// the processor returns, i.e. before BullMQ marks the classify job completed. A worker killed
// in between leaves the classify job active; BullMQ's stalled-job recovery hands it to another
// worker, whose processor finds the record final and enqueues the delivery (processor.ts). The
// BullMQ job id is the delivery key, so enqueueing twice is harmless. GET's reconcile, which
// fails jobs the queue abandoned, enqueues as well. A submit that attaches a URL to a job that
// has already ended enqueues it itself: register the target first, then look at the record;
// the worker writes the record first, then reads the targets, so one of the two always sees
// the other.
import type { JobStatus } from '@imajin/wire';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobRecords } from '../jobs/records.js';
import { isFinal, toEnvelope } from '../jobs/records.js';
import type { Logger } from '../logger.js';
import type { CallbackConfig } from './config.js';
import type { CallbackStore } from './state.js';

export interface DeliveryData {
  job_id: string;
  target: string;
  status: JobStatus;
  /** The envelope as sent, fixed at the job's end (the record may expire before the last retry). */
  body: string;
}

export const DELIVERY_JOB = 'deliver';
export const DELIVERY_BACKOFF = 'callback';
export type DeliveryQueue = Queue<DeliveryData, void, string>;

export function callbackQueueName(classifyQueueName: string): string {
  return `${classifyQueueName}-callbacks`;
}

export function createDeliveryQueue(
  name: string,
  connection: Redis,
  bullPrefix: string,
  keepSec: number,
): DeliveryQueue {
  return new Queue<DeliveryData, void, string>(name, {
    connection,
    prefix: bullPrefix,
    defaultJobOptions: {
      // The retry window ends a delivery (worker.ts), not an attempt count.
      attempts: 1_000_000,
      backoff: { type: DELIVERY_BACKOFF },
      // A completed delivery goes at once (its body holds the result, poster included): a
      // late duplicate add then runs, finds the target delivered or given up, and sends nothing.
      removeOnComplete: true,
      removeOnFail: { age: keepSec },
    },
  });
}

/** The callbacks side of a job: attaching URLs, and enqueueing deliveries when it ends. */
export class Callbacks {
  constructor(
    readonly config: CallbackConfig,
    readonly store: CallbackStore,
    readonly queue: DeliveryQueue,
    private readonly records: JobRecords,
    private readonly logger: Logger,
  ) {}

  /** Makes `url` a target of the job; delivers at once if the job has already ended. */
  async attach(jobId: string, url: string): Promise<void> {
    await this.store.register(jobId, url);
    const rec = await this.records.get(jobId);
    if (rec && isFinal(rec.status)) await this.jobEnded(jobId);
  }

  /** Enqueues a delivery for every target not yet delivered or given up (idempotent). */
  async jobEnded(jobId: string): Promise<void> {
    const targets = await this.store.all(jobId);
    const open = [...targets].filter(([, t]) => t.state === 'pending' || t.state === 'retrying');
    if (open.length === 0) return;
    const rec = await this.records.get(jobId);
    if (!rec || !isFinal(rec.status)) return;
    const body = JSON.stringify(toEnvelope(rec));
    for (const [target] of open) {
      await this.queue.add(
        DELIVERY_JOB,
        { job_id: jobId, target, status: rec.status, body },
        { jobId: `${jobId}.${target}` },
      );
    }
    this.logger.info({ job_id: jobId, targets: open.length }, 'callback delivery queued');
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
