import { ApiError } from './api-error.js';

/** Queue depth or queued bytes are over the limit, or no slot freed up in time: retry after Retry-After. */
export class OverloadedError extends ApiError {
  override readonly name = 'OverloadedError';
  readonly status = 503;
  readonly code = 'overloaded';
  readonly retryable = true;
}
