// POST /classify-video → 202 {job_id, status}. The video streams into Redis as it arrives
// (raw, or decoded from base64 on the way) and a job goes to the queue; an undecodable video
// becomes a failed job, not a 4xx.
import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AcceptedSchema } from '@imajin/wire';
import { checkCallbackUrl } from '../../callbacks/request.js';
import { BadRequestError } from '../../errors/bad-request-error.js';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.js';
import { acceptJob, type Upload } from '../../jobs/accept.js';
import { checkBackpressure, checkScorer } from '../../jobs/admission.js';
import { assertRubricPin } from '../../rubric-pin.js';
import type { Services } from '../../services.js';
import { formatBytes } from '../../units.js';
import { declaredLength, streamBody } from '../body.js';
import { readJsonVideo } from '../json-video-body.js';
import { classifyErrors, classifyRequest, err, retryAfter } from '../route-docs.js';
import { bodyKind, parseJsonFields, queryOptions, type RequestOptions } from '../submission.js';
import { uploadSink } from '../upload-sink.js';

const EMPTY = 'the video is empty (0 bytes)';

const decodedTooLarge = (limit: number) =>
  new PayloadTooLargeError(`the decoded video is over the ${formatBytes(limit)} upload limit`);

export const submitSpec = createRoute({
  method: 'post',
  path: '/classify-video',
  summary: 'Queue a video for classification',
  request: classifyRequest,
  responses: {
    202: {
      description: 'queued (or the id of an identical live job)',
      content: { 'application/json': { schema: AcceptedSchema } },
    },
    ...classifyErrors,
    503: {
      ...err('overloaded, scorer_unavailable (the breaker is open) or redis_unavailable'),
      headers: retryAfter,
    },
  },
});

export function submitRoute(app: OpenAPIHono, s: Services): void {
  const { limits, backpressure } = s.config;

  app.openapi(submitSpec, async (c) => {
    const req = c.req.raw;
    const kind = bodyKind(c.req.header('content-type'));
    let decoded = 0;
    const declared = declaredLength(
      req,
      kind === 'json' ? limits.jsonBytes : limits.uploadBytes,
      kind === 'json' ? 'the JSON body' : 'the upload',
    );
    await checkScorer(s.breaker);
    await checkBackpressure(
      s.queue,
      s.queuedBytes,
      backpressure,
      kind === 'json' ? Math.floor((declared * 3) / 4) : declared,
    );

    const id = randomUUID();
    const sink = uploadSink(s, id);
    let upload: Upload;
    let callbackUrl: string | undefined;
    try {
      let opts: RequestOptions;
      let bytes: number;
      if (kind === 'raw') {
        opts = queryOptions(c.req.valid('query'));
        callbackUrl = checkCallbackUrl(s.config.callbacks, opts.callbackUrl);
        assertRubricPin(opts.pin, s.rubric);
        bytes = await streamBody(req, limits.uploadBytes, 'the upload', (chunk) =>
          sink.write(chunk),
        );
      } else {
        // The video is decoded from base64 as it streams and stored like a raw upload; the
        // options may come after it in the body, so they are checked once it has ended.
        const body = await readJsonVideo(req, limits.jsonBytes, async (chunk) => {
          if (decoded + chunk.length > limits.uploadBytes)
            throw decodedTooLarge(limits.uploadBytes);
          decoded += chunk.length;
          await sink.write(chunk);
        });
        opts = parseJsonFields(body.fields);
        callbackUrl = checkCallbackUrl(s.config.callbacks, opts.callbackUrl);
        assertRubricPin(opts.pin, s.rubric);
        bytes = body.videoBytes;
      }
      const stored = await sink.end();
      if (bytes === 0) throw new BadRequestError(EMPTY);
      upload = {
        id,
        bytes: stored.bytes,
        sha256: stored.sha256,
        options: opts.options,
        reuse: opts.reuse,
      };
    } catch (err) {
      await sink.discard();
      throw err;
    }
    const accepted = await acceptJob(
      { ...s, rubricFingerprint: s.rubric.fingerprint, scorerName: s.engine.scorerName },
      upload,
    );
    // After acceptance, so a resubmission attaches to the job it was answered with.
    if (callbackUrl) await s.callbacks.attach(accepted.job_id, callbackUrl);
    return c.json(accepted, 202, { 'X-Job-Id': accepted.job_id });
  });
}
