import type { KnownErrorCode } from '@imajin/wire';
import { ApiError, type ApiErrorOptions } from './api-error.js';

/** Sync path only: the video cannot be decoded, or is longer than the sync limit (`too_long`). */
export class UnprocessableVideoError extends ApiError {
  override readonly name = 'UnprocessableVideoError';
  readonly status = 422;
  readonly code: KnownErrorCode;
  readonly retryable: boolean;

  constructor(
    message: string,
    code: KnownErrorCode,
    retryable = false,
    opts: ApiErrorOptions = {},
  ) {
    super(message, opts);
    this.code = code;
    this.retryable = retryable;
  }
}
