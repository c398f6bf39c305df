// The client against a scripted loopback service: what it sends, how it paces and retries,
// and which error each answer becomes.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUBRIC } from '@imajin/rubric';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { envelope, errorAnswer, type Loopback, startLoopback } from '../test/loopback.js';
import { validResult } from '../test/result.js';
import { createClient } from './client.js';
import {
  BadRequestError,
  ClassifyClientError,
  JobFailedError,
  PayloadTooLargeError,
  RubricMismatchError,
  ServiceUnavailableError,
} from './errors.js';

let lb: Loopback;
let dir: string;
const VIDEO = Buffer.from('not really a video, but bytes');
const fast = { firstMs: 5, maxMs: 20 };

beforeAll(async () => {
  lb = await startLoopback();
  dir = await mkdtemp(join(tmpdir(), 'imajin-client-'));
});
afterAll(async () => {
  await lb.close();
  await rm(dir, { recursive: true, force: true });
});

/** A job that is queued, then processing, then done (or as `final` says) on the third GET. */
function scriptJob(
  final: (id: string) => ReturnType<typeof envelope> = (id) =>
    envelope(id, 'done', { result: validResult() }),
) {
  const id = randomUUID();
  lb.onPost = () => ({ status: 202, body: { job_id: id, status: 'queued' } });
  lb.onGet = (_req, n) =>
    n === 1 ? envelope(id, 'queued') : n === 2 ? envelope(id, 'processing') : final(id);
  return id;
}

beforeEach(() => lb.reset());

const client = (o: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: `${lb.url}/`, token: 's3cret', poll: fast, ...o });

describe('classify', () => {
  it('uploads the raw bytes with the options in the query, polls, and returns the checked result', async () => {
    const id = scriptJob();
    const statuses: string[] = [];
    const result = await client().classify(VIDEO, {
      keyframes: 5,
      rubric: 'pin',
      reuse: false,
      onStatus: (s, jobId) => statuses.push(`${s}:${jobId === id}`),
    });
    expect(result).toEqual(validResult());
    const post = lb.seen[0];
    expect(post?.path).toBe('/classify-video');
    expect(Object.fromEntries(post?.query ?? [])).toEqual({
      keyframes: '5',
      rubric_fingerprint: RUBRIC.fingerprint,
      reuse: 'false',
    });
    expect(post?.headers['content-type']).toBe('application/octet-stream');
    expect(post?.headers.authorization).toBe('Bearer s3cret');
    expect(post?.body.equals(VIDEO)).toBe(true);
    expect(lb.seen.slice(1).map((s) => `${s.method} ${s.path}`)).toEqual(
      Array(3).fill(`GET /classify-video/${id}`),
    );
    expect(statuses).toEqual(['queued:true', 'processing:true', 'done:true']);
  });

  it('streams every kind of input, never base64', async () => {
    const file = join(dir, 'v.mp4');
    await writeFile(file, VIDEO);
    const inputs: [string, () => Parameters<ReturnType<typeof createClient>['submit']>[0]][] = [
      ['a file path', () => file],
      ['a Blob', () => new Blob([VIDEO], { type: 'video/mp4' })],
      [
        'an ArrayBuffer',
        () => VIDEO.buffer.slice(VIDEO.byteOffset, VIDEO.byteOffset + VIDEO.length),
      ],
      ['a Uint8Array', () => new Uint8Array(VIDEO)],
      ['a web stream', () => new Blob([VIDEO]).stream()],
      ['a Node stream', () => createReadStream(file, { highWaterMark: 7 })],
    ];
    for (const [what, input] of inputs) {
      lb.reset();
      scriptJob();
      await client().submit(input());
      const post = lb.seen[0];
      expect(post?.body.equals(VIDEO), what).toBe(true);
      const streamed = what.endsWith('stream');
      expect(post?.headers['transfer-encoding'], what).toBe(streamed ? 'chunked' : undefined);
      expect(post?.headers['content-type'], what).toBe(
        what === 'a Blob' ? 'video/mp4' : 'application/octet-stream',
      );
    }
  });

  it('throws JobFailedError with the job’s code and retryable flag', async () => {
    const id = scriptJob((jobId) =>
      envelope(jobId, 'failed', {
        error: 'truncated file',
        error_code: 'truncated',
        retryable: false,
      }),
    );
    const err = await client()
      .classify(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({
      job_id: id,
      error_code: 'truncated',
      retryable: false,
      message: 'truncated file',
    });
  });

  it('turns a job that vanished (404) into a retryable JobFailedError', async () => {
    const id = scriptJob();
    lb.onGet = () => errorAnswer(404, 'not_found', false);
    const err = await client()
      .classify(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({ job_id: id, error_code: 'not_found', retryable: true });
  });

  it('refuses a result outside the contract', async () => {
    scriptJob((id) => envelope(id, 'done', { result: { ...validResult(), frame_count: 9 } }));
    const err = await client()
      .classify(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifyClientError);
    expect(err).toMatchObject({ error_code: 'bad_response', retryable: false });
    expect((err as Error).message).toMatch(/frame_count must equal frames.length/);
  });

  it('reads a result carrying a field this version does not know', async () => {
    scriptJob((id) =>
      envelope(id, 'done', { result: { ...validResult(), added_later: 1 }, added_later_too: {} }),
    );
    expect(await client().classify(VIDEO)).toEqual(validResult());
  });
});

describe('submit', () => {
  it('throws ServiceUnavailableError at once on a 503, with its Retry-After', async () => {
    lb.onPost = () => errorAnswer(503, 'overloaded', true, { 'retry-after': '7' });
    const err = await client()
      .submit(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err).toMatchObject({
      error_code: 'overloaded',
      retryable: true,
      status: 503,
      retryAfterMs: 7000,
    });
    expect(lb.seen).toHaveLength(1);
  });

  it('throws ServiceUnavailableError at once when nothing answers', async () => {
    const down = createClient({ baseUrl: 'http://127.0.0.1:1' });
    const err = await down.submit(VIDEO).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err).toMatchObject({ error_code: 'unreachable', retryable: true, status: undefined });
  });

  it('with submitRetryMs, waits out a 503 for its Retry-After and submits again', async () => {
    const id = randomUUID();
    lb.onPost = (_req, n) =>
      n === 1
        ? errorAnswer(503, 'scorer_unavailable', true, { 'retry-after': '1' })
        : { status: 202, body: { job_id: id, status: 'queued' } };
    const before = lb.seen.length;
    const accepted = await client({ submitRetryMs: 30_000 }).submit(VIDEO);
    expect(accepted).toEqual({ job_id: id, status: 'queued' });
    const posts = lb.seen.slice(before).filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body.equals(VIDEO)).toBe(true);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('never sends a stream twice, even with submitRetryMs', async () => {
    lb.onPost = () => errorAnswer(503, 'overloaded', true, { 'retry-after': '0' });
    const err = await client({ submitRetryMs: 30_000 })
      .submit(new Blob([VIDEO]).stream())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(lb.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  const refusals: [number, string, new (...a: never[]) => Error][] = [
    [400, 'bad_request', BadRequestError],
    [409, 'rubric_mismatch', RubricMismatchError],
    [413, 'payload_too_large', PayloadTooLargeError],
    [401, 'unauthorized', ClassifyClientError],
  ];
  for (const [status, code, type] of refusals) {
    it(`throws ${type.name} for ${status} ${code}`, async () => {
      const both = { version: '0.9.0', fingerprint: 'b'.repeat(64) };
      lb.onPost = () =>
        errorAnswer(
          status,
          code,
          false,
          {},
          status === 409 ? { rubric: { requested: both, ours: both } } : {},
        );
      const err = await client()
        .submit(VIDEO)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(type);
      expect(err).toMatchObject({ status, error_code: code, retryable: false });
      if (status === 409) expect((err as RubricMismatchError).rubric?.requested).toEqual(both);
    });
  }
});

describe('polling', () => {
  it('rides out 503s and a reset connection, then returns the result', async () => {
    const id = randomUUID();
    lb.onPost = () => ({ status: 202, body: { job_id: id, status: 'queued' } });
    lb.onGet = (_req, n) =>
      n <= 2
        ? errorAnswer(503, 'redis_unavailable', true, { 'retry-after': '0' })
        : n === 3
          ? { status: 0, reset: true }
          : envelope(id, 'done', { result: validResult() });
    const getsBefore = countGets();
    expect(await client().classify(VIDEO)).toEqual(validResult());
    expect(countGets() - getsBefore).toBeGreaterThanOrEqual(4);
  });

  it('honours a 503’s Retry-After between polls', async () => {
    const id = randomUUID();
    lb.onPost = () => ({ status: 202, body: { job_id: id, status: 'queued' } });
    lb.onGet = (_req, n) =>
      n === 1
        ? errorAnswer(503, 'redis_unavailable', true, { 'retry-after': '1' })
        : envelope(id, 'done', { result: validResult() });
    await client().classify(VIDEO);
    const gets = lb.seen.filter((s) => s.method === 'GET');
    expect(gets).toHaveLength(2);
    expect((gets[1]?.at ?? 0) - (gets[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('gives up with ServiceUnavailableError once the transient window has passed', async () => {
    const id = randomUUID();
    lb.onPost = () => ({ status: 202, body: { job_id: id, status: 'queued' } });
    lb.onGet = () => errorAnswer(503, 'redis_unavailable', true, { 'retry-after': '0' });
    const err = await client({ transientWindowMs: 200 })
      .classify(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err).toMatchObject({ error_code: 'redis_unavailable' });
    expect(lb.seen.filter((s) => s.method === 'GET').length).toBeGreaterThan(1);
  });

  it('stops when aborted, with the signal’s reason, and polls no more', async () => {
    const id = randomUUID();
    lb.onPost = () => ({ status: 202, body: { job_id: id, status: 'queued' } });
    const ac = new AbortController();
    lb.onGet = (_req, n) => {
      if (n === 3) ac.abort(new Error('stop now'));
      return envelope(id, 'processing');
    };
    await expect(client().classify(VIDEO, { signal: ac.signal })).rejects.toThrow('stop now');
    const gets = countGets();
    await new Promise((r) => setTimeout(r, 100));
    expect(countGets()).toBe(gets);
  });
});

describe('classifySync', () => {
  it('returns the result the sync answer holds', async () => {
    lb.onPost = () => envelope(randomUUID(), 'done', { result: validResult(true) });
    expect((await client().classifySync(VIDEO)).explicitness).toBe('explicit');
    expect(lb.seen[0]?.path).toBe('/classify-video/sync');
  });

  it('throws JobFailedError for an undecodable video (422), ServiceUnavailableError for a 503', async () => {
    lb.onPost = () => errorAnswer(422, 'corrupt_input', false);
    const err = await client()
      .classifySync(VIDEO)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({
      job_id: null,
      error_code: 'corrupt_input',
      retryable: false,
      status: 422,
    });
    lb.onPost = () => errorAnswer(503, 'scorer_unavailable', true, { 'retry-after': '2' });
    await expect(client().classifySync(VIDEO)).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

function countGets(): number {
  return lb.seen.filter((s) => s.method === 'GET').length;
}
