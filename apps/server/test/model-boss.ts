// A model-boss stand-in on 127.0.0.1:0 speaking model-boss's wire format:
// POST /v1/vision/score {model, image: base64 JPEG, labels: 6 strings} → {model, scores}.
// It scores what the JPEG shows (sharp decodes it): red frames explicit, blue frames
// suggestive, everything else safe; quality from the frame's contrast. It can answer 502,
// stall, reset the connection, or add a fixed latency, to play an outage or a slow GPU.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export type BossMode = 'ok' | '502' | 'stall' | 'reset';

export interface TestModelBoss {
  url: string;
  /** Score requests received (whatever was answered). */
  calls: number;
  /** Requests answered 200. */
  scored: number;
  mode: BossMode;
  latencyMs: number;
  /** Answer the next n requests with 502, then go back to `mode`. */
  failNext(n: number): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Six raw sigmoid-like scores in rubric order from a frame's mean colour and contrast. */
export async function scoreJpeg(jpeg: Buffer): Promise<number[]> {
  const { channels } = await sharp(jpeg).stats();
  const [r, g, b] = channels.map((c) => c.mean / 255) as [number, number, number];
  const contrast = Math.min(1, (channels[0]?.stdev ?? 0) / 64);
  const red = Math.max(0, r - Math.max(g, b));
  const blue = Math.max(0, b - Math.max(r, g));
  const clamp = (x: number) => Math.min(0.99, Math.max(0.01, x));
  return [
    clamp(red),
    clamp(1 - red),
    clamp(blue),
    clamp(1 - blue),
    clamp(0.3 + contrast * 0.6),
    clamp(0.7 - contrast * 0.6),
  ];
}

export async function startModelBoss(
  opts: { latencyMs?: number; port?: number } = {},
): Promise<TestModelBoss> {
  let failures = 0;
  const sockets = new Set<import('node:net').Socket>();
  const boss: TestModelBoss = {
    url: '',
    calls: 0,
    scored: 0,
    mode: 'ok',
    latencyMs: opts.latencyMs ?? 0,
    failNext(n) {
      failures = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/vision/score') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      return;
    }
    boss.calls++;
    const failing = failures > 0;
    if (failing) failures--;
    const mode = failing ? '502' : boss.mode;
    if (mode === 'reset') return req.socket.destroy();
    if (mode === 'stall') return; // never answers
    let body: { model?: unknown; image?: unknown; labels?: unknown };
    try {
      body = (await readJson(req)) as typeof body;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"detail":"bad json"}');
      return;
    }
    if (boss.latencyMs) await new Promise((r) => setTimeout(r, boss.latencyMs));
    if (mode === '502') {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end('{"detail":"model not loaded"}');
      return;
    }
    const labels = body.labels;
    if (
      typeof body.model !== 'string' ||
      typeof body.image !== 'string' ||
      !Array.isArray(labels) ||
      labels.length !== 6
    ) {
      res
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"detail":"model, image and 6 labels are required"}');
      return;
    }
    try {
      const scores = await scoreJpeg(Buffer.from(body.image, 'base64'));
      boss.scored++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ model: body.model, scores }));
    } catch {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end('{"detail":"cannot read image"}');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  boss.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return boss;
}
