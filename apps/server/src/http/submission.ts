// A classify request, whichever way it came: JSON with `video_base64`, or raw bytes with the
// options in the query string. Both are checked with @imajin/wire's schemas (the ones the
// OpenAPI document shows) and give the options, the rubric pin and the reuse flag.
import {
  type ClassifyQuery,
  ClassifyRequestSchema,
  type RubricPin,
  RubricPinSchema,
} from '@imajin/wire';
import type { z } from 'zod';
import { BadRequestError } from '../errors/bad-request-error.js';
import type { JobOptions } from '../jobs/options.js';

export interface RequestOptions {
  options: JobOptions;
  pin: RubricPin | undefined;
  reuse: boolean;
  /** Where to POST the envelope when the job ends (async route only). */
  callbackUrl: string | undefined;
}

export type BodyKind = 'json' | 'raw';

/** application/json → 'json'; video/* or application/octet-stream → 'raw'; else 400. */
export function bodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type.startsWith('video/') || type === 'application/octet-stream') return 'raw';
  throw new BadRequestError(
    `unsupported Content-Type ${JSON.stringify(type || '(none)')}: send application/json with video_base64, or the raw video as video/* or application/octet-stream`,
  );
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'body';
      return i.code === 'invalid_type' && i.input === undefined
        ? `${where} is required`
        : `${where}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Checks a JSON body's fields once its video has been streamed out of it (json-video-body.ts
 * leaves `video_base64` as "" when it was sent): the options, the rubric pin, the reuse flag.
 */
export function parseJsonFields(body: unknown): RequestOptions {
  const parsed = ClassifyRequestSchema.safeParse(body);
  if (!parsed.success)
    throw new BadRequestError(`invalid request: ${describeIssues(parsed.error)}`);
  const b = parsed.data;
  return {
    options: { keyframes: b.keyframes ?? null, scorers: b.scorers ?? [] },
    pin: b.rubric,
    reuse: b.reuse ?? true,
    callbackUrl: b.callback_url,
  };
}

/** The options of a raw upload, from its query (already checked by the route's schema). */
export function queryOptions(q: ClassifyQuery): RequestOptions {
  let pin: RubricPin | undefined;
  if (q.rubric !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(q.rubric);
    } catch {
      throw new BadRequestError('invalid query: rubric must be JSON');
    }
    const p = RubricPinSchema.safeParse(json);
    if (!p.success) throw new BadRequestError(`invalid query: rubric: ${describeIssues(p.error)}`);
    pin = p.data;
  }
  if (q.rubric_fingerprint !== undefined) pin = { ...pin, fingerprint: q.rubric_fingerprint };
  return {
    options: { keyframes: q.keyframes ?? null, scorers: q.scorers ?? [] },
    pin,
    reuse: q.reuse ?? true,
    callbackUrl: q.callback_url,
  };
}
