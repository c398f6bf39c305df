// A model-boss stand-in on 127.0.0.1 speaking its wire format:
//   POST /v1/vision/score { model, image: <base64 JPEG>, labels: 6 strings } → 200 { model, scores }
// It decodes the JPEG (sharp) and scores it by its mean colour, the one convention of the tests:
//   red frame    (r > 150, g < 100, b < 100) → explicit
//   yellow frame (r > 150, g > 150, b < 100) → suggestive
//   anything else                            → safe
// quality+ rises with red, so the explicit frame is the "best" one (the poster rule must skip it).
// To play an outage or a slow GPU it can answer 502 or 503 for a while or for good, stall,
// reset the socket, reject with 400, or add latency; it counts what it receives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';

/**
 * ok: scores. 502 / 503: answers that status (503 with Retry-After: 1). stall: never answers.
 * reset: destroys the socket. reject: 400, as model-boss does for a request it cannot take.
 */
export type BossMode = 'ok' | '502' | '503' | 'stall' | 'reset' | 'reject';

export interface ModelBossStandIn {
  url: string;
  /** Score requests received (every attempt counts, whatever was answered). */
  readonly requests: number;
  /** Requests answered 200 with scores. */
  readonly scored: number;
  /** Most requests handled at the same time. */
  readonly maxConcurrent: number;
  /** The model and labels of each well-formed request, in order. */
  readonly received: { model: string; labels: string[] }[];
  /** The mean colour of each frame scored, in order. */
  readonly seen: { r: number; g: number; b: number }[];
  mode: BossMode;
  /** Milliseconds each scored answer takes. */
  latencyMs: number;
  /** The model id it claims in its answers (default: the one asked for). */
  answerModel: string | null;
  /** Answer this many of the next requests with `status` (default 502), then `mode` applies. */
  failNext(count: number, status?: number, retryAfter?: string): void;
  close(): Promise<void>;
}

/** Six raw scores in rubric order (explicit±, suggestive±, quality±) for a mean colour. */
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

export async function startModelBoss(
  opts: { latencyMs?: number; port?: number } = {},
): Promise<ModelBossStandIn> {
  let requests = 0;
  let scored = 0;
  let active = 0;
  let maxConcurrent = 0;
  const failures: { status: number; retryAfter: string | undefined }[] = [];
  const received: { model: string; labels: string[] }[] = [];
  const seen: { r: number; g: number; b: number }[] = [];
  const sockets = new Set<Socket>();
  const state = {
    mode: 'ok' as BossMode,
    latencyMs: opts.latencyMs ?? 0,
    answerModel: null as string | null,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/vision/score') {
      return send(res, 404, { detail: 'Not Found' });
    }
    requests++;
    active++;
    maxConcurrent = Math.max(maxConcurrent, active);
    res.on('close', () => active--);
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter };
      return send(res, failure.status, { detail: 'model not loaded' }, headers);
    }
    switch (state.mode) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'stall':
        return; // never answers; close() ends it
      case '502':
        return send(res, 502, { detail: 'model not loaded' });
      case '503':
        return send(res, 503, { detail: 'overloaded' }, { 'retry-after': '1' });
      case 'reject':
        return send(res, 400, { detail: 'labels must be a list of strings' });
    }
    let parsed: { model?: unknown; image?: unknown; labels?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { detail: 'body is not JSON' });
    }
    const { model, image, labels } = parsed;
    if (typeof model !== 'string' || typeof image !== 'string' || !Array.isArray(labels)) {
      return send(res, 400, { detail: 'expected { model, image, labels }' });
    }
    if (labels.length !== 6) return send(res, 422, { detail: 'six labels are required' });
    received.push({ model, labels: labels.map(String) });
    let means: number[];
    try {
      means = (await sharp(Buffer.from(image, 'base64')).stats()).channels.map((c) => c.mean);
    } catch {
      return send(res, 502, { detail: 'cannot read image' }); // what model-boss does
    }
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    const [r = 0, g = 0, b = 0] = means;
    seen.push({ r, g, b });
    scored++;
    send(res, 200, { model: state.answerModel ?? model, scores: scoresForColour(r, g, b) });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { detail: String(err) }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get scored() {
      return scored;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    received,
    seen,
    get mode() {
      return state.mode;
    },
    set mode(mode: BossMode) {
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
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
