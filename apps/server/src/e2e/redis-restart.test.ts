// Redis restarted under a running server: the API answers 503 (JSON, Retry-After) while it
// is gone, /readyz says not ready, and once it is back the API recovers and every job that
// was accepted finishes (AOF: nothing was lost). Through @imajin/client, as the ingester sees it:
// a submit fails at once as transient, and polling rides the outage out.
import { ServiceUnavailableError } from '@imajin/client';
import {
  clipBytes,
  freePort,
  type ModelBossStandIn,
  type OwnRedis,
  ownRedis,
  type ServerProcess,
  scratchDir,
  startModelBoss,
} from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingesterClient, printLogsOnFailure } from '../../test/e2e.js';
import { startServer } from '../../test/server-process.js';

describe('a Redis restart', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let video: Buffer;
  let boss: ModelBossStandIn;
  let redis: OwnRedis;
  let server: ServerProcess;

  printLogsOnFailure(() => [server]);

  beforeAll(async () => {
    scratch = await scratchDir('imajin-server-redis');
    video = await clipBytes([
      { colour: 'green', seconds: 2 },
      { colour: 'red', seconds: 2 },
    ]);
    redis = ownRedis(await freePort(), scratch.dir);
    await redis.start();
    boss = await startModelBoss({ latencyMs: 150 });
    server = await startServer({
      REDIS_URL: redis.url,
      SCORER: 'model-boss',
      MODEL_BOSS_URL: boss.url,
      MODEL_BOSS_MAX_IN_FLIGHT: '1',
      JOBS_PER_WORKER: '1',
    });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await redis?.stop();
    await boss?.close();
    await scratch?.remove();
  });

  it('answers 503 while Redis is down and recovers when it is back; no accepted job is lost', async () => {
    const client = ingesterClient(server.url);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await client.submit(video, { reuse: false, keyframes: 5 })).job_id);
    await redis.stop();

    const get = await client.getJob(ids[0] as string).catch((e: unknown) => e);
    expect(get).toBeInstanceOf(ServiceUnavailableError);
    expect(get).toMatchObject({ status: 503, error_code: 'redis_unavailable', retryable: true });
    expect((get as ServiceUnavailableError).retryAfterMs).toBeGreaterThan(0);
    const post = await client.submit(video, { reuse: false }).catch((e: unknown) => e);
    expect(post).toBeInstanceOf(ServiceUnavailableError); // at once: retries are the caller's
    expect(post).toMatchObject({ status: 503, error_code: 'redis_unavailable' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Polling started during the outage rides it out (503s for a while, then the results).
    const polls = ids.map((id) =>
      client.waitForResult(id, { signal: AbortSignal.timeout(60_000) }),
    );
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();

    // A caller that opts into retries gets its submit through once Redis is back.
    const patient = ingesterClient(server.url, { submitRetryMs: 30_000 });
    const accepted = await patient.submit(video, { reuse: false });
    polls.push(client.waitForResult(accepted.job_id, { signal: AbortSignal.timeout(60_000) }));
    const results = await Promise.all(polls);
    expect(results.map((r) => r.explicitness)).toEqual([
      'explicit',
      'explicit',
      'explicit',
      'explicit',
    ]);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
