// Size limits and backpressure over a real socket: an upload over the limit is cut off with a
// 413 the client can read; a full queue answers 503 with Retry-After.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PayloadTooLargeError, ServiceUnavailableError } from '@imajin/client';
import type { ServerProcess } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingesterClient, printLogsOnFailure, sharedRedisEnv } from '../../test/e2e.js';
import { dropTestPrefix, hasRedis, testPrefix } from '../../test/redis.js';
import { startServer } from '../../test/server-process.js';

/** Streams `total` bytes in 64 KiB chunks; resolves with the status and how much was sent. */
function streamUpload(
  url: string,
  total: number,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 7);
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe.skipIf(!hasRedis)('limits and backpressure over HTTP', () => {
  const prefix = testPrefix('e2e-limits');
  let server: ServerProcess;
  printLogsOnFailure(() => [server]);

  beforeAll(async () => {
    server = await startServer(
      sharedRedisEnv(prefix, 'http://127.0.0.1:9', {
        MAX_UPLOAD_BYTES: '1MiB',
        QUEUE_MAX_DEPTH: '2',
        OVERLOAD_RETRY_AFTER: '7',
        IN_PROCESS_WORKER: 'false', // nothing drains the queue: it fills up
      }),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await dropTestPrefix(prefix);
  });

  // Repeated because the failure is a race: a server that closes at once, with the rest of the
  // body unread, makes the kernel reset the connection, and the reset often reaches the client
  // before it has read the 413 (it then sees EPIPE or ECONNRESET).
  const tries = 20;

  it('cuts off a chunked upload over the limit with a readable 413, long before the end', async () => {
    for (let i = 0; i < tries; i++) {
      const r = await streamUpload(`${server.url}/classify-video`, 64 * 1024 * 1024);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({
        error_code: 'payload_too_large',
        retryable: false,
      });
      expect(r.sent).toBeLessThan(64 * 1024 * 1024);
    }
  });

  it('the client reads the 413 for a file or a stream over the limit, never "unreachable"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imajin-limits-'));
    try {
      const big = join(dir, 'big.bin');
      await writeFile(big, Buffer.alloc(16 * 1024 * 1024, 7));
      const client = ingesterClient(server.url);
      for (let i = 0; i < tries; i++) {
        // A path is sent with its length (refused before reading); a stream is chunked.
        for (const [what, video] of [
          ['file', big],
          ['stream', createReadStream(big)],
        ] as const) {
          const err = await client.submit(video, { reuse: false }).catch((e) => e);
          expect(err, `${what} #${i}: ${err}`).toBeInstanceOf(PayloadTooLargeError);
          expect(err).toMatchObject({ status: 413, retryable: false });
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 overloaded with Retry-After once the queue is full', async () => {
    const client = ingesterClient(server.url);
    for (const bytes of ['one', 'two'])
      expect(await client.submit(Buffer.from(bytes), { reuse: false })).toMatchObject({
        status: 'queued',
      });
    const third = await client.submit(Buffer.from('three'), { reuse: false }).catch((e) => e);
    expect(third).toBeInstanceOf(ServiceUnavailableError);
    expect(third).toMatchObject({
      status: 503,
      retryAfterMs: 7000,
      error_code: 'overloaded',
      retryable: true,
    });
  });
});
