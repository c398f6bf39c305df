// A loopback stand-in for apps/server's job API (docs/http-api.md), for the CLI's --server tests:
// POST /classify-video (raw upload) → 202 {job_id}; GET /classify-video/{id} → the job record;
// GET /readyz → the scorer's name.
// Jobs really run: the pipeline classifies the uploaded bytes with the scorer given. It answers
// the first `busyFirst` POSTs with 503 + Retry-After, and checks a bearer token when given one.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyVideo, errorInfo, type Scorer } from '@imajin/pipeline';
import type { JobEnvelope } from '@imajin/wire';

export interface TestJobServer {
  url: string;
  posts(): number;
  close(): Promise<void>;
}

export async function startJobServer(o: {
  scorer: Scorer;
  token?: string;
  busyFirst?: number;
}): Promise<TestJobServer> {
  let posts = 0;
  let busy = o.busyFirst ?? 0;
  const jobs = new Map<string, JobEnvelope>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/readyz') {
      // Open, as apps/server's is: it names the scorer (backfill resumes by it).
      return reply(200, {
        status: 'ready',
        ready: true,
        checks: { scorer: { kind: 'test', name: o.scorer.name, ok: true } },
      });
    }
    if (o.token && req.headers.authorization !== `Bearer ${o.token}`) {
      return reply(401, {
        error: 'missing or wrong token',
        error_code: 'unauthorized',
        retryable: false,
      });
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/classify-video') {
      posts++;
      if (busy > 0) {
        busy--;
        return reply(
          503,
          { error: 'scorer down', error_code: 'scorer_unavailable', retryable: true },
          { 'retry-after': '1' },
        );
      }
      const id = randomUUID();
      const kf = url.searchParams.get('keyframes');
      const none = {
        result: null,
        error: null,
        error_code: null,
        retryable: null,
        rubric_fingerprint: null,
      };
      jobs.set(id, { job_id: id, status: 'processing', ...none });
      classifyVideo(Buffer.concat(chunks), {
        scorer: o.scorer,
        keyframes: kf === null || kf === 'null' ? null : Number(kf),
      }).then(
        (result) => jobs.set(id, { job_id: id, status: 'done', ...none, result }),
        (err: unknown) =>
          jobs.set(id, { job_id: id, status: 'failed', ...none, ...errorInfo(err) }),
      );
      return reply(202, { job_id: id, status: 'queued' });
    }
    const job = jobs.get(url.pathname.replace('/classify-video/', ''));
    if (req.method === 'GET' && job) return reply(200, job);
    return reply(404, { error: 'no such job', error_code: 'not_found', retryable: false });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts: () => posts,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
