/**
 * `@imajin/wire`: the classify-video HTTP contract (docs/http-api.md) as zod schemas, shared by
 * the pipeline (which builds the result), the server (which checks requests, answers with these
 * and derives its OpenAPI document from them) and `@imajin/client` (which reads the answers).
 */
export {
  DEFAULT_TOLERANCE_SEC,
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signCallback,
  type VerifyOptions,
  verifyCallback,
} from './callback-signature.js';
export {
  type ErrorBody,
  ErrorBodySchema,
  type ErrorCode,
  ErrorCodeSchema,
  KNOWN_ERROR_CODES,
  type KnownErrorCode,
  type RubricMismatchBody,
  RubricMismatchBodySchema,
} from './error.js';
export {
  type Accepted,
  AcceptedSchema,
  type CallbackState,
  CallbackStateSchema,
  JOB_STATUSES,
  type JobEnvelope,
  JobEnvelopeReadSchema,
  JobEnvelopeSchema,
  type JobStatus,
  JobStatusSchema,
} from './job.js';
export {
  CallbackUrlSchema,
  type ClassifyOptions,
  ClassifyOptionsSchema,
  type ClassifyQuery,
  ClassifyQuerySchema,
  type ClassifyRequest,
  ClassifyRequestSchema,
  encodeClassifyQuery,
  KeyframesSchema,
  type RubricPin,
  RubricPinSchema,
  SCORER_VALUES,
  ScorersSchema,
  type ScorerValue,
} from './request.js';
export {
  type ClassifyResult,
  ClassifyResultReadSchema,
  ClassifyResultSchema,
  ExplicitnessSchema,
  type ResultFrame,
  ResultFrameSchema,
  type SamplingReport,
  SamplingReportSchema,
} from './result.js';
