// A scriptable loopback HTTP server speaking the service's wire format, for the client's unit
// tests: each test sets what POST and GET answer and reads back what was sent, and when.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (a reset connection). */
  reset?: boolean;
}

export type Handler = (req: Seen, n: number) => Answer | Promise<Answer>;

export interface Loopback {
  url: string;
  seen: Seen[];
  onPost: Handler;
  onGet: Handler;
  /** Forgets what was seen and numbers requests from 1 again. */
  reset(): void;
  close(): Promise<void>;
}

const notSet: Handler = () => ({
  status: 500,
  body: { error: 'not scripted', error_code: 'internal', retryable: false },
});

export async function startLoopback(): Promise<Loopback> {
  const counts = { POST: 0, GET: 0 };
  const lb: Loopback = {
    url: '',
    seen: [],
    onPost: notSet,
    onGet: notSet,
    reset() {
      lb.seen.length = 0;
      counts.POST = 0;
      counts.GET = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const seen: Seen = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
      at: Date.now(),
    };
    lb.seen.push(seen);
    const post = req.method === 'POST';
    const n = ++counts[post ? 'POST' : 'GET'];
    const a = await (post ? lb.onPost : lb.onGet)(seen, n);
    if (a.reset) return req.socket.destroy();
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
    res.end(a.body === undefined ? '' : JSON.stringify(a.body));
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  lb.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return lb;
}

export const envelope = (job_id: string, status: string, extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: {
    job_id,
    status,
    result: null,
    error: null,
    error_code: null,
    retryable: null,
    rubric_fingerprint: null,
    ...extra,
  },
});

export const errorAnswer = (
  status: number,
  error_code: string,
  retryable: boolean,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Answer => ({
  status,
  body: { error: `${error_code} (scripted)`, error_code, retryable, ...extra },
  headers,
});
