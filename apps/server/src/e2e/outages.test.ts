// model-boss outages against the real server process and the real pipeline: an outage must
// never look like a bad video. Jobs wait (queued/processing) and finish once model-boss is
// back; past the retry window they fail with retryable: true; meanwhile POSTs get 503. The
// ingester's side is @imajin/client: what it throws is what the ingester branches on.
import { type ImajinClient, JobFailedError } from '@imajin/client';
import { clipBytes } from '@imajin/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eStack, expectScorerOutage, ingesterClient, QUICK_OUTAGE_ENV } from '../../test/e2e.js';
import { hasRedis } from '../../test/redis.js';

describe.skipIf(!hasRedis)('model-boss outages', () => {
  const e2e = e2eStack('e2e-outage', {
    env: {
      ...QUICK_OUTAGE_ENV,
      MODEL_BOSS_TIMEOUT: '1s',
      // Long enough that the outage in the first test ends inside it even on a loaded CI
      // machine; the second test waits it out.
      RETRY_WINDOW: '15s',
    },
  });
  let video: Buffer;
  let client: ImajinClient;

  beforeAll(async () => {
    video = await clipBytes([
      { colour: 'green', seconds: 2 },
      { colour: 'red', seconds: 2 },
    ]);
    client = ingesterClient(e2e.server.url);
  });

  it('502s, resets and a stall: the job waits, POSTs get 503 + Retry-After, then it finishes', async () => {
    e2e.boss.mode = '502';
    const { job_id } = await client.submit(video, { reuse: false });
    const seen: string[] = [];
    const polling = client.waitForResult(job_id, {
      onStatus: (s) => seen.push(s),
      signal: AbortSignal.timeout(50_000),
    });

    // Two failed attempts open the breaker: new work is refused, at once, as transient.
    let refused: unknown;
    for (let i = 0; i < 50 && !refused; i++) {
      await client.submit(video, { reuse: false }).catch((e: unknown) => {
        refused = e;
      });
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expectScorerOutage(refused);

    e2e.boss.mode = 'reset';
    await new Promise((ok) => setTimeout(ok, 800));
    e2e.boss.mode = 'stall';
    await new Promise((ok) => setTimeout(ok, 1200));
    e2e.boss.mode = 'ok';
    const result = await polling;
    expect(result.is_explicit).toBe(true);
    expect(seen).not.toContain('failed');
    expect(seen).toContain('queued');
    expect(e2e.boss.scored).toBeGreaterThan(0);
    // The breaker closed again: new work is accepted, and runs.
    expect((await client.classify(video, { reuse: false })).is_explicit).toBe(true);
  });

  it('model-boss down for longer than the retry window: failed, retryable: true', async () => {
    await e2e.boss.close(); // connection refused from now on
    // Accepted: nobody knows yet that model-boss is down.
    const { job_id } = await client.submit(video, { reuse: false });
    const seen: string[] = [];
    const started = Date.now();
    const err = await client
      .waitForResult(job_id, { onStatus: (s) => seen.push(s), signal: AbortSignal.timeout(50_000) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({ job_id, error_code: 'scorer_unavailable', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    expect(seen.at(-1)).toBe('failed');
    expect(seen.slice(0, -1)).not.toContain('failed');
    expect(await client.getJob(job_id)).toMatchObject({ status: 'failed', result: null });
    const ready = (await (await fetch(`${e2e.server.url}/readyz`)).json()) as {
      status: string;
      checks: { model_boss: { reachable: boolean } };
    };
    expect(ready.status).toBe('ready'); // model-boss reachability is reported, not required
    expect(ready.checks.model_boss.reachable).toBe(false);
  });
});
