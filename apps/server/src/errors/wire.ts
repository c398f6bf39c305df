// One mapping from any thrown value to the wire: HTTP status + `{error, error_code, retryable}`.
// Errors are recognised by `name` (prototypes do not survive queues or worker threads).
import type { ErrorBody } from '@imajin/wire';
import { pipelineErrorInfo } from './pipeline-error-info.js';
import { isRedisFault } from './redis-fault.js';

export interface WireError {
  status: number;
  /** @imajin/wire's ErrorBody, plus any details (e.g. both rubrics on a 409). */
  body: ErrorBody & Record<string, unknown>;
  retryAfterSec?: number;
  headers?: Record<string, string>;
  /** True when the cause is ours (a bug): log it with its stack, show a generic message. */
  internal: boolean;
}

const API_ERRORS = new Set([
  'BadRequestError',
  'UnauthorizedError',
  'NotFoundError',
  'RubricMismatchError',
  'PayloadTooLargeError',
  'UnprocessableVideoError',
  'OverloadedError',
  'RedisUnavailableError',
  'ScorerDownError',
]);

type Fields = Record<string, unknown>;

export function toWireError(err: unknown, opts: { scorerRetryAfterSec?: number } = {}): WireError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Fields;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(err);

  if (API_ERRORS.has(name) && typeof e.status === 'number' && typeof e.code === 'string') {
    const details = (e.details ?? {}) as Fields;
    return {
      status: e.status,
      body: { error: message, error_code: e.code, retryable: e.retryable === true, ...details },
      ...(typeof e.retryAfterSec === 'number' ? { retryAfterSec: e.retryAfterSec } : {}),
      ...(e.headers ? { headers: e.headers as Record<string, string> } : {}),
      internal: false,
    };
  }
  if (
    name === 'DecodeError' ||
    name === 'ScorerUnavailableError' ||
    name === 'ScorerRejectedError'
  ) {
    const info = { ...pipelineErrorInfo(err) };
    if (name === 'DecodeError') return { status: 422, body: info, internal: false };
    if (name === 'ScorerRejectedError') return { status: 502, body: info, internal: true };
    const hint = typeof e.retryAfterSec === 'number' ? e.retryAfterSec : undefined;
    return {
      status: 503,
      body: info,
      retryAfterSec: Math.ceil(Math.max(hint ?? 0, opts.scorerRetryAfterSec ?? 1)),
      internal: false,
    };
  }
  if (name === 'AbortError') {
    // The client went away (or we are shutting down): nobody is waiting for this answer.
    return {
      status: 503,
      body: { error: 'the request was aborted', error_code: 'aborted', retryable: true },
      internal: false,
    };
  }
  if (isRedisFault(err)) {
    return {
      status: 503,
      body: {
        error: 'the job store (Redis) is unavailable; retry shortly',
        error_code: 'redis_unavailable',
        retryable: true,
      },
      retryAfterSec: 5,
      internal: false,
    };
  }
  return {
    status: 500,
    body: { error: 'internal error', error_code: 'internal', retryable: false },
    internal: true,
  };
}
