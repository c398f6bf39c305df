import { DecodeError, ScorerUnavailableError } from '@imajin/pipeline';
import { JobEnvelopeSchema } from '@imajin/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../test/fake-engine.js';
import { type Harness, harness } from '../../../test/harness.js';
import { hasRedis } from '../../../test/redis.js';

describe.skipIf(!hasRedis)('POST /classify-video/sync', () => {
  let h: Harness;
  const engine = new FakeEngine();
  beforeAll(async () => {
    h = await harness('sync', engine, {
      SYNC_MAX_BYTES: '2000',
      SYNC_MAX_DURATION: '30',
      JOBS_PER_WORKER: '1',
      SYNC_SLOT_WAIT: '300ms',
      BREAKER_THRESHOLD: '2',
      BREAKER_OPEN: '5',
    });
  });
  afterAll(() => h.close());

  const post = (video: Buffer, type = 'video/mp4', query = '') =>
    h.app.request(`/classify-video/sync${query}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: video,
    });
  const postJson = (video: Buffer) =>
    h.app.request('/classify-video/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ video_base64: video.toString('base64'), scorers: ['moderation'] }),
    });

  it('answers 200 with the job envelope and the result inline; GET finds it afterwards', async () => {
    engine.behaviour = () => 'ok';
    const video = Buffer.from([200, 1, 2, 3]);
    const res = await postJson(video);
    expect(res.status).toBe(200);
    const env = JobEnvelopeSchema.parse(await res.json());
    expect(env.status).toBe('done');
    expect(env.error).toBeNull();
    expect(env.result?.is_explicit).toBe(true);
    expect(env.result?.scorers).toEqual(['moderation']);
    const again = await h.app.request(`/classify-video/${env.job_id}`);
    expect(((await again.json()) as { status: string }).status).toBe('done');
  });

  it('answers 413 over the sync size limit, for raw and base64 bodies', async () => {
    expect((await post(Buffer.alloc(2001, 1))).status).toBe(413);
    const res = await postJson(Buffer.alloc(2001, 1));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('payload_too_large');
    expect((await post(Buffer.alloc(2000, 1))).status).toBe(200);
  });

  it('accepts a 30 s clip (one frame of tolerance) and refuses a longer one with 422 too_long', async () => {
    engine.facts = () => ({ durationSec: 30.033, frameRate: 30 });
    expect((await post(Buffer.from('thirty'))).status).toBe(200);
    engine.facts = () => ({ durationSec: 31, frameRate: 30 });
    const calls = engine.calls;
    const res = await post(Buffer.from('thirty-one'));
    expect(res.status).toBe(422);
    const err = (await res.json()) as { error_code: string; error: string };
    expect(err.error_code).toBe('too_long');
    expect(err.error).toMatch(/31\.00 s/);
    expect(engine.calls).toBe(calls); // refused after the probe, before decoding and scoring
    engine.facts = () => ({ durationSec: 5, frameRate: 30 });
  });

  it('answers 422 with the decoder’s code for an undecodable video', async () => {
    engine.facts = () =>
      new DecodeError('TRUNCATED', 'the file ends before its container says it does');
    const res = await post(Buffer.from('half a file'));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error_code: 'truncated', retryable: false });
    engine.facts = () => ({ durationSec: 5, frameRate: 30 });
    engine.behaviour = () => new DecodeError('CORRUPT_INPUT', 'bad bitstream');
    expect(await (await post(Buffer.from('corrupt'))).json()).toMatchObject({
      error_code: 'corrupt_input',
    });
    engine.behaviour = () => 'ok';
  });

  it('waits a little for a slot, then answers 503 overloaded with Retry-After', async () => {
    let release!: () => void;
    const blocked = new Promise<'ok'>((r) => {
      release = () => r('ok');
    });
    engine.behaviour = () => blocked;
    const first = post(Buffer.from('holds the only slot'));
    await new Promise((r) => setTimeout(r, 50));
    const second = await post(Buffer.from('waits for it'));
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await second.json()) as { error_code: string }).error_code).toBe('overloaded');
    release();
    expect((await first).status).toBe(200);
    engine.behaviour = () => 'ok';
  });

  it('answers 503 scorer_unavailable with Retry-After when the scorer fails, and opens the breaker', async () => {
    engine.behaviour = () => new ScorerUnavailableError('model-boss answered 502');
    const one = await post(Buffer.from('scorer down 1'));
    expect(one.status).toBe(503);
    expect(await one.json()).toMatchObject({ error_code: 'scorer_unavailable', retryable: true });
    expect(Number(one.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await post(Buffer.from('scorer down 2')); // the second failure in a row opens the breaker
    const calls = engine.calls;
    const refused = await post(Buffer.from('refused while open'));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(1);
    expect(engine.calls).toBe(calls);
    await h.services.breaker.success();
    engine.behaviour = () => 'ok';
  });
});
