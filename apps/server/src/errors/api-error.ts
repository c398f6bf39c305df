// The base of every error the HTTP layer answers with: status, stable code, retryable flag.
// Subclasses live one per file and set `name`, which is how onError recognises them.
import type { KnownErrorCode } from '@imajin/wire';

export interface ApiErrorOptions {
  retryAfterSec?: number;
  /** Extra JSON fields for the response body (e.g. both rubric versions). */
  details?: Record<string, unknown>;
  /** Extra response headers (e.g. WWW-Authenticate). */
  headers?: Record<string, string>;
  cause?: unknown;
}

export abstract class ApiError extends Error {
  abstract readonly status: number;
  /** One of @imajin/wire's codes: a new code is added there first (and so to the OpenAPI document). */
  abstract readonly code: KnownErrorCode;
  abstract readonly retryable: boolean;
  readonly retryAfterSec?: number;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(message: string, opts: ApiErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (opts.retryAfterSec !== undefined) this.retryAfterSec = opts.retryAfterSec;
    if (opts.details !== undefined) this.details = opts.details;
    if (opts.headers !== undefined) this.headers = opts.headers;
  }
}
