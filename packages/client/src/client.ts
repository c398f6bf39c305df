// createClient(): the consumer's side of the classify-video API (docs/http-api.md). Uploads
// are raw (streamed, never base64); polling backs off and rides out a transient outage for a
// while; every answer is checked against @imajin/wire's schemas; every failure is a typed error.
import { RUBRIC } from '@imajin/rubric';
import {
  type Accepted,
  AcceptedSchema,
  type ClassifyResult,
  encodeClassifyQuery,
  type JobEnvelope,
  JobEnvelopeReadSchema,
  type JobStatus,
  type RubricPin,
  type ScorerValue,
} from '@imajin/wire';
import type { z } from 'zod';
import { expectBody, unreachable } from './answers.js';
import { ClassifyClientError, JobFailedError, ServiceUnavailableError } from './errors.js';
import { type PollPacing, pollPauses, sleep, TransientWindow } from './pacing.js';
import { type UploadBody, uploadBody, type VideoInput } from './video.js';

export interface ClientOptions {
  /** Where the service answers, e.g. `http://classify.internal:8080`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` (the service's API_TOKENS). */
  token?: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /**
   * How long a submit keeps retrying a 503/429 or an unreachable service (ms), honouring
   * Retry-After. 0 by default: it throws ServiceUnavailableError at once and the caller's own
   * retry policy decides. A stream cannot be sent twice, so it is never retried.
   */
  submitRetryMs?: number;
  /** How long polling rides out transient failures in a row before throwing (ms). Default 60 000. */
  transientWindowMs?: number;
  /** The pauses between polls. Default 500 ms, × 1.5 each time, up to 5 s. */
  poll?: PollPacing;
  /** A GET without an answer after this long is a transient failure (ms). Default 30 000. */
  requestTimeoutMs?: number;
}

export interface SubmitOptions {
  signal?: AbortSignal;
  /** null (default): scene-aware sampling; N: N evenly spaced frames. */
  keyframes?: number | null;
  /** Echoed in `result.scorers`; v1 always runs the whole rubric. */
  scorers?: ScorerValue[];
  /**
   * `'pin'`: send this package's @imajin/rubric fingerprint, so a service on another rubric
   * refuses the upload (RubricMismatchError) instead of answering under it; or a pin of your own.
   */
  rubric?: 'pin' | RubricPin;
  /** false: classify again even when an identical job exists. */
  reuse?: boolean;
  /**
   * submit/classify only: the service POSTs the job's envelope here, signed, when the job ends
   * (check it with verifyCallback). Its host must be on the service's allow-list.
   */
  callbackUrl?: string;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Called with each new status of the job (`queued`, `processing`, `done`, `failed`). */
  onStatus?: (status: JobStatus, jobId: string) => void;
}

export type ClassifyOptions = SubmitOptions & WaitOptions;

export interface ImajinClient {
  /** Submits the video and waits for its result. */
  classify(video: VideoInput, options?: ClassifyOptions): Promise<ClassifyResult>;
  /** POST /classify-video/sync: for short clips; the answer holds the result. */
  classifySync(video: VideoInput, options?: SubmitOptions): Promise<ClassifyResult>;
  /** POST /classify-video: queues the video and answers its job id at once. */
  submit(video: VideoInput, options?: SubmitOptions): Promise<Accepted>;
  /** GET /classify-video/{job_id}: the job as it is now. */
  getJob(jobId: string, options?: { signal?: AbortSignal }): Promise<JobEnvelope>;
  /** Polls a submitted job until it is done (its result) or failed (JobFailedError). */
  waitForResult(jobId: string, options?: WaitOptions): Promise<ClassifyResult>;
}

const DEFAULT_TRANSIENT_WINDOW_MS = 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createClient(options: ClientOptions): ImajinClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const transientWindowMs = options.transientWindowMs ?? DEFAULT_TRANSIENT_WINDOW_MS;
  const submitRetryMs = options.submitRetryMs ?? 0;

  /** One request; no answer at all is a ServiceUnavailableError, an abort its reason. */
  async function send(
    what: string,
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    timeoutMs?: number,
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    const signals = [signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
      return await doFetch(url, { ...init, headers, ...(combined ? { signal: combined } : {}) });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      throw unreachable(err, what, base);
    }
  }

  /** POSTs a raw upload; with submitRetryMs, rides out 503s and no answer while it can. */
  async function upload<S extends z.ZodType>(
    path: string,
    video: VideoInput,
    o: SubmitOptions,
    schema: S,
  ): Promise<z.output<S>> {
    const query = encodeClassifyQuery({
      ...(o.keyframes !== undefined ? { keyframes: o.keyframes } : {}),
      ...(o.scorers !== undefined ? { scorers: o.scorers } : {}),
      ...(o.rubric !== undefined
        ? { rubric: o.rubric === 'pin' ? { fingerprint: RUBRIC.fingerprint } : o.rubric }
        : {}),
      ...(o.reuse !== undefined ? { reuse: o.reuse } : {}),
      ...(o.callbackUrl !== undefined ? { callback_url: o.callbackUrl } : {}),
    });
    const url = `${base}${path}${query.size ? `?${query}` : ''}`;
    const what = `POST ${path}`;
    const window = new TransientWindow(submitRetryMs);
    const pauses = pollPauses();
    for (;;) {
      const body: UploadBody = await uploadBody(video);
      try {
        const res = await send(
          what,
          url,
          {
            method: 'POST',
            headers: { 'content-type': body.contentType },
            body: body.body,
            ...(body.streamed ? { duplex: 'half' } : {}),
          } as RequestInit,
          o.signal,
        );
        return await expectBody(res, schema, what);
      } catch (err) {
        const again =
          err instanceof ServiceUnavailableError && body.replayable && window.fail(Date.now());
        if (!again) throw err;
        await sleep(waitFor(err, pauses, window), o.signal);
      }
    }
  }

  async function getJob(jobId: string, o: { signal?: AbortSignal } = {}): Promise<JobEnvelope> {
    const what = 'GET /classify-video/{job_id}';
    const res = await send(
      what,
      `${base}/classify-video/${encodeURIComponent(jobId)}`,
      { method: 'GET' },
      o.signal,
      requestTimeoutMs,
    );
    return expectBody(res, JobEnvelopeReadSchema, what);
  }

  async function waitForResult(
    jobId: string,
    o: WaitOptions & { lastStatus?: JobStatus } = {},
  ): Promise<ClassifyResult> {
    const pauses = pollPauses(options.poll);
    const window = new TransientWindow(transientWindowMs);
    let last = o.lastStatus;
    for (;;) {
      let job: JobEnvelope;
      try {
        job = await getJob(jobId, o.signal ? { signal: o.signal } : {});
        window.succeed();
      } catch (err) {
        if (err instanceof ServiceUnavailableError && window.fail(Date.now())) {
          await sleep(waitFor(err, pauses, window), o.signal);
          continue;
        }
        if (err instanceof ClassifyClientError && err.status === 404) {
          throw new JobFailedError(
            `job ${jobId} is gone (expired, or lost by the service): submit the video again`,
            { error_code: 'not_found', retryable: true, status: 404, body: err.body },
            jobId,
          );
        }
        throw err;
      }
      if (job.status !== last) {
        last = job.status;
        o.onStatus?.(job.status, jobId);
      }
      if (job.status === 'done') return resultOf(job);
      if (job.status === 'failed') throw failed(job);
      await sleep(pauses.next().value, o.signal);
    }
  }

  return {
    async classify(video, o = {}) {
      const accepted = await upload('/classify-video', video, o, AcceptedSchema);
      o.onStatus?.(accepted.status, accepted.job_id);
      return waitForResult(accepted.job_id, { ...o, lastStatus: accepted.status });
    },
    async classifySync(video, o = {}) {
      const job = await upload('/classify-video/sync', video, o, JobEnvelopeReadSchema);
      if (job.status === 'failed') throw failed(job);
      return resultOf(job);
    },
    submit: (video, o = {}) => upload('/classify-video', video, o, AcceptedSchema),
    getJob,
    waitForResult: (jobId, o) => waitForResult(jobId, o),
  };
}

/** The pause before trying again: the service's Retry-After, else the next backoff step. */
function waitFor(
  err: ServiceUnavailableError,
  pauses: Generator<number, never>,
  window: TransientWindow,
): number {
  const pause = err.retryAfterMs ?? pauses.next().value;
  // Never sleep past the window's end, but do make one last attempt there.
  return Math.max(0, Math.min(pause, window.remaining(Date.now())));
}

function resultOf(job: JobEnvelope): ClassifyResult {
  if (job.result) return job.result;
  throw new ClassifyClientError(`job ${job.job_id} is done but carries no result`, {
    error_code: 'bad_response',
    retryable: false,
    body: job,
  });
}

function failed(job: JobEnvelope): JobFailedError {
  return new JobFailedError(
    job.error ?? `job ${job.job_id} failed`,
    { error_code: job.error_code ?? 'internal', retryable: job.retryable ?? false, body: job },
    job.job_id,
  );
}
