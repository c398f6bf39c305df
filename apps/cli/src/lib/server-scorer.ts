// The scorer a server classifies with, as its open GET /readyz names it (backfill resumes by
// it). Not part of @imajin/client: /readyz is an operator's probe, not the classify contract.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRetryAfter, ServiceUnavailableError } from '@imajin/client';

interface ReadyzBody {
  checks?: { scorer?: { name?: unknown } };
}

export async function serverScorerName(
  baseUrl: string,
  retryWindowMs: number,
  signal?: AbortSignal,
): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/readyz`;
  const deadline = Date.now() + retryWindowMs;
  for (let attempt = 0; ; attempt++) {
    let res: Response | undefined;
    try {
      res = await fetch(url, signal ? { signal } : {});
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (Date.now() >= deadline)
        throw new ServiceUnavailableError(`GET /readyz: ${baseUrl} unreachable`, {
          error_code: 'unreachable',
          cause: err,
        });
    }
    // /readyz answers 503 while Redis is down, and still names the scorer (checks.scorer).
    const body = res ? ((await res.json().catch(() => null)) as ReadyzBody | null) : null;
    const name = body?.checks?.scorer?.name;
    if (typeof name === 'string') return name;
    if (res && res.status !== 503 && res.status !== 429)
      throw new ServiceUnavailableError(
        `GET /readyz did not name the scorer (HTTP ${res.status})`,
        {
          error_code: 'bad_response',
          status: res.status,
        },
      );
    if (Date.now() >= deadline)
      throw new ServiceUnavailableError(`GET /readyz: ${baseUrl} is not ready`, {
        error_code: 'unavailable',
        status: res?.status,
      });
    const wait = res ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
    await sleep(wait ?? Math.min(1000 * 2 ** Math.min(attempt, 5), 30_000), undefined, { signal });
  }
}
