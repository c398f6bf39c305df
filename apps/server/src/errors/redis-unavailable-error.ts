import { ApiError } from './api-error.js';

/** Redis is unreachable: nothing can be queued or read until it is back. */
export class RedisUnavailableError extends ApiError {
  override readonly name = 'RedisUnavailableError';
  readonly status = 503;
  readonly code = 'redis_unavailable';
  readonly retryable = true;
}
