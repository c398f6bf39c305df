// model-boss outages against the real server process and the real pipeline: an outage must
// never look like a bad video. Jobs wait (queued/processing) and finish once model-boss is
// back; past the retry window they fail with retryable: true; meanwhile POSTs get 503.
import {
  clipBytes,
  type ModelBossStandIn,
  type ServerProcess,
  startModelBoss,
} from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, postRaw } from '../../test/client.js';
import { printLogsOnFailure, sharedRedisEnv } from '../../test/e2e.js';
import { dropTestPrefix, hasRedis, testPrefix } from '../../test/redis.js';
import { startServer } from '../../test/server-process.js';

describe.skipIf(!hasRedis)('model-boss outages', () => {
  const prefix = testPrefix('e2e-outage');
  let video: Buffer;
  let boss: ModelBossStandIn;
  let server: ServerProcess;

  printLogsOnFailure(() => [server]);

  beforeAll(async () => {
    video = await clipBytes([
      { colour: 'green', seconds: 2 },
      { colour: 'red', seconds: 2 },
    ]);
    boss = await startModelBoss();
    server = await startServer(
      sharedRedisEnv(prefix, boss.url, {
        MODEL_BOSS_RETRIES: '0',
        MODEL_BOSS_TIMEOUT: '1s',
        RETRY_BACKOFF_MIN: '200ms',
        RETRY_BACKOFF_MAX: '600ms',
        BREAKER_THRESHOLD: '2',
        BREAKER_OPEN: '1s',
        // Long enough that the outage in the first test ends inside it even on a loaded CI
        // machine; the second test waits it out.
        RETRY_WINDOW: '15s',
      }),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await boss?.close();
    await dropTestPrefix(prefix);
  });

  it('502s, resets and a stall: the job waits, POSTs get 503 + Retry-After, then it finishes', async () => {
    boss.mode = '502';
    const res = await postRaw(server.url, '/classify-video?reuse=false', video);
    expect(res.status).toBe(202);
    const { job_id } = (await res.json()) as { job_id: string };
    const seen: string[] = [];
    const polling = poll(server.url, job_id, 50_000, seen);

    // Two failed attempts open the breaker: new work is refused with a Retry-After.
    let refused: Response | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const r = await postRaw(server.url, '/classify-video?reuse=false', video);
      if (r.status === 503) refused = r;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(refused?.status).toBe(503);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({
      error_code: 'scorer_unavailable',
      retryable: true,
    });

    boss.mode = 'reset';
    await new Promise((ok) => setTimeout(ok, 800));
    boss.mode = 'stall';
    await new Promise((ok) => setTimeout(ok, 1200));
    boss.mode = 'ok';
    const env = await polling;
    expect(env.status).toBe('done');
    expect(env.result?.is_explicit).toBe(true);
    expect(seen).not.toContain('failed');
    expect(seen).toContain('queued');
    expect(boss.scored).toBeGreaterThan(0);
    // The breaker closed again: new work is accepted, and runs.
    const after = await postRaw(server.url, '/classify-video?reuse=false', video);
    expect(after.status).toBe(202);
    expect(
      (await poll(server.url, ((await after.json()) as { job_id: string }).job_id)).status,
    ).toBe('done');
  });

  it('model-boss down for longer than the retry window: failed, retryable: true', async () => {
    await boss.close(); // connection refused from now on
    const res = await postRaw(server.url, '/classify-video?reuse=false', video);
    expect(res.status).toBe(202); // nobody knows yet that model-boss is down
    const { job_id } = (await res.json()) as { job_id: string };
    const seen: string[] = [];
    const started = Date.now();
    const env = await poll(server.url, job_id, 50_000, seen);
    expect(env).toMatchObject({
      status: 'failed',
      error_code: 'scorer_unavailable',
      retryable: true,
      result: null,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    expect(seen.slice(0, -1)).not.toContain('failed');
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      status: string;
      checks: { model_boss: { reachable: boolean } };
    };
    expect(ready.status).toBe('ready'); // model-boss reachability is reported, not required
    expect(ready.checks.model_boss.reachable).toBe(false);
  });
});
