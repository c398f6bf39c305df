// A webhook receiver on 127.0.0.1:0, like the ingester's: records every request (raw body and
// headers) and answers each path by script: a list of statuses used in turn (the last one
// repeats), 'silent' (never answers) or 'redirect' (302 to /redirected).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as a receiver must verify it. */
  body: string;
}

export type Answer = number | 'silent' | 'redirect';

export interface CallbackReceiver {
  port: number;
  url(path: string): string;
  received: Received[];
  on(path: string): Received[];
  script(path: string, answers: Answer[]): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<CallbackReceiver> {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answers = scripts.get(path) ?? [200];
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) as Answer;
      if (answer === 'silent') return;
      if (answer === 'redirect') return res.writeHead(302, { location: '/redirected' }).end();
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(`answered ${answer}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    script: (path, answers) => scripts.set(path, [...answers]),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
