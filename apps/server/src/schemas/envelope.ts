// What GET /classify-video/{id}, POST …/sync and every error answer with.
import { z } from '@hono/zod-openapi';
import { ClassifyResultSchema } from './result.js';

export const JobStatusSchema = z
  .enum(['queued', 'processing', 'done', 'failed'])
  .openapi('JobStatus');
export type JobStatus = z.infer<typeof JobStatusSchema>;

// --- callbacks (webhooks): the delivery of the job's callback_url, on GET only ---
export const CallbackStateSchema = z
  .object({
    state: z
      .enum(['pending', 'retrying', 'delivered', 'given_up'])
      .describe('pending: the job has not ended or the first attempt has not run yet'),
    attempts: z.number().int(),
    last_status: z.number().int().nullable().describe('the receiver’s last HTTP status'),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable().describe('ISO 8601, while a retry is scheduled'),
  })
  .openapi('CallbackState');
// --- end callbacks ---

export const JobEnvelopeSchema = z
  .object({
    job_id: z.uuid(),
    status: JobStatusSchema,
    result: ClassifyResultSchema.nullable(),
    error: z.string().nullable(),
    error_code: z.string().nullable().describe('stable snake_case word when failed'),
    retryable: z.boolean().nullable().describe('when failed: whether submitting again may succeed'),
    callback: CallbackStateSchema.optional().describe(
      'GET only, when a callback_url was given (the latest one, if several)',
    ),
  })
  .openapi('JobEnvelope');
export type JobEnvelope = z.infer<typeof JobEnvelopeSchema>;

export const AcceptedSchema = z
  .object({
    job_id: z.uuid(),
    status: JobStatusSchema.describe(
      '"queued" for a new job; a resubmission reports its job’s status',
    ),
  })
  .openapi('Accepted');

export const ErrorSchema = z
  .object({
    error: z.string(),
    error_code: z
      .string()
      .describe(
        'bad_request, payload_too_large, rubric_mismatch, not_found, overloaded, unauthorized, redis_unavailable, scorer_unavailable, scorer_rejected, internal, or the decoder’s code in lower case',
      ),
    retryable: z.boolean(),
  })
  .openapi('Error');
