// A loopback model-boss for tests, speaking model-boss's wire format:
//   POST /v1/vision/score { model, image: <base64 JPEG>, labels } → 200 { model, scores }
// Its "model" reads the frame's mean colour: red frames look explicit, yellow ones suggestive,
// everything else sfw; brighter frames score higher quality. It counts the calls it answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface TestModelBoss {
  url: string;
  /** Calls answered with scores. */
  calls(): number;
  /** Mean colours of the frames scored, in arrival order. */
  seen(): { r: number; g: number; b: number }[];
  close(): Promise<void>;
}

export function colourScores(r: number, g: number, b: number): number[] {
  const red = r > 110 && g < 80 && b < 80;
  const yellow = r > 110 && g > 110 && b < 80;
  const light = (r + g + b) / (3 * 255);
  return [
    red ? 0.95 : 0.05,
    red ? 0.05 : 0.95,
    yellow ? 0.95 : 0.05,
    yellow ? 0.05 : 0.95,
    light,
    1 - light,
  ];
}

export async function startModelBoss(opts: { delayMs?: number } = {}): Promise<TestModelBoss> {
  let calls = 0;
  const seen: { r: number; g: number; b: number }[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/vision/score')
      return reply(404, { error: 'not found' });
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        model: string;
        image: string;
        labels: string[];
      };
      if (!Array.isArray(body.labels) || body.labels.length !== 6)
        return reply(400, { error: 'want 6 labels' });
      const stats = await sharp(Buffer.from(body.image, 'base64')).stats();
      const [r, g, b] = stats.channels.map((c) => c.mean) as [number, number, number];
      if (opts.delayMs) await new Promise((ok) => setTimeout(ok, opts.delayMs));
      calls++;
      seen.push({ r, g, b });
      reply(200, { model: body.model, scores: colourScores(r, g, b) });
    } catch (err) {
      reply(400, { error: String(err) });
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    seen: () => seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
