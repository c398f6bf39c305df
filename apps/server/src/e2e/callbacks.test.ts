// Webhooks against the real server process (in-process worker), real Redis, real videos, and
// loopback receivers; the retry window is shortened through the environment.
import { verifyCallback } from '@imajin/client';
import { RUBRIC } from '@imajin/rubric';
import { clipBytes, type ServerProcess } from '@imajin/test-kit';
import type { JobEnvelope } from '@imajin/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startReceiver } from '../../test/callback-receiver.js';
import { poll, postJson, postRaw } from '../../test/client.js';
import { e2eStack, sharedRedisEnv } from '../../test/e2e.js';
import { until } from '../../test/harness.js';
import { dropTestPrefix, hasRedis } from '../../test/redis.js';
import { startServer } from '../../test/server-process.js';

const SECRETS = ['test-secret-new', 'test-secret-old'];
type Got = JobEnvelope;

async function get(server: ServerProcess, id: string): Promise<Got> {
  return (await (await fetch(`${server.url}/classify-video/${id}`)).json()) as Got;
}
/** Waits until GET shows the callback in one of `states`. */
function callbackIn(server: ServerProcess, id: string, ...states: string[]) {
  return until(
    async () => {
      const env = await get(server, id);
      return env.callback && states.includes(env.callback.state) ? env : undefined;
    },
    40_000,
    100,
  );
}
async function counter(server: ServerProcess, outcome: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const m = new RegExp(
    `^imajin_callback_deliveries_total\\{outcome="${outcome}"\\} (\\d+)`,
    'm',
  ).exec(text);
  return Number(m?.[1] ?? 0);
}
const idOf = async (res: Response) => {
  expect(res.status).toBe(202);
  return ((await res.json()) as { job_id: string }).job_id;
};

describe.skipIf(!hasRedis)('callbacks (webhooks), end to end', () => {
  let recv: CallbackReceiver;
  /** Listed by name only (localhost:PORT): its address, 127.0.0.1, is not on the list. */
  let byName: CallbackReceiver;
  // The receivers first: the server's environment names their ports.
  beforeAll(async () => {
    [recv, byName] = await Promise.all([startReceiver(), startReceiver()]);
  });
  afterAll(() => Promise.all([recv?.close(), byName?.close()]));
  const e2e = e2eStack('e2e-callbacks', {
    env: () => ({
      CALLBACK_SECRET: SECRETS.join(','),
      CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${recv.port},localhost:${byName.port}`,
      CALLBACK_FIRST_RETRY: '300ms',
      CALLBACK_RETRY_WINDOW: '5s',
      CALLBACK_TIMEOUT: '1s',
      CALLBACK_CONNECT_TIMEOUT: '1s',
    }),
  });
  let video: Buffer;
  let other: Buffer;
  let third: Buffer;
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));

  const submit = (path: string, bytes = video, query = 'reuse=false&keyframes=3') =>
    postRaw(
      e2e.server.url,
      `/classify-video?${query}&callback_url=${encodeURIComponent(recv.url(path))}`,
      bytes,
    ).then(idOf);

  beforeAll(async () => {
    const twoShots = (colour: string) =>
      clipBytes([
        { colour: 'green', seconds: 1 },
        { colour, seconds: 1 },
      ]);
    [video, other, third] = await Promise.all([
      twoShots('gray'),
      twoShots('white'),
      twoShots('yellow'),
    ]);
  });

  it('a done job: one POST of the GET envelope, signed by the first secret, with its delivery key', async () => {
    const id = await submit('/done');
    const env = await callbackIn(e2e.server, id, 'delivered');
    expect(env.status).toBe('done');
    expect(env.callback).toEqual({
      state: 'delivered',
      attempts: 1,
      last_status: 200,
      last_error: null,
      next_attempt_at: null,
    });
    const [hit, ...more] = recv.on('/done');
    expect(more).toEqual([]);
    if (!hit) throw new Error('no callback');
    const { callback: _, ...envelope } = env;
    expect(JSON.parse(hit.body)).toEqual(envelope);
    expect(hit.headers['imajin-delivery']).toBe(`${id}:done`);
    const sig = hit.headers['imajin-signature'] as string;
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyCallback(hit.body, sig, SECRETS)).toBe(true);
    expect(verifyCallback(hit.body, sig, SECRETS[0] as string)).toBe(true);
    expect(verifyCallback(hit.body, sig, 'a-wrong-secret')).toBe(false);
    expect(verifyCallback(hit.body, sig, SECRETS[1] as string)).toBe(false); // the first signs
  });

  it('a failed job (JSON body, undecodable video): one POST with the error, signed', async () => {
    const res = await postJson(e2e.server.url, '/classify-video', {
      video_base64: noise.toString('base64'),
      reuse: false,
      callback_url: recv.url('/failed'),
    });
    const id = await idOf(res);
    const env = await callbackIn(e2e.server, id, 'delivered');
    expect(env).toMatchObject({ status: 'failed', retryable: false });
    const hits = recv.on('/failed');
    expect(hits).toHaveLength(1);
    const body = JSON.parse(hits[0]?.body ?? '{}') as JobEnvelope;
    expect(body).toMatchObject({ job_id: id, status: 'failed', result: null, retryable: false });
    expect(body.error_code).toBe(env.error_code);
    expect(body.rubric_fingerprint).toBe(RUBRIC.fingerprint); // named even without a result
    expect(hits[0]?.headers['imajin-delivery']).toBe(`${id}:failed`);
    expect(
      verifyCallback(hits[0]?.body ?? '', hits[0]?.headers['imajin-signature'] as string, SECRETS),
    ).toBe(true);
  });

  it('500, 500, 200: three attempts, one success, counted in the metrics', async () => {
    const [retried, delivered] = [
      await counter(e2e.server, 'retried'),
      await counter(e2e.server, 'delivered'),
    ];
    recv.script('/flaky', [500, 500, 200]);
    const id = await submit('/flaky');
    const env = await callbackIn(e2e.server, id, 'delivered');
    expect(env.callback).toMatchObject({ state: 'delivered', attempts: 3, last_status: 200 });
    const hits = recv.on('/flaky');
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.headers['imajin-delivery']))).toEqual(new Set([`${id}:done`]));
    expect(new Set(hits.map((h) => h.body)).size).toBe(1); // the same envelope each time
    expect(await counter(e2e.server, 'retried')).toBe(retried + 2);
    expect(await counter(e2e.server, 'delivered')).toBe(delivered + 1);
  });

  it('a receiver that never answers is given up after the window, and GET says so', async () => {
    const givenUp = await counter(e2e.server, 'given_up');
    recv.script('/silent', ['silent']);
    const id = await submit('/silent');
    const retrying = await callbackIn(e2e.server, id, 'retrying', 'given_up');
    if (retrying.callback?.state === 'retrying')
      expect(Date.parse(retrying.callback.next_attempt_at ?? '')).toBeGreaterThan(0);
    const env = await callbackIn(e2e.server, id, 'given_up');
    expect(env.callback).toMatchObject({
      state: 'given_up',
      last_status: null,
      last_error: 'no answer within 1000 ms',
      next_attempt_at: null,
    });
    expect(env.callback?.attempts).toBeGreaterThanOrEqual(2);
    // Each attempt reached the receiver (one still in the receiver's hands when its attempt
    // timed out would be missing, hence at most).
    expect(recv.on('/silent').length).toBeGreaterThanOrEqual(2);
    expect(recv.on('/silent').length).toBeLessThanOrEqual(env.callback?.attempts ?? 0);
    expect(await counter(e2e.server, 'given_up')).toBe(givenUp + 1);
  });

  it('a redirect is not followed', async () => {
    recv.script('/moved', ['redirect']);
    const id = await submit('/moved');
    const env = await callbackIn(e2e.server, id, 'retrying', 'given_up');
    expect(env.callback).toMatchObject({ last_status: 302 });
    expect(env.callback?.last_error).toMatch(
      /redirects are not followed \(Location: \/redirected\)/,
    );
    await callbackIn(e2e.server, id, 'given_up');
    expect(recv.on('/moved').length).toBeGreaterThan(0);
    expect(recv.on('/redirected')).toEqual([]);
  });

  it('a listed name that resolves to an unlisted address is refused at delivery', async () => {
    const url = `http://localhost:${byName.port}/by-name`;
    const res = await postRaw(
      e2e.server.url,
      `/classify-video?reuse=false&keyframes=3&callback_url=${encodeURIComponent(url)}`,
      video,
    );
    const id = await idOf(res); // the name is on the list: accepted at submit
    const env = await callbackIn(e2e.server, id, 'given_up');
    expect(env.status).toBe('done');
    expect(env.callback).toMatchObject({ state: 'given_up', attempts: 1, last_status: null });
    expect(env.callback?.last_error).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1) \(loopback\), which is not on the allowed callback hosts$/,
    );
    expect(byName.received).toEqual([]);
  });

  it('a URL off the allow-list, or not http(s), is refused at submit with 400 and a reason', async () => {
    for (const url of [`http://127.0.0.1:${recv.port + 1}/x`, 'http://example.com/x']) {
      const res = await postRaw(
        e2e.server.url,
        `/classify-video?callback_url=${encodeURIComponent(url)}`,
        video,
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; error_code: string };
      expect(body.error_code).toBe('bad_request');
      expect(body.error).toMatch(/is not on the allowed callback hosts \(CALLBACK_ALLOWED_HOSTS\)/);
    }
    const res = await postJson(e2e.server.url, '/classify-video', {
      video_base64: video.toString('base64'),
      callback_url: `file:///etc/passwd`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/http or https/);
    const sync = await postRaw(
      e2e.server.url,
      `/classify-video/sync?callback_url=${encodeURIComponent(recv.url('/x'))}`,
      video,
    );
    expect(sync.status).toBe(400);
  });

  it('a resubmission with a new callback_url after the job ended is called at once', async () => {
    const first = await submit('/first', other, 'keyframes=3');
    await callbackIn(e2e.server, first, 'delivered');
    const again = await submit('/second', other, 'keyframes=3');
    expect(again).toBe(first); // deduplicated: the same job
    const env = await callbackIn(e2e.server, first, 'delivered');
    await until(async () => (recv.on('/second').length > 0 ? true : undefined));
    expect(recv.on('/first')).toHaveLength(1);
    expect(recv.on('/second')).toHaveLength(1);
    expect(recv.on('/second')[0]?.body).toBe(recv.on('/first')[0]?.body);
    expect(env.callback?.attempts).toBe(1);
  });

  it('a resubmission with a new callback_url while the job runs: both URLs are called once', async () => {
    e2e.boss.latencyMs = 1500; // the job outlasts the resubmission (either way, both must be called)
    try {
      const first = await submit('/while-1', third, 'keyframes=3');
      const again = await submit('/while-2', third, 'keyframes=3');
      expect(again).toBe(first);
      await until(async () =>
        recv.on('/while-1').length && recv.on('/while-2').length ? true : undefined,
      );
      const env = await callbackIn(e2e.server, first, 'delivered');
      expect(env.status).toBe('done');
      expect(recv.on('/while-1')).toHaveLength(1);
      expect(recv.on('/while-2')).toHaveLength(1);
    } finally {
      e2e.boss.latencyMs = 0;
    }
  });

  it('without CALLBACK_SECRET a callback_url is refused with 400; other requests work', async () => {
    const plain = await startServer(
      sharedRedisEnv(`${e2e.prefix}-plain`, e2e.boss.url, {
        CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${recv.port}`,
      }),
    );
    e2e.others.push(plain);
    const res = await postRaw(
      plain.url,
      `/classify-video?callback_url=${encodeURIComponent(recv.url('/x'))}`,
      video,
    );
    expect(res.status).toBe(400);
    expect((await res.json()) as object).toMatchObject({
      error_code: 'bad_request',
      error: expect.stringMatching(/CALLBACK_SECRET is unset/),
    });
    const ok = await idOf(
      await postRaw(plain.url, '/classify-video?reuse=false&keyframes=3', video),
    );
    const env = await poll(plain.url, ok);
    expect(env.status).toBe('done');
    expect((env as Got).callback).toBeUndefined();
    await dropTestPrefix(`${e2e.prefix}-plain`);
  });
});
