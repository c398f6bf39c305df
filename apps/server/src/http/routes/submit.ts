// POST /classify-video → 202 {job_id, status}. The video goes to Redis (streamed, for raw
// uploads) and a job to the queue; an undecodable video becomes a failed job, not a 4xx.
import { createHash, randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { BadRequestError } from '../../errors/bad-request-error.js';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.js';
import { acceptJob, type Upload } from '../../jobs/accept.js';
import { checkBackpressure, checkScorer } from '../../jobs/admission.js';
import { assertRubricPin } from '../../rubric-pin.js';
import type { Services } from '../../services.js';
import { formatBytes } from '../../units.js';
import { decodeVideoBase64 } from '../base64.js';
import { declaredLength, readBody, streamBody } from '../body.js';
import { bodyKind, parseJsonBody, parseQuery } from '../submission.js';

const EMPTY = 'the video is empty (0 bytes)';

export function submitRoute(app: OpenAPIHono, s: Services): void {
  const { limits, backpressure } = s.config;

  app.post('/classify-video', async (c) => {
    const req = c.req.raw;
    const kind = bodyKind(c.req.header('content-type'));
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
    let upload: Upload;
    if (kind === 'raw') {
      const opts = parseQuery(c.req.query());
      assertRubricPin(opts.pin, s.rubric);
      const hash = createHash('sha256');
      const writer = s.videos.writer(id);
      try {
        const bytes = await streamBody(req, limits.uploadBytes, 'the upload', async (chunk) => {
          hash.update(chunk);
          await writer.write(chunk);
        });
        await writer.end();
        if (bytes === 0) throw new BadRequestError(EMPTY);
        upload = {
          id,
          bytes,
          sha256: hash.digest('hex'),
          options: opts.options,
          reuse: opts.reuse,
        };
      } catch (err) {
        await s.videos.delete(id).catch(() => undefined);
        throw err;
      }
    } else {
      const text = (await readBody(req, limits.jsonBytes, 'the JSON body')).toString('utf8');
      const opts = parseJsonBody(text);
      assertRubricPin(opts.pin, s.rubric);
      const video = decodeVideoBase64(opts.videoBase64);
      if (video.length === 0) throw new BadRequestError(EMPTY);
      if (video.length > limits.uploadBytes) {
        throw new PayloadTooLargeError(
          `the decoded video is over the ${formatBytes(limits.uploadBytes)} upload limit`,
        );
      }
      const sha256 = createHash('sha256').update(video).digest('hex');
      upload = { id, bytes: video.length, sha256, options: opts.options, reuse: opts.reuse, video };
    }
    const accepted = await acceptJob(
      { ...s, rubricFingerprint: s.rubric.fingerprint, scorerName: s.engine.scorerName },
      upload,
    );
    return c.json(accepted, 202, { 'X-Job-Id': accepted.job_id });
  });
}
