import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryAfterMs, ServerClient, ServerError } from './server-client.js';

/** A loopback stand-in for apps/server speaking its job API. */
interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  type: string | undefined;
  body: Buffer;
  at: number;
}
let server: Server;
let base: string;
let dir: string;
const seen: Seen[] = [];
let busyAnswers = 0;
const jobs = new Map<string, { polls: number; fail: boolean }>();

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-client-'));
  server = createServer(async (req, res) => {
    const b = await body(req);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      auth: req.headers.authorization,
      type: req.headers['content-type'],
      body: b,
      at: Date.now(),
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== 'Bearer s3cret')
      return json(401, { error: 'no token', error_code: 'unauthorized', retryable: false });
    if (req.method === 'POST' && req.url?.startsWith('/classify-video')) {
      if (busyAnswers > 0) {
        busyAnswers--;
        return json(
          503,
          { error: 'scorer down', error_code: 'scorer_unavailable', retryable: true },
          { 'retry-after': '1' },
        );
      }
      const id = `job${jobs.size}`;
      jobs.set(id, { polls: 0, fail: b.toString() === 'corrupt' });
      return json(202, { job_id: id, status: 'queued' });
    }
    const m = /^\/classify-video\/(\w+)$/.exec(req.url ?? '');
    const job = m ? jobs.get(m[1] ?? '') : undefined;
    if (!job) return json(404, { error: 'no such job', error_code: 'not_found', retryable: false });
    job.polls++;
    if (job.polls < 3)
      return json(200, {
        job_id: m?.[1],
        status: job.polls === 1 ? 'queued' : 'processing',
        result: null,
        error: null,
      });
    if (job.fail)
      return json(200, {
        job_id: m?.[1],
        status: 'failed',
        result: null,
        error: 'truncated file',
        error_code: 'truncated',
        retryable: false,
      });
    return json(200, {
      job_id: m?.[1],
      status: 'done',
      result: { explicitness: 'sfw', frame_count: 4 },
      error: null,
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('ServerClient', () => {
  const client = () =>
    new ServerClient({ baseUrl: base, token: 's3cret', pollMs: { first: 10, max: 20 } });

  it('uploads the raw bytes, polls until done, and returns the result', async () => {
    const file = join(dir, 'v.mp4');
    await writeFile(file, Buffer.from('not really a video'));
    seen.length = 0;
    const statuses: string[] = [];
    const result = await client().classify(file, {
      keyframes: 5,
      onStatus: (s) => statuses.push(s),
    });
    expect(result).toEqual({ explicitness: 'sfw', frame_count: 4 });
    const post = seen[0];
    expect(post?.method).toBe('POST');
    expect(post?.url).toBe('/classify-video?keyframes=5');
    expect(post?.type).toBe('application/octet-stream');
    expect(post?.body.toString()).toBe('not really a video');
    expect(statuses).toEqual(['queued', 'queued', 'processing', 'done']);
  });

  it('retries a 503 after its Retry-After', async () => {
    const file = join(dir, 'w.mp4');
    await writeFile(file, 'bytes');
    seen.length = 0;
    busyAnswers = 1;
    await client().classify(file);
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('turns a failed job into a ServerError with its code', async () => {
    const file = join(dir, 'c.mp4');
    await writeFile(file, 'corrupt');
    const err = await client()
      .classify(file)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({
      error_code: 'truncated',
      retryable: false,
      error: 'truncated file',
    });
  });

  it('reports a refused token and an unreachable server', async () => {
    const file = join(dir, 'v.mp4');
    const wrong = new ServerClient({ baseUrl: base, token: 'nope' });
    await expect(wrong.classify(file)).rejects.toMatchObject({
      error_code: 'unauthorized',
      status: 401,
    });
    const down = new ServerClient({ baseUrl: 'http://127.0.0.1:1', retryWindowMs: 0 });
    await expect(down.classify(file)).rejects.toMatchObject({
      error_code: 'server_unavailable',
      retryable: true,
    });
  });

  it('stops waiting when aborted', async () => {
    const file = join(dir, 'v.mp4');
    busyAnswers = 1;
    const ac = new AbortController();
    const p = client().classify(file, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('stop')), 100);
    await expect(p).rejects.toThrow('stop');
    busyAnswers = 0;
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, bounded, with a default', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(null)).toBe(5000);
    expect(retryAfterMs('soon')).toBe(5000);
    expect(retryAfterMs('100000')).toBe(120_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
  });
});
