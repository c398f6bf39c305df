import { ApiError } from './api-error.js';

/** Malformed JSON, a missing or non-base64 video, a wrong type, an unknown option value, an empty video. */
export class BadRequestError extends ApiError {
  override readonly name = 'BadRequestError';
  readonly status = 400;
  readonly code = 'bad_request';
  readonly retryable = false;
}
