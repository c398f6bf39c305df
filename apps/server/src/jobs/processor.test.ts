import { DecodeError, ScorerRejectedError, ScorerUnavailableError } from '@imajin/pipeline';
import type { JobEnvelope } from '@imajin/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../test/fake-engine.js';
import { type Harness, harness, until } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';

const FAST_RETRY = {
  RETRY_BACKOFF_MIN: '50ms',
  RETRY_BACKOFF_MAX: '200ms',
  BREAKER_OPEN: '300ms',
  BREAKER_THRESHOLD: '2',
};

describe.skipIf(!hasRedis)('the worker', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function submit(video: Buffer): Promise<string> {
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: video,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { job_id: string }).job_id;
  }
  const envelope = async (id: string) =>
    (await (await h.app.request(`/classify-video/${id}`)).json()) as JobEnvelope;
  const finished = (id: string, seen: string[] = []) =>
    until(async () => {
      const e = await envelope(id);
      seen.push(e.status);
      return e.status === 'done' || e.status === 'failed' ? e : undefined;
    });

  it('classifies a queued job, stores the result and deletes the bytes', async () => {
    const engine = new FakeEngine();
    h = await harness('proc-done', engine);
    h.startWorker();
    const video = Buffer.from([250, 9, 9]);
    const id = await submit(video);
    const e = await finished(id);
    expect(e).toMatchObject({ status: 'done', error: null, error_code: null });
    expect(e.result?.is_explicit).toBe(true);
    expect(e.result?.duration_sec).toBe(video.length / 1000);
    expect(await h.services.videos.get(id)).toBeNull();
    expect(await h.services.queuedBytes.total()).toBe(0);
  });

  it('fails an undecodable video for good: retryable false, the decoder’s code lower-cased', async () => {
    const engine = new FakeEngine();
    engine.behaviour = () => new DecodeError('NO_VIDEO_STREAM', 'the file has no video stream');
    h = await harness('proc-decode', engine);
    h.startWorker();
    const e = await finished(await submit(Buffer.from('audio only')));
    expect(e).toMatchObject({
      status: 'failed',
      error_code: 'no_video_stream',
      retryable: false,
      result: null,
    });
    expect(engine.calls).toBe(1);
  });

  it('fails scorer_rejected without retrying', async () => {
    const engine = new FakeEngine();
    engine.behaviour = () => new ScorerRejectedError('model-boss answered 400', 400);
    h = await harness('proc-rejected', engine);
    h.startWorker();
    expect(await finished(await submit(Buffer.from('x')))).toMatchObject({
      status: 'failed',
      error_code: 'scorer_rejected',
      retryable: false,
    });
  });

  it('rides out a scorer outage: the job stays queued/processing, the breaker opens and refuses POSTs, then it finishes', async () => {
    const engine = new FakeEngine();
    let down = true;
    engine.behaviour = () => (down ? new ScorerUnavailableError('model-boss answered 502') : 'ok');
    h = await harness('proc-outage', engine, FAST_RETRY);
    h.startWorker();
    const id = await submit(Buffer.from('during an outage'));
    await until(async () => (engine.calls >= 2 ? true : undefined));
    const refused = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: Buffer.from('another'),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      error_code: 'scorer_unavailable',
      retryable: true,
    });
    const seen: string[] = [];
    setTimeout(() => {
      down = false;
    }, 800);
    const e = await finished(id, seen);
    expect(e.status).toBe('done');
    expect(seen.filter((s) => s === 'failed')).toEqual([]);
    expect(engine.calls).toBeGreaterThanOrEqual(3);
    expect(await h.services.breaker.openFor()).toBe(0);
  });

  it('after the retry window, fails the job with retryable: true', async () => {
    const engine = new FakeEngine();
    engine.behaviour = () => new ScorerUnavailableError('connect ECONNREFUSED');
    h = await harness('proc-window', engine, { ...FAST_RETRY, RETRY_WINDOW: '1500ms' });
    h.startWorker();
    const started = Date.now();
    const e = await finished(await submit(Buffer.from('never scored')));
    expect(e).toMatchObject({
      status: 'failed',
      error_code: 'scorer_unavailable',
      retryable: true,
    });
    expect(e.error).toMatch(/retry window/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('lets a single probe through when the breaker half-opens', async () => {
    const engine = new FakeEngine();
    engine.behaviour = () => new ScorerUnavailableError('still down');
    h = await harness('proc-probe', engine, {
      ...FAST_RETRY,
      BREAKER_OPEN: '1s',
      JOBS_PER_WORKER: '4',
      RETRY_WINDOW: '10s',
    });
    const ids = [
      await submit(Buffer.from('a')),
      await submit(Buffer.from('b')),
      await submit(Buffer.from('c')),
    ];
    await h.services.breaker.failure();
    await h.services.breaker.failure(); // open for 1 s
    h.startWorker();
    await new Promise((r) => setTimeout(r, 700));
    expect(engine.calls).toBe(0); // open: nobody calls the scorer
    await until(async () => (engine.calls >= 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 200));
    expect(engine.calls).toBe(1); // half-open: one probe, which failed and reopened the breaker
    engine.behaviour = () => 'ok';
    for (const id of ids) expect((await finished(id)).status).toBe('done');
  });

  it('hands a running job back to the queue when a drain runs out of time', async () => {
    const engine = new FakeEngine();
    engine.delayMs = 5000;
    h = await harness('proc-drain', engine);
    const w = h.startWorker();
    const id = await submit(Buffer.from('slow'));
    await until(async () => ((await envelope(id)).status === 'processing' ? true : undefined));
    await w.drain(100);
    expect((await envelope(id)).status).toBe('queued');
    expect(await h.services.queue.getJobState(id)).toBe('waiting');
    engine.delayMs = 0;
    h.startWorker();
    expect((await finished(id)).status).toBe('done');
  });
});
