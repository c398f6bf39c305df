import { RUBRIC } from '@imajin/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../test/fake-engine.js';
import { type Harness, harness } from '../../../test/harness.js';
import { hasRedis } from '../../../test/redis.js';

const VIDEO = Buffer.from('not really a video, but bytes the fake engine reads');

describe.skipIf(!hasRedis)('POST /classify-video', () => {
  let h: Harness;
  const engine = new FakeEngine();
  beforeAll(async () => {
    h = await harness('submit', engine, { MAX_UPLOAD_BYTES: '4096', MAX_JSON_BYTES: '8192' });
  });
  afterAll(() => h.close());

  const postJson = (body: unknown, headers: Record<string, string> = {}) =>
    h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('accepts base64 JSON with 202 {job_id, status: "queued"} and stores the bytes for a worker', async () => {
    const res = await postJson({
      video_base64: VIDEO.toString('base64'),
      keyframes: 5,
      scorers: ['moderation'],
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { job_id: string; status: string };
    expect(body.status).toBe('queued');
    expect(body.job_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-job-id')).toBe(body.job_id);
    const stored = await h.services.videos.get(body.job_id);
    expect(stored?.equals(VIDEO)).toBe(true);
    const rec = await h.services.records.get(body.job_id);
    expect(rec?.options).toEqual({ keyframes: 5, scorers: ['moderation'] });
    expect(await h.services.queue.getJobState(body.job_id)).toBe('waiting');
  });

  it('accepts a raw upload with options in the query string', async () => {
    const raw = Buffer.from('raw upload bytes');
    const res = await h.app.request('/classify-video?keyframes=4&scorers=quality,scene', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: raw,
    });
    expect(res.status).toBe(202);
    const { job_id } = (await res.json()) as { job_id: string };
    expect((await h.services.videos.get(job_id))?.equals(raw)).toBe(true);
    expect((await h.services.records.get(job_id))?.options).toEqual({
      keyframes: 4,
      scorers: ['quality', 'scene'],
    });
  });

  it('returns the same job for the same bytes and options, a new one with reuse:false or other options', async () => {
    const video = Buffer.from(`dedupe ${Date.now()}`);
    const first = (await (await postJson({ video_base64: video.toString('base64') })).json()) as {
      job_id: string;
    };
    const again = (await (await postJson({ video_base64: video.toString('base64') })).json()) as {
      job_id: string;
    };
    expect(again.job_id).toBe(first.job_id);
    const raw = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: video,
    });
    expect(((await raw.json()) as { job_id: string }).job_id).toBe(first.job_id);
    const optOut = (await (
      await postJson({ video_base64: video.toString('base64'), reuse: false })
    ).json()) as { job_id: string };
    expect(optOut.job_id).not.toBe(first.job_id);
    const other = (await (
      await postJson({ video_base64: video.toString('base64'), keyframes: 3 })
    ).json()) as { job_id: string };
    expect(other.job_id).not.toBe(first.job_id);
    const rawOptOut = await h.app.request('/classify-video?reuse=false', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: video,
    });
    expect(((await rawOptOut.json()) as { job_id: string }).job_id).not.toBe(first.job_id);
  });

  it('runs a failed job again on resubmission', async () => {
    const video = Buffer.from(`failed then resubmitted ${Date.now()}`);
    const first = (await (await postJson({ video_base64: video.toString('base64') })).json()) as {
      job_id: string;
    };
    await h.services.records.update(first.job_id, {
      status: 'failed',
      error: 'x',
      error_code: 'truncated',
      retryable: false,
    });
    const again = (await (await postJson({ video_base64: video.toString('base64') })).json()) as {
      job_id: string;
    };
    expect(again.job_id).not.toBe(first.job_id);
  });

  const bad: [string, unknown, RegExp][] = [
    ['malformed JSON', '{"video_base64": ', /malformed JSON/],
    ['a missing video_base64', { keyframes: 3 }, /video_base64 is required/],
    ['non-base64 video_base64', { video_base64: 'this is not base64!' }, /not valid base64/],
    ['a wrong type', { video_base64: VIDEO.toString('base64'), keyframes: 'many' }, /keyframes/],
    [
      'a non-integer keyframes',
      { video_base64: VIDEO.toString('base64'), keyframes: 2.5 },
      /keyframes/,
    ],
    [
      'an unknown scorers value',
      { video_base64: VIDEO.toString('base64'), scorers: ['moderation', 'vibes'] },
      /scorers/,
    ],
    ['an empty video', { video_base64: '' }, /empty/],
    ['a JSON array', [1, 2], /invalid request/],
  ];
  for (const [what, body, message] of bad) {
    it(`answers 400 bad_request for ${what}`, async () => {
      const res = await postJson(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const err = (await res.json()) as { error: string; error_code: string; retryable: boolean };
      expect(err.error_code).toBe('bad_request');
      expect(err.retryable).toBe(false);
      expect(err.error).toMatch(message);
    });
  }

  it('answers 400 for an empty raw body, a bad query and an unsupported content type', async () => {
    const empty = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: new Uint8Array(0),
    });
    expect(empty.status).toBe(400);
    const query = await h.app.request('/classify-video?scorers=nope', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: VIDEO,
    });
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: string }).error).toMatch(/scorers/);
    const type = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(type.status).toBe(400);
  });

  it('answers 413 for a declared length over the limit without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4', 'content-length': String(10_000_000) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('payload_too_large');
    expect(pulled).toBeLessThanOrEqual(1); // a stream pulls once up front; nothing was read
  });

  it('answers 413 mid-stream for an endless chunked upload, having read only past the limit', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const res = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(4096 + 4 * 1024);
    const json = await h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ video_base64: Buffer.alloc(9000).toString('base64') }),
    });
    expect(json.status).toBe(413);
  });

  it('refuses a rubric pin that is not ours with 409 naming both versions; accepts ours', async () => {
    const theirs = { version: '0.9.0', fingerprint: 'b'.repeat(64) };
    const res = await postJson({ video_base64: VIDEO.toString('base64'), rubric: theirs });
    expect(res.status).toBe(409);
    const err = (await res.json()) as { error: string; error_code: string };
    expect(err.error_code).toBe('rubric_mismatch');
    expect(err.error).toContain('0.9.0');
    expect(err.error).toContain(RUBRIC.version);
    const ours = await postJson({
      video_base64: VIDEO.toString('base64'),
      rubric: { ...RUBRIC, extra: 'ignored' },
      reuse: false,
    });
    expect(ours.status).toBe(202);
    const byQuery = await h.app.request(`/classify-video?rubric_fingerprint=${'c'.repeat(64)}`, {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: VIDEO,
    });
    expect(byQuery.status).toBe(409);
  });
});
