// One attempt against loopback receivers: what is sent, and each way an attempt can end.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowList } from './allow-list.js';
import { type DeliverOptions, deliver, MAX_RESPONSE_BYTES } from './deliver.js';

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let port: number;
const seen: Seen[] = [];
const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => res.writeHead(204).end(),
  '/redirect': (res) => res.writeHead(302, { location: '/ok' }).end(),
  '/error': (res) => res.writeHead(500).end('receiver broke'),
  '/silent': () => undefined, // never answers
  '/endless': (res) => {
    res.writeHead(500);
    res.write(Buffer.alloc(3 * MAX_RESPONSE_BYTES, 'x')); // then never ends
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      routes[req.url ?? '']?.(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = (allow: string, extra: Partial<DeliverOptions> = {}): DeliverOptions => ({
  allowList: new AllowList(allow),
  connectTimeoutMs: 2000,
  totalTimeoutMs: 3000,
  ...extra,
});
const hits = (path: string) => seen.filter((s) => s.path === path).length;

describe('deliver', () => {
  it('POSTs the body and headers; a 2xx is delivered', async () => {
    const a = await deliver(
      new URL(`http://127.0.0.1:${port}/ok`),
      '{"a":1}',
      { 'Imajin-Delivery': 'j:done' },
      opts(`127.0.0.1:${port}`),
    );
    expect(a).toEqual({ outcome: 'delivered', status: 204 });
    const got = seen.find((s) => s.path === '/ok');
    expect(got?.body).toBe('{"a":1}');
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers['imajin-delivery']).toBe('j:done');
  });

  it('does not follow a redirect: a 3xx fails and the target is never called', async () => {
    const before = hits('/ok');
    const a = await deliver(
      new URL(`http://127.0.0.1:${port}/redirect`),
      '{}',
      {},
      opts(`127.0.0.1:${port}`),
    );
    expect(a).toMatchObject({ outcome: 'failed', status: 302 });
    expect(a.outcome === 'failed' && a.error).toMatch(/redirects are not followed.*Location: \/ok/);
    expect(hits('/ok')).toBe(before);
  });

  it('a 5xx fails with the start of the body as the reason', async () => {
    const a = await deliver(
      new URL(`http://127.0.0.1:${port}/error`),
      '{}',
      {},
      opts(`127.0.0.1:${port}`),
    );
    expect(a).toEqual({ outcome: 'failed', status: 500, error: 'HTTP 500: receiver broke' });
  });

  it('reads a few KB of an endless response, then stops (no timeout needed)', async () => {
    const a = await deliver(
      new URL(`http://127.0.0.1:${port}/endless`),
      '{}',
      {},
      opts(`127.0.0.1:${port}`, { totalTimeoutMs: 60_000 }),
    );
    expect(a).toMatchObject({ outcome: 'failed', status: 500 });
    expect(a.outcome === 'failed' && a.error).toMatch(/^HTTP 500: x{100}/);
  });

  it('gives up on a receiver that never answers after the total timeout', async () => {
    const a = await deliver(
      new URL(`http://127.0.0.1:${port}/silent`),
      '{}',
      {},
      opts(`127.0.0.1:${port}`, { totalTimeoutMs: 300 }),
    );
    expect(a).toEqual({ outcome: 'failed', status: null, error: 'no answer within 300 ms' });
  });

  it('times out a connection that is never made', async () => {
    const a = await deliver(
      new URL(`http://hooks.test:${port}/ok`),
      '{}',
      {},
      opts(`hooks.test:${port}`, { connectTimeoutMs: 200, resolve: () => new Promise(() => {}) }),
    );
    expect(a).toEqual({
      outcome: 'failed',
      status: null,
      error: 'could not connect within 200 ms',
    });
  });

  it('refuses a listed name that resolves to an unlisted private address, sending nothing', async () => {
    const before = seen.length;
    const a = await deliver(
      new URL(`http://localhost:${port}/ok`),
      '{}',
      {},
      opts(`localhost:${port}`),
    );
    expect(a).toMatchObject({ outcome: 'refused' });
    expect(a.outcome === 'refused' && a.error).toMatch(
      /localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/,
    );
    expect(seen.length).toBe(before);
  });

  it('connects by name when every address it resolves to is allowed', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const allow = `hooks.test:${port},127.0.0.1:${port}`;
    const a = await deliver(
      new URL(`http://hooks.test:${port}/ok`),
      '{}',
      {},
      opts(allow, { resolve }),
    );
    expect(a).toEqual({ outcome: 'delivered', status: 204 });
  });

  it('refuses a name whose addresses mix public and unlisted private (rebinding)', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ];
    const a = await deliver(
      new URL('http://hooks.test/ok'),
      '{}',
      {},
      opts('hooks.test', { resolve }),
    );
    expect(a).toMatchObject({ outcome: 'refused' });
    expect(a.outcome === 'refused' && a.error).toMatch(/169\.254\.169\.254 \(link-local\)/);
  });

  it('refuses a host no longer on the list (the list is checked again at delivery)', async () => {
    const a = await deliver(new URL(`http://127.0.0.1:${port}/ok`), '{}', {}, opts('other.test'));
    expect(a).toMatchObject({ outcome: 'refused' });
  });
});
