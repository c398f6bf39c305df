/*
 * Proves a consumer outside this workspace can use the published client: `pnpm pack` it and the
 * public packages of ours it depends on (@imajin/wire, @imajin/rubric; each builds first, via
 * prepack), `npm install` the three tarballs into a scratch project in the OS temp dir (zod comes
 * from the npm registry or npm's cache), then plain `node` runs a consumer against a loopback
 * service and `tsc` type-checks one written against the shipped .d.ts (web types only, no
 * @types/node).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUBRIC } from '@imajin/rubric';
import { installPacked, mustRun, type PackedConsumer, typecheckConsumer } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../..', import.meta.url));
let packed: PackedConsumer;
let consumer = '';
const tarballs: Record<string, string> = {};

beforeAll(() => {
  packed = installPacked(
    'imajin-client-pack-',
    Object.fromEntries(['rubric', 'wire', 'client'].map((pkg) => [pkg, join(PACKAGES, pkg)])),
  );
  consumer = packed.consumer;
  Object.assign(tarballs, packed.tarballs);
}, 300_000);

afterAll(() => packed?.remove());

describe('the packed client', { timeout: 60_000 }, () => {
  it('holds built JS and .d.ts, no sources or tests, and names its public dependencies', () => {
    const files = mustRun('tar', ['-tzf', tarballs.client as string])
      .trim()
      .split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'package/package.json',
        'package/README.md',
        'package/dist/index.js',
        'package/dist/index.d.ts',
      ]),
    );
    expect(files.filter((f) => /\.test\.|\.map$|\/src\/|\/test\//.test(f))).toEqual([]);
    const manifest = JSON.parse(
      mustRun('tar', ['-xzOf', tarballs.client as string, 'package/package.json']),
    );
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      '@imajin/rubric',
      '@imajin/wire',
      'zod',
    ]);
    expect(manifest.dependencies['@imajin/wire']).toBe('0.1.0'); // workspace:* was resolved
    expect(manifest.dependencies.zod).toMatch(/^\^?4\./); // and so was catalog:
  });

  it('installs with plain npm and talks to a service from plain node', () => {
    writeFileSync(
      join(consumer, 'check.mjs'),
      `import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { createClient, JobFailedError, ServiceUnavailableError, KNOWN_ERROR_CODES, verifyCallback } from '@imajin/client';
import { RUBRIC } from '@imajin/rubric';
const id = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
let query = '';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 202 : 200, { 'content-type': 'application/json' });
    if (req.method === 'POST') { query = req.url; res.end(JSON.stringify({ job_id: id, status: 'queued' })); return; }
    res.end(JSON.stringify({ job_id: id, status: 'failed', result: null, error: 'no video stream', error_code: 'no_video_stream', retryable: false }));
  });
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const client = createClient({ baseUrl: 'http://127.0.0.1:' + server.address().port });
let failed = null;
try { await client.classify(new Uint8Array([1, 2, 3]), { rubric: 'pin' }); } catch (e) {
  failed = { typed: e instanceof JobFailedError, code: e.error_code, retryable: e.retryable, job: e.job_id };
}
server.close();
let down = null;
try { await createClient({ baseUrl: 'http://127.0.0.1:1' }).submit(new Uint8Array([1])); } catch (e) {
  down = { typed: e instanceof ServiceUnavailableError, retryable: e.retryable };
}
// A callback signed the documented way, by hand: t=<s>,v1=<hex HMAC-SHA256 of "t.body">.
const body = JSON.stringify({ job_id: id, status: 'done' });
const t = Math.floor(Date.now() / 1000);
const header = 't=' + t + ',v1=' + createHmac('sha256', 'whsec').update(t + '.' + body).digest('hex');
const callback = { good: verifyCallback(body, header, ['other', 'whsec']), wrong: verifyCallback(body, header, 'nope') };
console.log(JSON.stringify({ failed, down, pinned: query.includes(RUBRIC.fingerprint), codes: KNOWN_ERROR_CODES.length > 10, callback }));
`,
    );
    const out = JSON.parse(mustRun('node', ['check.mjs'], { cwd: consumer }));
    expect(out).toEqual({
      failed: {
        typed: true,
        code: 'no_video_stream',
        retryable: false,
        job: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      },
      down: { typed: true, retryable: true },
      pinned: true,
      codes: true,
      callback: { good: true, wrong: false },
    });
    // The consumer's @imajin/rubric is the one the client pins with: ours.
    expect(
      mustRun('node', ['-p', "require('@imajin/rubric/rubric.json').fingerprint"], {
        cwd: consumer,
      }).trim(),
    ).toBe(RUBRIC.fingerprint);
  });

  it('type-checks a TypeScript consumer against the shipped .d.ts', () => {
    writeFileSync(
      join(consumer, 'ingest.ts'),
      `import { createClient, JobFailedError, ServiceUnavailableError, RubricMismatchError, verifyCallback, type ClassifyResult, type Explicitness } from '@imajin/client';
const client = createClient({ baseUrl: 'http://classify.internal:8080', token: 't' });
export async function ingest(video: Blob, signal: AbortSignal): Promise<'sfw' | 'suggestive' | 'explicit' | 'skip' | 'later'> {
  try {
    const result: ClassifyResult = await client.classify(video, { rubric: 'pin', signal, keyframes: null });
    const level: Explicitness = result.explicitness;
    const poster: string = result.poster_b64;
    return poster ? level : 'skip';
  } catch (err) {
    if (err instanceof JobFailedError) return err.retryable ? 'later' : 'skip';
    if (err instanceof ServiceUnavailableError || err instanceof RubricMismatchError) return 'later';
    throw err;
  }
}
export const genuine = (raw: string, header: string | undefined): boolean =>
  header !== undefined && verifyCallback(raw, header, ['new', 'old'], { toleranceSec: 300 });
// @ts-expect-error keyframes is a number or null
client.submit(new Uint8Array(1), { keyframes: 'many' });
// @ts-expect-error an unknown scorers value
client.submit(new Uint8Array(1), { scorers: ['vibes'] });
`,
    );
    const r = typecheckConsumer(consumer, 'ingest.ts', ['ES2022', 'DOM']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
