// The job as the API answers it: 202 on submit (Accepted), and the envelope GET and sync return.
import { z } from 'zod';
import { ErrorCodeSchema } from './error.js';
import { ClassifyResultReadSchema, ClassifyResultSchema } from './result.js';

export const JOB_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES).meta({ id: 'JobStatus' });
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Where the job's callback_url delivery stands (GET only, when one was given). */
export const CallbackStateSchema = z
  .object({
    state: z
      .enum(['pending', 'retrying', 'delivered', 'given_up'])
      .describe('pending: the job has not ended, or the first attempt has not run yet'),
    attempts: z.number().int(),
    last_status: z.number().int().nullable().describe('the receiver’s last HTTP status'),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable().describe('ISO 8601, while a retry is scheduled'),
  })
  .meta({ id: 'CallbackState' });
export type CallbackState = z.infer<typeof CallbackStateSchema>;

const envelopeFields = {
  job_id: z.uuid(),
  status: JobStatusSchema,
  error: z.string().nullable().describe('set when failed: what went wrong, in words'),
  error_code: ErrorCodeSchema.nullable().describe('set when failed: a stable snake_case word'),
  retryable: z
    .boolean()
    .nullable()
    .describe('set when failed: whether submitting the same video again may succeed'),
  rubric_fingerprint: z
    .string()
    .nullable()
    .describe('the rubric the job is judged by (the result’s, once done); null for old jobs'),
  callback: CallbackStateSchema.optional().describe(
    'GET only, when a callback_url was given (the latest one, if several)',
  ),
};

// `z.union([X, z.null()])`, not `X.nullable()`: @asteasolutions/zod-to-openapi 9 writes a
// nullable named object as a bare $ref, dropping the null.
export const JobEnvelopeSchema = z
  .object({ ...envelopeFields, result: z.union([ClassifyResultSchema, z.null()]) })
  .meta({ id: 'JobEnvelope' });
export type JobEnvelope = z.infer<typeof JobEnvelopeSchema>;

/** The envelope as a client reads it: fields it does not know (a newer server's) are dropped. */
export const JobEnvelopeReadSchema = z.object({
  ...envelopeFields,
  rubric_fingerprint: envelopeFields.rubric_fingerprint.default(null), // absent before 0.2
  result: ClassifyResultReadSchema.nullable(),
});

export const AcceptedSchema = z
  .object({
    job_id: z.uuid(),
    status: JobStatusSchema.describe(
      '"queued" for a new job; a resubmission reports its job’s status',
    ),
  })
  .meta({ id: 'Accepted' });
export type Accepted = z.infer<typeof AcceptedSchema>;
