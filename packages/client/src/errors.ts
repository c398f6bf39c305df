// What a call can throw, as classes an ingester branches on without reading strings. Each
// carries the service's `error_code` and `retryable` (docs/http-api.md, "Errors").
import type { ErrorCode } from '@imajin/wire';

export interface ClientErrorInit {
  error_code: ErrorCode;
  retryable: boolean;
  /** The HTTP status, when the service answered. */
  status?: number | undefined;
  /** The error body as the service sent it. */
  body?: unknown;
  cause?: unknown;
}

/** Any refusal or failure; the subclasses below are the ones worth a branch. */
export class ClassifyClientError extends Error {
  override name = 'ClassifyClientError';
  readonly error_code: ErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly body: unknown;

  constructor(message: string, init: ClientErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.error_code = init.error_code;
    this.retryable = init.retryable;
    this.status = init.status;
    this.body = init.body;
  }

  /** `{error, error_code, retryable}`, the service's own shape. */
  get error(): string {
    return this.message;
  }
}

/**
 * The job (or the sync request) ended `failed`: final for this job. `retryable: false` (an
 * undecodable, truncated or unsupported video) is a per-asset failure: do not submit it again.
 */
export class JobFailedError extends ClassifyClientError {
  override name = 'JobFailedError';
  constructor(
    message: string,
    init: ClientErrorInit,
    /** The failed job's id (null for a sync request refused with 422/502). */
    readonly job_id: string | null,
  ) {
    super(message, init);
  }
}

/**
 * The service cannot take or answer the request now: a 503 (with Retry-After), a 429, a network
 * failure or a timeout. Transient, never a verdict on the video: try the same step later.
 */
export class ServiceUnavailableError extends ClassifyClientError {
  override name = 'ServiceUnavailableError';
  constructor(
    message: string,
    init: Omit<ClientErrorInit, 'retryable'>,
    /** What the service asked for with Retry-After, when it did. */
    readonly retryAfterMs: number | undefined = undefined,
  ) {
    super(message, { ...init, retryable: true });
  }
}

/** 409: the rubric pinned with the request is not the service's. `rubric` names both. */
export class RubricMismatchError extends ClassifyClientError {
  override name = 'RubricMismatchError';
  readonly rubric: RubricVersions | undefined;
  constructor(message: string, init: ClientErrorInit) {
    super(message, init);
    this.rubric = (init.body as { rubric?: RubricVersions } | undefined)?.rubric;
  }
}

export interface RubricVersions {
  requested: { version: string | null; fingerprint: string | null };
  ours: { version: string | null; fingerprint: string | null };
}

/** 413: the video (or the request) is over the service's size limit. */
export class PayloadTooLargeError extends ClassifyClientError {
  override name = 'PayloadTooLargeError';
}

/** 400: the request is malformed (the message names the field); sending it again will not help. */
export class BadRequestError extends ClassifyClientError {
  override name = 'BadRequestError';
}
