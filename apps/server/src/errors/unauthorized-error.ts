import { ApiError } from './api-error.js';

/** API_TOKENS is set and the request has no valid bearer token. */
export class UnauthorizedError extends ApiError {
  override readonly name = 'UnauthorizedError';
  readonly status = 401;
  readonly code = 'unauthorized';
  readonly retryable = false;
}
