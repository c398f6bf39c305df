// Memory benchmark (not a test, not in CI; loopback only): 4 concurrent JSON POSTs of 200 MB
// of base64 each (150 MB videos) to the default server process as `pnpm server` starts it —
// API and in-process worker together, default limits — and the peak RSS of that process.
// Target: peak ≤ 1.5 GB, no crash, at least one POST accepted (202); the others may be told
// 503 + Retry-After. Each video is a real 2 s clip padded to 150 MB with an MP4 `free` box
// (which libav skips), so the upload path and the worker carry the full bytes while decoding
// stays quick. The client streams each body with its Content-Length, holding no 200 MB string.
//
//   pnpm --filter @imajin/server bench:memory [-- --posts 4 --mb 200]

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, makeClip, ownRedis, scriptArgs, startModelBoss } from '@imajin/test-kit';
import { poll } from '../test/client.js';
import { startServer } from '../test/server-process.js';
import { rssOf } from './rss.js';

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: { posts: { type: 'string', default: '4' }, mb: { type: 'string', default: '200' } },
});
const POSTS = Number(args.posts);
const BASE64_BYTES = Number(args.mb) * 1_000_000;
const VIDEO_BYTES = Math.floor(BASE64_BYTES / 4) * 3 - 64;
const MiB = 2 ** 20;
const mb = (n: number) => `${Math.round(n / MiB)} MiB`;

/** A 2 s clip followed by a `free` box that pads it to `size` bytes (distinct per `tag`). */
function padded(clip: Buffer, size: number, tag: string): Buffer {
  const out = Buffer.alloc(size, 0);
  clip.copy(out, 0);
  const box = size - clip.length;
  out.writeUInt32BE(box, clip.length);
  out.write('free', clip.length + 4, 'latin1');
  out.write(tag, clip.length + 8, 'latin1');
  return out;
}

/** POSTs `{"video_base64": …}` streamed in 3 MiB slices with its exact Content-Length. */
function postBase64(base: string, video: Buffer): Promise<{ status: number; body: string }> {
  const head = Buffer.from('{"video_base64":"');
  const tail = Buffer.from('"}');
  const length = head.length + Math.ceil(video.length / 3) * 4 + tail.length;
  const url = new URL('/classify-video', base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    const slice = 3 * MiB; // a multiple of 3: each slice encodes without padding
    let off = 0;
    const pump = () => {
      if (off === 0) req.write(head);
      while (off < video.length) {
        const part = video.subarray(off, off + slice);
        off += part.length;
        if (!req.write(part.toString('base64'))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

async function main() {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'imajin-video');
  const clip = await readFile(
    await makeClip(
      join(cache, 'memory-clips', 'two-shots.mp4'),
      [
        { source: 'testsrc2', seconds: 1 },
        { colour: 'red', seconds: 1 },
      ],
      { reuse: true },
    ),
  );
  const dir = await mkdtemp(join(tmpdir(), 'imajin-memory-'));
  const redis = ownRedis(await freePort(), dir);
  await redis.start();
  const boss = await startModelBoss({ latencyMs: 20 });
  console.log(
    `${POSTS} concurrent POSTs of ${mb(BASE64_BYTES)} base64 (${mb(VIDEO_BYTES)} videos) to one default server process (API + in-process worker, default limits)`,
  );
  const server = await startServer({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `memory-${process.pid}`,
    SCORER: 'model-boss',
    MODEL_BOSS_URL: boss.url,
    LOG_LEVEL: 'info', // startServer waits for the 'listening' line
  });
  const pid = server.child.pid;
  let peak = rssOf(pid);
  const baseline = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 20);
  try {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: POSTS }, (_, i) =>
        postBase64(server.url, padded(clip, VIDEO_BYTES, `memory ${process.pid} ${i}`)).catch(
          (err: Error) => ({ status: 0, body: err.message }),
        ),
      ),
    );
    const uploadSec = (performance.now() - started) / 1000;
    const accepted = answers.filter((a) => a.status === 202);
    const finals = await Promise.all(
      accepted.map((a) =>
        poll(server.url, (JSON.parse(a.body) as { job_id: string }).job_id, 300_000),
      ),
    );
    clearInterval(timer);
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    console.log(
      `answers: ${answers.map((a) => a.status).join(', ')} (uploads took ${uploadSec.toFixed(1)} s)`,
    );
    for (const a of answers.filter((x) => x.status !== 202))
      console.log(`  ${a.status}: ${a.body.slice(0, 160)}`);
    console.log(
      `jobs: ${finals.map((f) => `${f.status}${f.error_code ? ` (${f.error_code})` : ''}`).join(', ')}`,
    );
    console.log(
      `server RSS: baseline ${mb(baseline)}, peak ${mb(peak)} (${(peak / 2 ** 30).toFixed(2)} GiB); peak above baseline per accepted upload ${mb((peak - baseline) / Math.max(1, accepted.length))} = ${((peak - baseline) / Math.max(1, accepted.length) / VIDEO_BYTES).toFixed(2)}× its decoded video`,
    );
    const met = peak <= 1.5 * 2 ** 30 && alive && accepted.length >= 1;
    console.log(
      `target (peak ≤ 1.5 GiB, no crash, ≥ 1 accepted): ${met ? 'MET' : 'NOT MET'}${alive ? '' : ' — the server died'}`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    clearInterval(timer);
    await server.stop('SIGTERM');
    await boss.close();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
