// Uploads are stored as they arrive and counted against the queue's byte budget as they
// arrive: a JSON body's video is decoded from base64 on the way (never held whole), and a
// chunked body (no Content-Length) is refused with 503 once it would overfill the budget.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../test/fake-engine.js';
import { type Harness, harness, until } from '../../../test/harness.js';
import { hasRedis } from '../../../test/redis.js';

const MiB = 1024 * 1024;

/** A chunked body (no length) of `parts`, which waits for `gate` before the last part. */
function chunked(parts: Buffer[], gate?: Promise<void>) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i === parts.length - 1 && gate) await gate;
      if (i < parts.length) controller.enqueue(parts[i++] as Buffer);
      else controller.close();
    },
  });
}

function post(h: Harness, type: string, body: ReadableStream<Uint8Array>) {
  return h.app.request('/classify-video', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
    duplex: 'half',
  } as RequestInit);
}

const videoKeys = (h: Harness) => h.redis.keys(`${h.config.redisPrefix}:video:*`);

describe.skipIf(!hasRedis)('uploads as they stream', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('refuses a chunked upload with 503 once it would pass QUEUE_MAX_BYTES, and releases its count', async () => {
    h = await harness('budget', new FakeEngine(), { QUEUE_MAX_BYTES: '3MiB' });
    const mib = Buffer.alloc(MiB, 7);
    const raw = await post(h, 'video/mp4', chunked([mib, mib, mib, mib, mib]));
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBeTruthy();
    expect(await raw.json()).toMatchObject({ error_code: 'overloaded', retryable: true });

    const b64 = Buffer.from(Buffer.alloc(5 * MiB, 9).toString('base64'));
    const parts = [Buffer.from('{"video_base64":"')];
    for (let i = 0; i < b64.length; i += MiB) parts.push(b64.subarray(i, i + MiB));
    parts.push(Buffer.from('"}'));
    const json = await post(h, 'application/json', chunked(parts));
    expect(json.status).toBe(503);

    expect(await h.services.queuedBytes.total()).toBe(0);
    expect(await videoKeys(h)).toEqual([]);
    const small = await post(h, 'video/mp4', chunked([mib]));
    expect(small.status).toBe(202);
    expect(await h.services.queuedBytes.total()).toBe(MiB);
  });

  it('stores a JSON upload’s decoded video while the body is still arriving', async () => {
    h = await harness('json-stream', new FakeEngine());
    const video = Buffer.alloc(6 * MiB, 3);
    const b64 = Buffer.from(video.toString('base64'));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const parts = [Buffer.from('{"video_base64":"')];
    for (let i = 0; i < b64.length; i += MiB) parts.push(b64.subarray(i, i + MiB));
    parts.push(Buffer.from('", "keyframes": 4}'));
    const res = post(h, 'application/json', chunked(parts, gate));
    // Before the body has ended, at least one 4 MiB slice of decoded video is in Redis.
    const [key] = await until(async () => {
      const keys = await videoKeys(h);
      return keys.length ? keys : undefined;
    });
    expect(await h.redis.strlen(key as string)).toBeGreaterThanOrEqual(4 * MiB);
    release();
    const done = await res;
    expect(done.status).toBe(202);
    const { job_id } = (await done.json()) as { job_id: string };
    expect((await h.services.videos.get(job_id))?.equals(video)).toBe(true);
    expect((await h.services.records.get(job_id))?.options.keyframes).toBe(4);
  });
});
