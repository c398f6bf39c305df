// A worker SIGKILLed after a job's record turned final and before its callback was enqueued
// (held there by the IMAJIN_TEST_HOLD_AFTER_JOB_END hook, so the moment is exact): another
// worker recovers the stalled job, finds it ended, and the callback is still delivered.
import { verifyCallback } from '@imajin/client';
import { clipBytes } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startReceiver } from '../../test/callback-receiver.js';
import { postRaw } from '../../test/client.js';
import { e2eStack } from '../../test/e2e.js';
import { until } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';
import { HOLD_MESSAGE } from '../callbacks/test-hook.js';

describe.skipIf(!hasRedis)('callbacks when a worker dies at the job’s end', () => {
  let recv: CallbackReceiver;
  beforeAll(async () => {
    recv = await startReceiver();
  });
  afterAll(() => recv?.close());
  const e2e = e2eStack('e2e-callback-kill', {
    env: () => ({
      LOCK_DURATION: '2s',
      STALLED_INTERVAL: '1s',
      IN_PROCESS_WORKER: 'false',
      CALLBACK_SECRET: 'kill-test-secret',
      CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${recv.port}`,
    }),
    stopWith: 'SIGKILL',
  });

  it('the next worker delivers it', async () => {
    const video = await clipBytes([
      { colour: 'green', seconds: 1 },
      { colour: 'gray', seconds: 1 },
    ]);
    const res = await postRaw(
      e2e.server.url,
      `/classify-video?reuse=false&keyframes=3&callback_url=${encodeURIComponent(recv.url('/hook'))}`,
      video,
    );
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { job_id: string }).job_id;

    const first = await e2e.startWorker({ IMAJIN_TEST_HOLD_AFTER_JOB_END: '1' });
    await until(async () => (first.logs.some((l) => l.msg === HOLD_MESSAGE) ? true : undefined));
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    // The record is final, the callback not yet queued.
    const held = (await (await fetch(`${e2e.server.url}/classify-video/${id}`)).json()) as {
      status: string;
      callback: { state: string; attempts: number };
    };
    expect(held.status).toBe('done');
    expect(held.callback).toMatchObject({ state: 'pending', attempts: 0 });
    expect(recv.received).toEqual([]);

    const second = await e2e.startWorker();
    const hit = await until(async () => recv.on('/hook')[0], 40_000);
    expect(hit.headers['imajin-delivery']).toBe(`${id}:done`);
    expect(
      verifyCallback(hit.body, hit.headers['imajin-signature'] as string, 'kill-test-secret'),
    ).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ job_id: id, status: 'done' });
    const after = await until(async () => {
      const e = (await (await fetch(`${e2e.server.url}/classify-video/${id}`)).json()) as {
        callback: { state: string; attempts: number };
      };
      return e.callback.state === 'delivered' ? e : undefined;
    });
    expect(after.callback.attempts).toBe(1);
    expect(recv.on('/hook')).toHaveLength(1);
    expect(second.logs.some((l) => String(l.msg).includes('stalled'))).toBe(true);
  });
});
