// Turns uploaded bytes (already in the video store under `id`, and counted) into a queued job, or into the
// id of the live job that already holds the same bytes and options.

import type { JobStatus } from '@imajin/wire';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { type Dedupe, dedupeKey } from './dedupe.js';
import type { JobOptions } from './options.js';
import { type ClassifyQueue, JOB_NAME } from './queue.js';
import type { QueuedBytes } from './queued-bytes.js';
import type { JobRecord, JobRecords } from './records.js';
import type { VideoStore } from './videos.js';

export interface AcceptDeps {
  records: JobRecords;
  videos: VideoStore;
  queuedBytes: QueuedBytes;
  dedupe: Dedupe;
  queue: ClassifyQueue;
  metrics: Metrics;
  logger: Logger;
  rubricFingerprint: string;
  scorerName: string;
}

export interface Upload {
  id: string;
  bytes: number;
  sha256: string;
  options: JobOptions;
  reuse: boolean;
}

export async function acceptJob(
  deps: AcceptDeps,
  up: Upload,
): Promise<{ job_id: string; status: JobStatus }> {
  const key = up.reuse
    ? dedupeKey(up.sha256, up.options, deps.rubricFingerprint, deps.scorerName)
    : null;
  const now = Date.now();
  const record: JobRecord = {
    job_id: up.id,
    status: 'queued',
    result: null,
    error: null,
    error_code: null,
    retryable: null,
    created_at: now,
    updated_at: now,
    options: up.options,
    bytes: up.bytes,
    outage_since: null,
    rubric_fingerprint: deps.rubricFingerprint,
  };
  try {
    // The bytes are already stored: once the record exists (and with it the dedupe key), a
    // resubmission is answered with this job's id, so the job must be complete but for queueing.
    if (key) {
      const live = await deps.dedupe.claim(key, record);
      if (live) {
        await Promise.all([deps.videos.delete(up.id), deps.queuedBytes.remove(up.id)]);
        deps.metrics.jobs.inc({ outcome: 'reused', error_code: '' });
        deps.logger.info(
          { job_id: live.job_id, status: live.status },
          'same video and options already submitted: reusing its job',
        );
        return live;
      }
    } else {
      await deps.records.create(record);
    }
    await deps.queuedBytes.add(up.id, up.bytes);
    await deps.queue.add(
      JOB_NAME,
      { id: up.id, bytes: up.bytes, options: up.options, dedupeKey: key },
      { jobId: up.id },
    );
  } catch (err) {
    // The record goes too, so a dedupe key left pointing at it is taken over by the next claim.
    await Promise.allSettled([
      deps.videos.delete(up.id),
      deps.queuedBytes.remove(up.id),
      deps.records.delete(up.id),
    ]);
    throw err;
  }
  deps.metrics.jobs.inc({ outcome: 'accepted', error_code: '' });
  deps.logger.info(
    { job_id: up.id, bytes: up.bytes, keyframes: up.options.keyframes },
    'job accepted',
  );
  return { job_id: up.id, status: 'queued' };
}
