// GET /classify-video/{job_id} → the job envelope; 404 for unknown or expired ids.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { JobEnvelopeSchema } from '@imajin/wire';
import { z } from 'zod';
import { NotFoundError } from '../../errors/not-found-error.js';
import { JOB_NAME } from '../../jobs/queue.js';
import { isFinal, type JobRecord, toEnvelope } from '../../jobs/records.js';
import type { Services } from '../../services.js';
import { err } from '../route-docs.js';

export const statusSpec = createRoute({
  method: 'get',
  path: '/classify-video/{job_id}',
  summary: 'A job’s status and result',
  request: { params: z.object({ job_id: z.uuid() }) },
  responses: {
    200: {
      description: 'the job',
      content: { 'application/json': { schema: JobEnvelopeSchema } },
    },
    401: err('unauthorized'),
    404: err('not_found: unknown, expired or malformed job id'),
  },
});

const unknownJob = (id: string, ttlSec: number) =>
  new NotFoundError(
    `no job ${JSON.stringify(id)}: unknown, or expired (jobs are kept ${ttlSec} s)`,
  );
/** How long a record may sit unchanged before we ask BullMQ whether its job still exists. */
const RECONCILE_AFTER_MS = 10_000;

/**
 * A job BullMQ gave up on (stalled more than MAX_STALLED_COUNT times) would otherwise stay
 * queued forever: it is failed (retryable). One whose record and bytes exist but that never
 * reached the queue is queued again; without its bytes it is failed.
 */
async function reconcile(s: Services, rec: JobRecord): Promise<JobRecord> {
  const state = await s.queue.getJobState(rec.job_id);
  if (state !== 'failed' && state !== 'unknown') return rec;
  if (state === 'unknown' && rec.status === 'queued' && (await s.videos.exists(rec.job_id))) {
    // Accepted, bytes stored, but never queued (Redis refused the queue write and then the
    // clean-up too, while a resubmission was answered with this job): queue it now. BullMQ
    // ignores a second add with the same job id, so two GETs racing here queue it once.
    await s.queuedBytes.add(rec.job_id, rec.bytes);
    await s.queue.add(
      JOB_NAME,
      { id: rec.job_id, bytes: rec.bytes, options: rec.options, dedupeKey: null },
      { jobId: rec.job_id },
    );
    await s.records.update(rec.job_id, { status: 'queued' });
    s.logger.warn({ job_id: rec.job_id }, 'job was missing from the queue: queued again');
    return rec;
  }
  const error =
    state === 'failed'
      ? 'the job kept stopping its workers (stalled too many times) and was abandoned'
      : 'the job was lost from the queue before it ran';
  const patch = { status: 'failed' as const, error, error_code: 'internal', retryable: true };
  if ((await s.records.update(rec.job_id, patch)) !== 'updated')
    return (await s.records.get(rec.job_id)) ?? rec;
  s.logger.error(
    { job_id: rec.job_id, bull_state: state },
    'job abandoned by the queue: marked failed',
  );
  await Promise.all([s.videos.delete(rec.job_id), s.queuedBytes.remove(rec.job_id)]);
  await s.callbacks.jobEnded(rec.job_id);
  return { ...rec, ...patch };
}

export function statusRoute(app: OpenAPIHono, s: Services): void {
  app.openapi(
    statusSpec,
    async (c) => {
      const id = c.req.valid('param').job_id;
      let rec = await s.records.get(id.toLowerCase());
      if (!rec) throw unknownJob(id, s.config.jobTtlSec);
      if (!isFinal(rec.status) && Date.now() - rec.updated_at > RECONCILE_AFTER_MS)
        rec = await reconcile(s, rec);
      const callback = await s.callbacks.store.summary(rec.job_id);
      return c.json({ ...toEnvelope(rec), ...(callback ? { callback } : {}) }, 200, {
        'X-Job-Id': rec.job_id,
      });
    },
    // A malformed id names no job: 404 as for an unknown one, not 400.
    (result, c) => {
      if (!result.success) throw unknownJob(c.req.param('job_id'), s.config.jobTtlSec);
      return undefined;
    },
  );
}
