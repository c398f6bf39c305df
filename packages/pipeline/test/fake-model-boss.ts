// A stand-in for model-boss speaking its wire format over loopback HTTP, for tests and the
// benchmark. It decodes the JPEG it is sent (sharp) and scores it by its mean colour:
//   red-dominant frame    → explicit      (explicit+ high)
//   yellow-dominant frame → suggestive    (suggestive+ high)
//   anything else         → clean
// quality+ rises with red (so the explicit frame is the "best" one: the poster rule must skip
// it). It can be told to answer 502 for a while, stall, reset the
// socket, reject with 400, or add latency.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export type FakeMode = 'healthy' | 'stall' | 'reset' | 'reject' | 'unavailable';

export interface FakeModelBoss {
  url: string;
  /** Requests received (every attempt counts). */
  readonly requests: number;
  /** Most requests handled at the same time. */
  readonly maxConcurrent: number;
  /** The model and labels of each request received, in order. */
  readonly received: { model: string; labels: string[] }[];
  mode: FakeMode;
  /** Answer this many of the next requests with `status` (default 502) before the mode applies. */
  failNext(count: number, status?: number, retryAfter?: string): void;
  /** Milliseconds each healthy answer takes. */
  latencyMs: number;
  /** The model id it claims in its answers (default: the one asked for). */
  answerModel: string | null;
  close(): Promise<void>;
}

export function scoresForColour(r: number, g: number, b: number): number[] {
  const explicit = r > 150 && g < 100 && b < 100;
  const suggestive = r > 150 && g > 150 && b < 100;
  const quality = 0.1 + (0.8 * r) / 255;
  return [
    explicit ? 0.9 : 0.02,
    explicit ? 0.05 : 0.9,
    suggestive ? 0.85 : 0.05,
    suggestive ? 0.1 : 0.8,
    quality,
    1 - quality,
  ];
}

export async function startFakeModelBoss(
  opts: { latencyMs?: number } = {},
): Promise<FakeModelBoss> {
  let requests = 0;
  let active = 0;
  let maxConcurrent = 0;
  const failures: { status: number; retryAfter: string | undefined }[] = [];
  const received: { model: string; labels: string[] }[] = [];
  const stalled = new Set<ServerResponse>();

  const state = {
    mode: 'healthy' as FakeMode,
    latencyMs: opts.latencyMs ?? 0,
    answerModel: null as string | null,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/vision/score') {
      return send(res, 404, { error: 'not found' });
    }
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter };
      return send(res, failure.status, { error: 'model not loaded' }, headers);
    }
    if (state.mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (state.mode === 'stall') {
      stalled.add(res);
      return;
    }
    if (state.mode === 'unavailable')
      return send(res, 503, { error: 'overloaded' }, { 'retry-after': '1' });
    if (state.mode === 'reject')
      return send(res, 400, { error: 'labels must be a list of strings' });
    let parsed: { model?: unknown; image?: unknown; labels?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const { model, image, labels } = parsed;
    if (typeof model !== 'string' || typeof image !== 'string' || !Array.isArray(labels)) {
      return send(res, 400, { error: 'expected { model, image, labels }' });
    }
    received.push({ model, labels: labels.map(String) });
    let means: number[];
    try {
      const stats = await sharp(Buffer.from(image, 'base64')).stats();
      means = stats.channels.map((c) => c.mean);
    } catch {
      return send(res, 502, { error: 'cannot read media' }); // what model-boss does
    }
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    const [r = 0, g = 0, b = 0] = means;
    const scores = scoresForColour(r, g, b).slice(0, labels.length);
    send(res, 200, { model: state.answerModel ?? model, scores });
  }

  const server: Server = createServer((req, res) => {
    requests++;
    active++;
    maxConcurrent = Math.max(maxConcurrent, active);
    res.on('close', () => active--);
    handle(req, res).catch((err) => send(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    received,
    get mode() {
      return state.mode;
    },
    set mode(mode: FakeMode) {
      state.mode = mode;
    },
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    get answerModel() {
      return state.answerModel;
    },
    set answerModel(model: string | null) {
      state.answerModel = model;
    },
    failNext(count, status = 502, retryAfter) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter });
    },
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
