import { openAsBlob } from 'node:fs';
import { sleep } from '@imajin/pipeline';
import type { ClassifyResult, ErrorInfo } from '../types.js';

/** A job or request the server answered with an error (its `{error, error_code, retryable}`). */
export class ServerError extends Error implements ErrorInfo {
  override name = 'ServerError';
  readonly error: string;
  readonly error_code: string;
  readonly retryable: boolean;

  constructor(
    info: ErrorInfo,
    readonly status?: number,
  ) {
    super(info.error);
    this.error = info.error;
    this.error_code = info.error_code;
    this.retryable = info.retryable;
  }
}

export interface ServerClientOptions {
  baseUrl: string;
  token?: string;
  /** How long to keep retrying 503/429 answers and unreachable server, in total (ms). */
  retryWindowMs?: number;
  /** First and longest pause between status polls (ms). */
  pollMs?: { first: number; max: number };
}

export interface ServerClassifyOptions {
  keyframes?: number | null;
  /** Pins the rubric: a server on another one refuses the upload (409 rubric_mismatch). */
  rubricFingerprint?: string;
  signal?: AbortSignal;
  onStatus?: (status: string) => void;
}

const DEFAULT_RETRY_AFTER_SEC = 5;
const MAX_RETRY_AFTER_SEC = 120;

/**
 * Talks to apps/server (its HTTP API: docs/http-api.md): a raw upload to POST /classify-video, then
 * polls GET /classify-video/{id}. A 503 or 429 is retried after its Retry-After, as is a server
 * that cannot be reached, within `retryWindowMs`.
 */
export class ServerClient {
  private readonly base: string;
  private readonly retryWindowMs: number;
  private readonly pollMs: { first: number; max: number };

  constructor(private readonly opts: ServerClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.retryWindowMs = opts.retryWindowMs ?? 30 * 60_000;
    this.pollMs = opts.pollMs ?? { first: 250, max: 2000 };
  }

  /** The scorer the server classifies with, as its /readyz names it. */
  async scorerName(signal?: AbortSignal): Promise<string> {
    const body = await this.request(`${this.base}/readyz`, signal, async () => ({ method: 'GET' }));
    const name = (body as { scorer?: { name?: unknown } }).scorer?.name;
    if (typeof name !== 'string') throw protocolError('GET /readyz did not name the scorer');
    return name;
  }

  async classify(path: string, o: ServerClassifyOptions = {}): Promise<ClassifyResult> {
    const query = new URLSearchParams();
    if (o.keyframes != null) query.set('keyframes', String(o.keyframes));
    if (o.rubricFingerprint) query.set('rubric_fingerprint', o.rubricFingerprint);
    const url = `${this.base}/classify-video${query.size ? `?${query}` : ''}`;
    const accepted = await this.request(url, o.signal, async () => ({
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: await openAsBlob(path),
    }));
    const jobId = (accepted as { job_id?: unknown }).job_id;
    if (typeof jobId !== 'string')
      throw protocolError('POST /classify-video answered without a job_id');
    o.onStatus?.('queued');
    let pause = this.pollMs.first;
    for (;;) {
      const job = (await this.request(
        `${this.base}/classify-video/${encodeURIComponent(jobId)}`,
        o.signal,
        async () => ({ method: 'GET' }),
      )) as JobRecord;
      o.onStatus?.(job.status);
      if (job.status === 'done' && job.result) return job.result;
      if (job.status === 'failed') {
        throw new ServerError({
          error: job.error ?? 'job failed',
          error_code: job.error_code ?? 'internal',
          retryable: job.retryable ?? false,
        });
      }
      await sleep(pause, o.signal);
      pause = Math.min(this.pollMs.max, pause * 2);
    }
  }

  /** One JSON request with the retry rules above; returns the parsed body of a 2xx answer. */
  private async request(
    url: string,
    signal: AbortSignal | undefined,
    init: () => Promise<RequestInit>,
  ): Promise<unknown> {
    const deadline = Date.now() + this.retryWindowMs;
    for (let attempt = 1; ; attempt++) {
      const req = await init();
      const headers = new Headers(req.headers);
      if (this.opts.token) headers.set('authorization', `Bearer ${this.opts.token}`);
      let res: Response;
      try {
        res = await fetch(url, { ...req, headers, signal });
      } catch (err) {
        if (signal?.aborted) throw err;
        if (Date.now() >= deadline) {
          throw new ServerError({
            error: `server unreachable at ${this.base}: ${(err as Error).message}`,
            error_code: 'server_unavailable',
            retryable: true,
          });
        }
        await sleep(Math.min(1000 * 2 ** Math.min(attempt - 1, 5), 30_000), signal);
        continue;
      }
      if ((res.status === 503 || res.status === 429) && Date.now() < deadline) {
        await res.body?.cancel();
        await sleep(retryAfterMs(res.headers.get('retry-after')), signal);
        continue;
      }
      const body = await readJson(res);
      if (res.ok) return body;
      const info = body as Partial<ErrorInfo> | null;
      throw new ServerError(
        {
          error: info?.error ?? `HTTP ${res.status} from ${url}`,
          error_code: info?.error_code ?? `http_${res.status}`,
          retryable: info?.retryable ?? res.status >= 500,
        },
        res.status,
      );
    }
  }
}

interface JobRecord {
  status: string;
  result?: ClassifyResult | null;
  error?: string | null;
  error_code?: string | null;
  retryable?: boolean | null;
}

/** Retry-After as seconds or an HTTP date; a missing or odd value waits a default. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  let sec = DEFAULT_RETRY_AFTER_SEC;
  if (header !== null && /^\s*\d+(\.\d+)?\s*$/.test(header)) sec = Number(header);
  else if (header !== null && !Number.isNaN(Date.parse(header)))
    sec = (Date.parse(header) - now) / 1000;
  return Math.round(Math.min(MAX_RETRY_AFTER_SEC, Math.max(0, sec)) * 1000);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    if (res.ok) throw protocolError(`expected JSON, got: ${text.slice(0, 80)}`);
    return null;
  }
}

function protocolError(message: string): ServerError {
  return new ServerError({ error: message, error_code: 'bad_response', retryable: false });
}
