import { ApiError } from './api-error.js';

/** The scorer circuit breaker is open: new work is refused until Retry-After. */
export class ScorerDownError extends ApiError {
  override readonly name = 'ScorerDownError';
  readonly status = 503;
  readonly code = 'scorer_unavailable';
  readonly retryable = true;
}
