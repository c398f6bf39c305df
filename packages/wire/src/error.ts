// Every error, on every route, is `{error, error_code, retryable}` (docs/http-api.md, "Errors").
import { z } from 'zod';

/** The codes the service answers today. The decoder's codes may grow: an unknown code is read by its `retryable` flag. */
export const KNOWN_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'not_found',
  'rubric_mismatch',
  'payload_too_large',
  'overloaded',
  'redis_unavailable',
  'scorer_unavailable',
  'scorer_rejected',
  'aborted',
  'internal',
  'video_expired',
  // The decoder's DecodeError codes, lower-cased.
  'invalid_argument',
  'no_video_stream',
  'unsupported_format',
  'unsupported_codec',
  'corrupt_input',
  'truncated',
  'too_large',
  'too_long',
  'too_many_frames',
  'timeout',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];
/** A known code, or one a newer server added (`string & {}` keeps editors completing the known ones). */
export type ErrorCode = KnownErrorCode | (string & {});

export const ErrorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .meta({
    id: 'ErrorCode',
    description:
      'a stable snake_case word; one of these, or a new decoder code (read it by `retryable`)',
    examples: [...KNOWN_ERROR_CODES],
  });

export const ErrorBodySchema = z
  .looseObject({
    error: z.string().describe('for people; may change'),
    error_code: ErrorCodeSchema,
    retryable: z.boolean().describe('whether the same request may succeed later'),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

const RubricVersionSchema = z.object({
  version: z.string().nullable(),
  fingerprint: z.string().nullable(),
});

/** 409 rubric_mismatch adds both rubrics' names. */
export const RubricMismatchBodySchema = ErrorBodySchema.extend({
  error_code: z.literal('rubric_mismatch'),
  rubric: z.object({ requested: RubricVersionSchema, ours: RubricVersionSchema }),
}).meta({ id: 'RubricMismatch' });
export type RubricMismatchBody = z.infer<typeof RubricMismatchBodySchema>;
