import { ApiError } from './api-error.js';

/** The caller pinned a rubric that is not ours; `details` names both versions. */
export class RubricMismatchError extends ApiError {
  override readonly name = 'RubricMismatchError';
  readonly status = 409;
  readonly code = 'rubric_mismatch';
  readonly retryable = false;
}
