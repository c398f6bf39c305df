// The BullMQ queue. BullMQ owns delivery: retries with backoff, stalled-job recovery after a
// worker dies, concurrency. Our job record (records.ts) is what clients read.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobOptions } from './options.js';

export interface JobData {
  id: string;
  bytes: number;
  options: JobOptions;
  dedupeKey: string | null;
  /** When the scorer started failing this job (caps the backoff at the retry window). */
  outageSince?: number;
}

export const JOB_NAME = 'classify';
/** The backoff type our worker's strategy understands (see worker.ts). */
export const OUTAGE_BACKOFF = 'scorer-outage';

export type ClassifyQueue = Queue<JobData, void, string>;

export function createQueue(
  name: string,
  connection: Redis,
  bullPrefix: string,
  jobTtlSec: number,
): ClassifyQueue {
  return new Queue<JobData, void, string>(name, {
    connection,
    prefix: bullPrefix,
    defaultJobOptions: {
      // The retry window, not an attempt count, ends a job (see processor.ts).
      attempts: 1_000_000,
      backoff: { type: OUTAGE_BACKOFF },
      removeOnComplete: true,
      removeOnFail: { age: jobTtlSec },
    },
  });
}

/** Jobs not yet finished: waiting, delayed (backing off) and running. */
export async function queueDepth(
  queue: ClassifyQueue,
): Promise<{ waiting: number; delayed: number; active: number; total: number }> {
  const c = await queue.getJobCounts('wait', 'paused', 'prioritized', 'delayed', 'active');
  const waiting = (c.wait ?? 0) + (c.paused ?? 0) + (c.prioritized ?? 0);
  const delayed = c.delayed ?? 0;
  const active = c.active ?? 0;
  return { waiting, delayed, active, total: waiting + delayed + active };
}
