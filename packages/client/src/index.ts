/**
 * `@imajin/client`: the typed client of the imajin-video classify service. `createClient()`,
 * the error classes a caller branches on, and the contract's types (from `@imajin/wire`).
 */

export type { Explicitness } from '@imajin/rubric';
export {
  type Accepted,
  type CallbackState,
  type ClassifyResult,
  ClassifyResultSchema,
  DELIVERY_HEADER,
  type ErrorCode,
  type JobEnvelope,
  type JobStatus,
  KNOWN_ERROR_CODES,
  type ResultFrame,
  type RubricPin,
  type ScorerValue,
  SIGNATURE_HEADER,
  type VerifyOptions,
  verifyCallback,
} from '@imajin/wire';
export {
  type ClassifyOptions,
  type ClientOptions,
  createClient,
  type ImajinClient,
  type SubmitOptions,
  type WaitOptions,
} from './client.js';
export {
  BadRequestError,
  ClassifyClientError,
  JobFailedError,
  PayloadTooLargeError,
  RubricMismatchError,
  type RubricVersions,
  ServiceUnavailableError,
} from './errors.js';
export { type PollPacing, parseRetryAfter } from './pacing.js';
export type { VideoInput } from './video.js';
