import { type ModelBossStandIn, startModelBoss } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../test/fake-engine.js';
import { type Harness, harness } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';

describe.skipIf(!hasRedis)('open routes, docs, auth and errors', () => {
  let h: Harness;
  let unauthenticated: Harness;
  let boss: ModelBossStandIn;
  beforeAll(async () => {
    boss = await startModelBoss();
    h = await harness('app', new FakeEngine(), {
      API_TOKENS: 'alpha-token, beta-token',
      MODEL_BOSS_URL: boss.url,
    });
    unauthenticated = await harness('app-local', new FakeEngine(), {
      SCORER: '',
      MODEL_BOSS_URL: '',
    });
  });
  afterAll(async () => {
    await h.close();
    await unauthenticated.close();
    await boss?.close();
  });

  it('/healthz answers without a token', async () => {
    const res = await h.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('/readyz reports Redis, its persistence settings, the scorer and model-boss reachability', async () => {
    const res = await h.app.request('/readyz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      checks: Record<string, Record<string, unknown>>;
      warnings: string[];
    };
    expect(body.status).toBe('ready');
    expect(body.checks.redis?.ok).toBe(true);
    expect(body.checks.redis_persistence?.maxmemory_policy).toEqual(expect.any(String));
    expect(body.checks.scorer).toMatchObject({ kind: 'model-boss', name: 'model-boss:fake' });
    expect(body.checks.model_boss).toMatchObject({ reachable: true, status: 404 });
  });

  it('/readyz warns when the local scorer was chosen by default', async () => {
    const body = (await (await unauthenticated.app.request('/readyz')).json()) as {
      checks: { scorer: { kind: string } };
      warnings: string[];
    };
    expect(body.checks.scorer.kind).toBe('local');
    expect(body.warnings.join(' ')).toMatch(/MODEL_BOSS_URL is not set/);
  });

  it('/metrics is Prometheus text with queue depth and job counters', async () => {
    const res = await h.app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/imajin_queue_depth\{state="waiting"\} \d+/);
    expect(text).toContain('imajin_jobs_total');
    expect(text).toContain('imajin_scorer_calls_total');
    expect(text).toMatch(/imajin_http_requests_total\{route="GET \/healthz",status="200"\} \d+/);
  });

  it('/openapi.json describes the routes and the result schema', async () => {
    const doc = (await (await h.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/classify-video',
        '/classify-video/sync',
        '/classify-video/{job_id}',
        '/readyz',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ClassifyResult', 'JobEnvelope', 'ClassifyRequest', 'Error']),
    );
  });

  it('/docs renders Swagger UI from local assets, no CDN', async () => {
    const page = await (await h.app.request('/docs')).text();
    expect(page).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\//);
    const js = await h.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await h.app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('requires a bearer token on the classify routes when API_TOKENS is set', async () => {
    const none = await h.app.request('/classify-video/00000000-0000-4000-8000-000000000000');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ error_code: 'unauthorized', retryable: false });
    const wrong = await h.app.request('/classify-video/sync', {
      method: 'POST',
      headers: { authorization: 'Bearer alpha-tokem' },
    });
    expect(wrong.status).toBe(401);
    const right = await h.app.request('/classify-video/00000000-0000-4000-8000-000000000000', {
      headers: { authorization: 'Bearer beta-token' },
    });
    expect(right.status).toBe(404);
  });

  it('answers unknown routes with JSON 404, never HTML', async () => {
    const res = await h.app.request('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error_code: 'not_found' });
  });
});
