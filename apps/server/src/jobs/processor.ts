// What a worker does with one queued job. Outcomes:
// - done: result stored, bytes deleted;
// - failed, terminal: the video cannot be decoded (retryable: false), or the scorer stayed
//   unavailable for the whole retry window (retryable: true);
// - back to the queue: the scorer is down (breaker open → delayed until the probe time) or a
//   transient scorer failure (thrown, so BullMQ's backoff retries it), or a drain (handed back).
import { DelayedError, type Job, WaitingError } from 'bullmq';
import type { Callbacks } from '../callbacks/queue.js';
import { holdAfterJobEnd } from '../callbacks/test-hook.js';
import type { Engine } from '../engine.js';
import { pipelineErrorInfo } from '../errors/pipeline-error-info.js';
import { isRedisFault } from '../errors/redis-fault.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Slots } from '../slots.js';
import type { Breaker } from './breaker.js';
import type { Dedupe } from './dedupe.js';
import type { JobData } from './queue.js';
import type { QueuedBytes } from './queued-bytes.js';
import { isFinal, type JobRecord, type JobRecords, type RecordPatch } from './records.js';
import type { VideoStore } from './videos.js';

export interface ProcessorDeps {
  records: JobRecords;
  videos: VideoStore;
  queuedBytes: QueuedBytes;
  dedupe: Dedupe;
  breaker: Breaker;
  engine: Engine;
  slots: Slots;
  metrics: Metrics;
  logger: Logger;
  retryWindowMs: number;
  /** Enqueues the job's callbacks once its record is final (absent in unit tests). */
  callbacks?: Callbacks;
}

export type Processor = (job: Job<JobData>, token?: string) => Promise<void>;

export function createProcessor(deps: ProcessorDeps, drain: AbortSignal): Processor {
  const { records, breaker, metrics } = deps;

  const finish = async (id: string, patch: RecordPatch, log: Logger) => {
    await records.update(id, patch);
    // The callback is enqueued before this processor returns (see callbacks/queue.ts).
    await holdAfterJobEnd(deps.callbacks?.config.holdAfterJobEnd ?? false, log);
    await deps.callbacks?.jobEnded(id);
    await deps.videos.delete(id);
    await deps.queuedBytes.remove(id);
    metrics.jobs.inc({ outcome: patch.status ?? 'failed', error_code: patch.error_code ?? '' });
    log.info({ status: patch.status, error_code: patch.error_code ?? undefined }, 'job finished');
  };

  const outageExpired = (rec: JobRecord, now: number) =>
    rec.outage_since !== null && now - rec.outage_since >= deps.retryWindowMs;
  const failForOutage = (rec: JobRecord, detail: string, log: Logger) =>
    finish(
      rec.job_id,
      {
        status: 'failed',
        error: `the scorer stayed unavailable for the whole retry window (${Math.round(deps.retryWindowMs / 1000)} s): ${detail}`,
        error_code: 'scorer_unavailable',
        retryable: true,
      },
      log,
    );

  return async (job, token) => {
    const { id } = job.data;
    const log = deps.logger.child({ job_id: id, attempt: job.attemptsMade + 1 });
    const rec = await records.get(id);
    if (!rec || isFinal(rec.status)) {
      // Expired, or finished by a worker that was presumed dead: tidy up, and enqueue the
      // callbacks in case that worker died before it did.
      if (rec) await deps.callbacks?.jobEnded(id);
      await deps.videos.delete(id);
      await deps.queuedBytes.remove(id);
      return;
    }
    const now = Date.now();
    const gate = await breaker.admit();
    if (!gate.allowed) {
      const since = rec.outage_since ?? now;
      if (outageExpired({ ...rec, outage_since: since }, now))
        return failForOutage(rec, 'circuit breaker open', log);
      await records.update(id, { status: 'queued', outage_since: since });
      const until = Math.min(
        now + gate.retryAfterMs + Math.random() * 500,
        since + deps.retryWindowMs + 10,
      );
      log.info({ delay_ms: Math.round(until - now) }, 'scorer circuit open: job waits');
      await job.moveToDelayed(Math.round(until), token);
      throw new DelayedError();
    }

    try {
      await run(job, token, rec, now, gate.probe, log);
    } finally {
      // The half-open probe lease is ours until the scorer answers (success and failure both
      // clear it). Any other way out — a drain, an expired video, a record finished elsewhere,
      // an undecodable video — must give it back, or every other job waits out the lease.
      // The release is token-checked, so it never frees a later probe's lease.
      if (gate.probe) await breaker.releaseProbe(gate.probe).catch(() => undefined); // else the lease ends by itself
    }
  };

  async function run(
    job: Job<JobData>,
    token: string | undefined,
    rec: JobRecord,
    now: number,
    probe: string | null,
    log: Logger,
  ): Promise<void> {
    const { id } = job.data;
    const video = await deps.videos.get(id);
    if (!video) {
      await finish(
        id,
        {
          status: 'failed',
          error: 'the uploaded video expired before it could be processed',
          error_code: 'video_expired',
          retryable: true,
        },
        log,
      );
      return;
    }
    if ((await records.update(id, { status: 'processing' })) !== 'updated') return;
    log.info({ bytes: video.length, probe: probe !== null }, 'job started');

    const release = await deps.slots.acquire();
    const started = performance.now();
    try {
      const result = await deps.engine.classify(video, job.data.options, { signal: drain });
      metrics.jobSeconds.observe({ path: 'async' }, (performance.now() - started) / 1000);
      metrics.videoSeconds.inc(result.duration_sec);
      await breaker.success();
      await finish(
        id,
        { status: 'done', result, error: null, error_code: null, retryable: null },
        log,
      );
      if (job.data.dedupeKey) await deps.dedupe.refresh(job.data.dedupeKey);
    } catch (err) {
      if (drain.aborted) {
        // Shutting down: hand the job back so another worker (or this one, restarted) runs it.
        await records.update(id, { status: 'queued' });
        await job.moveToWait(token);
        log.warn('worker draining: job handed back to the queue');
        throw new WaitingError();
      }
      if (isRedisFault(err)) {
        // The store failed (a write refused, a connection lost), not the video: BullMQ retries
        // the job with its backoff. Recording `failed` here would end it for good.
        await records.update(id, { status: 'queued' }).catch(() => undefined);
        metrics.jobs.inc({ outcome: 'retry', error_code: 'redis_unavailable' });
        log.warn(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          'job store fault: job will retry',
        );
        throw err;
      }
      const info = pipelineErrorInfo(err);
      if (info.error_code === 'scorer_unavailable') {
        const run = await breaker.failure();
        const since = rec.outage_since ?? now;
        if (outageExpired({ ...rec, outage_since: since }, Date.now()))
          return failForOutage(rec, info.error, log);
        await records.update(id, { status: 'queued', outage_since: since });
        await job.updateData({ ...job.data, outageSince: since });
        metrics.jobs.inc({ outcome: 'retry', error_code: info.error_code });
        log.warn(
          { failures_in_a_row: run, error: info.error },
          'scorer unavailable: job will retry',
        );
        throw err;
      }
      if (info.error_code === 'internal' || info.error_code === 'scorer_rejected') {
        log.error({ err, error_code: info.error_code }, 'job failed on our side');
      }
      const error =
        info.error_code === 'internal' ? 'internal error while classifying the video' : info.error;
      await finish(
        id,
        { status: 'failed', error, error_code: info.error_code, retryable: info.retryable },
        log,
      );
    } finally {
      release();
    }
  }
}
