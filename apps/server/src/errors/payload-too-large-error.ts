import { ApiError } from './api-error.js';

/** The body (or the decoded video) is over the configured limit; raised while streaming. */
export class PayloadTooLargeError extends ApiError {
  override readonly name = 'PayloadTooLargeError';
  readonly status = 413;
  readonly code = 'payload_too_large';
  readonly retryable = false;
}
