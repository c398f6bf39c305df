// POST /classify-video/sync → 200 with the result inline. 413 over the sync size limit, 422
// for a video over the sync duration limit (one frame of tolerance) or undecodable, 503 with
// Retry-After when the scorer is down or no slot frees up within SYNC_SLOT_WAIT.
import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { type ClassifyQuery, type ClassifyResult, JobEnvelopeSchema } from '@imajin/wire';
import { BadRequestError } from '../../errors/bad-request-error.js';
import { OverloadedError } from '../../errors/overloaded-error.js';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.js';
import { ScorerDownError } from '../../errors/scorer-down-error.js';
import { UnprocessableVideoError } from '../../errors/unprocessable-video-error.js';
import { checkScorer } from '../../jobs/admission.js';
import { assertRubricPin } from '../../rubric-pin.js';
import type { Services } from '../../services.js';
import { formatBytes } from '../../units.js';
import { readBody } from '../body.js';
import { readJsonVideo } from '../json-video-body.js';
import { classifyErrors, classifyRequest, err, retryAfter } from '../route-docs.js';
import { bodyKind, parseJsonFields, queryOptions } from '../submission.js';

export const syncSpec = createRoute({
  method: 'post',
  path: '/classify-video/sync',
  summary: 'Classify a short video and wait for the result',
  request: classifyRequest,
  responses: {
    200: {
      description: 'done, result inline',
      content: { 'application/json': { schema: JobEnvelopeSchema } },
    },
    ...classifyErrors,
    422: err('over the sync duration limit (too_long) or undecodable (the decoder’s code)'),
    502: err('scorer_rejected'),
    503: {
      ...err('scorer_unavailable, overloaded (no free slot) or redis_unavailable'),
      headers: retryAfter,
    },
  },
});

async function readVideo(
  c: {
    req: { raw: Request; header(n: string): string | undefined };
  },
  query: ClassifyQuery,
  limit: number,
) {
  const what = `the video (the sync limit; use POST /classify-video for larger files)`;
  if (bodyKind(c.req.header('content-type')) === 'raw') {
    const opts = queryOptions(query);
    return { opts, video: await readBody(c.req.raw, limit, what) };
  }
  // base64 of `limit` bytes plus the options; the decoded video is bounded as it streams.
  const jsonLimit = Math.ceil(limit / 3) * 4 + 64 * 1024;
  const chunks: Buffer[] = [];
  let total = 0;
  const body = await readJsonVideo(c.req.raw, jsonLimit, (chunk) => {
    total += chunk.length;
    if (total > limit)
      throw new PayloadTooLargeError(`${what} is over the ${formatBytes(limit)} limit`);
    chunks.push(chunk);
  });
  const opts = parseJsonFields(body.fields);
  return { opts, video: Buffer.concat(chunks, total) };
}

export function syncRoute(app: OpenAPIHono, s: Services): void {
  const { limits } = s.config;

  app.openapi(syncSpec, async (c) => {
    await checkScorer(s.breaker);
    const { opts, video } = await readVideo(c, c.req.valid('query'), limits.syncBytes);
    if (opts.callbackUrl !== undefined)
      throw new BadRequestError('callback_url is for POST /classify-video: sync answers inline');
    assertRubricPin(opts.pin, s.rubric);
    if (video.length === 0) throw new BadRequestError('the video is empty (0 bytes)');

    const facts = await s.engine.probe(video, c.req.raw.signal);
    const tolerance = facts.frameRate > 0 ? 1 / facts.frameRate : 0.05;
    if (facts.durationSec > limits.syncDurationSec + tolerance + 1e-3) {
      throw new UnprocessableVideoError(
        `the video is ${facts.durationSec.toFixed(2)} s long, over the ${limits.syncDurationSec} s sync limit: use POST /classify-video`,
        'too_long',
      );
    }

    const release = await s.slots.acquireWithin(limits.syncSlotWaitMs);
    if (!release)
      throw new OverloadedError('every classification slot is busy; retry shortly', {
        retryAfterSec: Math.max(1, Math.ceil(limits.syncSlotWaitMs / 1000)),
      });
    const started = performance.now();
    let result: ClassifyResult;
    try {
      result = await s.engine.classify(video, opts.options, { signal: c.req.raw.signal });
    } catch (err) {
      s.metrics.jobs.inc({
        outcome: 'sync_failed',
        error_code: (err as { code?: string }).code?.toLowerCase() ?? 'internal',
      });
      if ((err as Error).name === 'ScorerUnavailableError') {
        await s.breaker.failure();
        const hint = Number((err as { retryAfterSec?: number }).retryAfterSec ?? 0);
        const retryAfterSec = Math.max(
          1,
          Math.ceil((await s.breaker.openFor()) / 1000),
          Math.ceil(hint),
        );
        throw new ScorerDownError(`the scorer is unavailable: ${(err as Error).message}`, {
          retryAfterSec,
          cause: err,
        });
      }
      throw err; // DecodeError → 422, ScorerRejectedError → 502 (errors/wire.ts)
    } finally {
      release();
    }
    await s.breaker.success();
    s.metrics.jobSeconds.observe({ path: 'sync' }, (performance.now() - started) / 1000);
    s.metrics.videoSeconds.inc(result.duration_sec);
    s.metrics.jobs.inc({ outcome: 'sync_done', error_code: '' });

    const id = randomUUID();
    const now = Date.now();
    const rec = {
      job_id: id,
      status: 'done' as const,
      result,
      error: null,
      error_code: null,
      retryable: null,
      rubric_fingerprint: result.rubric_fingerprint,
    };
    await s.records.create({
      ...rec,
      created_at: now,
      updated_at: now,
      options: opts.options,
      bytes: video.length,
      outage_since: null,
    });
    s.logger.info(
      {
        job_id: id,
        bytes: video.length,
        explicitness: result.explicitness,
        frames: result.frame_count,
      },
      'sync job done',
    );
    return c.json(rec, 200, { 'X-Job-Id': id });
  });
}
