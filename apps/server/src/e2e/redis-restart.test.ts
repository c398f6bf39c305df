// Redis restarted under a running server: the API answers 503 (JSON, Retry-After) while it
// is gone, /readyz says not ready, and once it is back the API recovers and every job that
// was accepted finishes (AOF: nothing was lost).
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
import { poll, postRaw } from '../../test/client.js';
import { printLogsOnFailure } from '../../test/e2e.js';
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
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await postRaw(server.url, '/classify-video?reuse=false&keyframes=5', video);
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { job_id: string }).job_id);
    }
    await redis.stop();

    const get = await fetch(`${server.url}/classify-video/${ids[0]}`);
    expect(get.status).toBe(503);
    expect(get.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await get.json()).toMatchObject({ error_code: 'redis_unavailable', retryable: true });
    const post = await postRaw(server.url, '/classify-video?reuse=false', video);
    expect(post.status).toBe(503);
    expect(post.headers.get('content-type')).toMatch(/application\/json/);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();

    let accepted: Response | undefined;
    for (let i = 0; i < 100 && accepted?.status !== 202; i++) {
      await new Promise((r) => setTimeout(r, 100));
      accepted = await postRaw(server.url, '/classify-video?reuse=false', video);
    }
    if (!accepted) throw new Error('no answer to the POST');
    expect(accepted.status).toBe(202);
    ids.push(((await accepted.json()) as { job_id: string }).job_id);
    const envelopes = await Promise.all(ids.map((id) => poll(server.url, id, 60_000)));
    expect(envelopes.map((e) => e.status)).toEqual(['done', 'done', 'done', 'done']);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
