// Pieces the route declarations share: the error responses and the classify request, all from
// @imajin/wire's schemas. The JSON body is named by reference only: the routes stream it (a
// 300 MB body is never parsed whole by a generic validator) and check its fields with the same
// ClassifyRequestSchema once the video is out (submission.ts).
import { ClassifyQuerySchema, ErrorBodySchema, RubricMismatchBodySchema } from '@imajin/wire';
import type { z } from 'zod';

export const err = (description: string, schema: z.ZodType = ErrorBodySchema) => ({
  description,
  content: { 'application/json': { schema } },
});

export const retryAfter = {
  'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds' },
};

const binary = { schema: { type: 'string' as const, format: 'binary' } };

export const classifyRequest = {
  query: ClassifyQuerySchema,
  body: {
    required: true,
    description:
      'JSON with video_base64, or the raw file (video/* or application/octet-stream) with the options in the query string',
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/ClassifyRequest' } },
      'video/*': binary,
      'application/octet-stream': binary,
    },
  },
};

export const classifyErrors = {
  400: err(
    'bad_request: malformed JSON, missing or non-base64 video_base64, wrong types, unknown scorers value, empty video, unsupported Content-Type',
  ),
  401: err('unauthorized: API_TOKENS is set and no valid bearer token was sent'),
  409: err('rubric_mismatch: the pinned rubric is not ours (both named)', RubricMismatchBodySchema),
  413: err('payload_too_large'),
};
