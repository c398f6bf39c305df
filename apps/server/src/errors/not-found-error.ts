import { ApiError } from './api-error.js';

/** An unknown or expired job id, or an unknown route. */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
  readonly code = 'not_found';
  readonly retryable = false;
}
