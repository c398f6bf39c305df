// @imajin/client against the real server process (built dist/main.js), real Redis, the real
// pipeline on videos made by ffmpeg, and the model-boss stand-in over loopback: what the
// ingester sees through the client in each case it must tell apart.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import {
  type ImajinClient,
  JobFailedError,
  KNOWN_ERROR_CODES,
  RubricMismatchError,
} from '@imajin/client';
import { RUBRIC } from '@imajin/rubric';
import { garbageFile, makeClip, scratchDir } from '@imajin/test-kit';
import { ClassifyResultSchema } from '@imajin/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eStack, expectScorerOutage, ingesterClient, QUICK_OUTAGE_ENV } from '../../test/e2e.js';
import { hasRedis } from '../../test/redis.js';

describe.skipIf(!hasRedis)('@imajin/client against the real server', () => {
  const e2e = e2eStack('e2e-client', {
    env: {
      ...QUICK_OUTAGE_ENV,
      MODEL_BOSS_TIMEOUT: '2s',
      RETRY_WINDOW: '60s',
      API_TOKENS: 'e2e-token',
    },
  });
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let explicitClip: string;
  let safeClip: string;
  let client: ImajinClient;
  /** Every request the client sent, as "METHOD /path". */
  const sent: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(input, init);
  };

  beforeAll(async () => {
    scratch = await scratchDir('imajin-e2e-client');
    [explicitClip, safeClip] = await Promise.all([
      makeClip(join(scratch.dir, 'green-red.mp4'), [
        { colour: 'green', seconds: 2 },
        { colour: 'red', seconds: 2 },
      ]),
      makeClip(join(scratch.dir, 'green-gray.mp4'), [
        { colour: 'green', seconds: 2 },
        { colour: 'gray', seconds: 2 },
      ]),
    ]);
    client = ingesterClient(e2e.server.url, { token: 'e2e-token', fetch: countingFetch });
  });
  afterAll(() => scratch?.remove());

  it('classifies a file: raw upload, polling, the validated result, every status reported', async () => {
    const statuses: string[] = [];
    const result = await client.classify(explicitClip, {
      rubric: 'pin',
      reuse: false,
      onStatus: (s) => statuses.push(s),
    });
    expect(ClassifyResultSchema.parse(result)).toEqual(result);
    expect(result.explicitness).toBe('explicit');
    expect(result.explicit_segments.length).toBeGreaterThan(0);
    expect(result.rubric_fingerprint).toBe(RUBRIC.fingerprint);
    expect(result.scorer).toMatch(/^model-boss:/);
    expect(statuses[0]).toBe('queued');
    expect(statuses.at(-1)).toBe('done');

    const sync = await client.classifySync(await openAsBlob(safeClip));
    expect(sync.explicitness).toBe('sfw');
  });

  it('an undecodable video: JobFailedError, not retryable, with the decoder’s code', async () => {
    const garbage = await garbageFile(join(scratch.dir, 'garbage.mp4'));
    const err = await client.classify(garbage, { reuse: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    const failed = err as JobFailedError;
    expect(failed.retryable).toBe(false);
    expect(failed.job_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(KNOWN_ERROR_CODES).toContain(failed.error_code);
    expect(failed.error_code).not.toBe('internal');
  });

  it('a rubric pin that is not ours: RubricMismatchError naming both, before any upload is kept', async () => {
    const theirs = { version: '0.9.0', fingerprint: 'b'.repeat(64) };
    const err = await client.classify(safeClip, { rubric: theirs }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RubricMismatchError);
    expect(err).toMatchObject({ status: 409, error_code: 'rubric_mismatch', retryable: false });
    expect((err as RubricMismatchError).rubric).toEqual({
      requested: theirs,
      ours: { version: RUBRIC.version, fingerprint: RUBRIC.fingerprint },
    });
  });

  it('a scorer outage: submit throws ServiceUnavailableError at once; the job and a retrying submit finish once it ends', async () => {
    e2e.boss.mode = '502';
    // Accepted before anyone knows model-boss is down: the job waits and retries by itself.
    const waiting = await client.submit(explicitClip, { reuse: false });
    // Its failing attempts open the breaker: new work is refused, at once, as transient.
    let refused: unknown;
    for (let i = 0; i < 100 && !refused; i++) {
      const before = sent.length;
      await client.submit(safeClip, { reuse: false }).catch((e: unknown) => {
        refused = e;
      });
      expect(sent.length - before).toBe(1); // one POST: no retries unless opted into
      if (!refused) await new Promise((r) => setTimeout(r, 100));
    }
    expectScorerOutage(refused);

    // A caller that opts into retries rides out the rest of the outage.
    const patient = ingesterClient(e2e.server.url, { token: 'e2e-token', submitRetryMs: 60_000 });
    const later = patient.classify(safeClip, { reuse: false });
    await new Promise((r) => setTimeout(r, 1500));
    e2e.boss.mode = 'ok';
    expect((await later).explicitness).toBe('sfw');
    expect((await client.waitForResult(waiting.job_id)).explicitness).toBe('explicit');
  });

  it('abort mid-poll: the call rejects with the signal’s reason and polls no more', async () => {
    e2e.boss.latencyMs = 1500; // the job stays `processing` for a while
    try {
      const ac = new AbortController();
      const call = client.classify(safeClip, {
        reuse: false,
        signal: ac.signal,
        onStatus: (s) => {
          if (s === 'processing') ac.abort(new Error('the ingester is shutting down'));
        },
      });
      await expect(call).rejects.toThrow('the ingester is shutting down');
      const polls = sent.length;
      await new Promise((r) => setTimeout(r, 800));
      expect(sent.length).toBe(polls);
    } finally {
      e2e.boss.latencyMs = 0;
    }
  });
});
