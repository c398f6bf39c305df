// The service's answers: a 2xx body checked against @imajin/wire's schema, or an error body
// turned into the error class a caller branches on.
import { ErrorBodySchema } from '@imajin/wire';
import type { z } from 'zod';
import {
  BadRequestError,
  ClassifyClientError,
  JobFailedError,
  PayloadTooLargeError,
  RubricMismatchError,
  ServiceUnavailableError,
} from './errors.js';
import { parseRetryAfter } from './pacing.js';

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A 2xx answer's body, checked against `schema`; anything else throws (see refusal()). */
export async function expectBody<S extends z.ZodType>(
  res: Response,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const body = await readJson(res);
  if (!res.ok) throw refusal(res, body, what);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ClassifyClientError(
      `${what}: the service answered ${res.status} with a body outside the contract: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ')}`,
      { error_code: 'bad_response', retryable: false, status: res.status, body },
    );
  }
  return parsed.data;
}

/** The error a non-2xx answer means. Sync's 422 and 502 are a failed job (JobFailedError). */
export function refusal(res: Response, body: unknown, what: string): ClassifyClientError {
  const parsed = ErrorBodySchema.safeParse(body);
  const info = parsed.success
    ? parsed.data
    : {
        error: `${what}: HTTP ${res.status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`,
        error_code: `http_${res.status}`,
        retryable: res.status >= 500,
      };
  const init = { error_code: info.error_code, retryable: info.retryable, status: res.status, body };
  switch (res.status) {
    case 400:
      return new BadRequestError(info.error, init);
    case 409:
      return new RubricMismatchError(info.error, init);
    case 413:
      return new PayloadTooLargeError(info.error, init);
    case 422:
    case 502:
      return new JobFailedError(info.error, init, null);
    case 429:
    case 503:
      return new ServiceUnavailableError(
        info.error,
        init,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    default:
      return new ClassifyClientError(info.error, init);
  }
}

/** A request that got no answer: refused connection, reset, DNS, or our own timeout. */
export function unreachable(err: unknown, what: string, base: string): ServiceUnavailableError {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  const timedOut = e?.name === 'TimeoutError';
  const detail = timedOut ? 'timed out' : (e?.cause?.code ?? e?.message ?? String(err));
  return new ServiceUnavailableError(
    `${what}: ${base} ${timedOut ? detail : `unreachable (${detail})`}`,
    {
      error_code: timedOut ? 'timeout' : 'unreachable',
      cause: err,
    },
  );
}
