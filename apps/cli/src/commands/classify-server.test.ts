import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassifyResultSchema, createScorer, type Scorer } from '@imajin/pipeline';
import { garbageFile, type ModelBossStandIn, makeClip, startModelBoss } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobServer, type TestJobServer } from '../testing/job-server.js';
import { runCli } from '../testing/run-cli.js';

let dir: string;
let clip: string;
let mb: ModelBossStandIn;
let scorer: Scorer;
let server: TestJobServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-server-'));
  mb = await startModelBoss();
  scorer = createScorer({ kind: 'model-boss', url: mb.url });
  server = await startJobServer({ scorer, token: 't0ken', busyFirst: 1 });
  clip = await makeClip(join(dir, 'clip.mp4'), [
    { seconds: 1.2, colour: '#d01010' },
    { seconds: 1.2, source: 'testsrc2' },
  ]);
  await garbageFile(join(dir, 'garbage.mp4'));
}, 60_000);
afterAll(async () => {
  await server.close();
  await scorer.close();
  await mb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('imajin-video classify --server', () => {
  it('uploads, waits out a 503 after its Retry-After, polls, and prints the server result', async () => {
    const r = await runCli([
      'classify',
      clip,
      '--json',
      '--server',
      server.url,
      '--token',
      't0ken',
    ]);
    expect(r.code).toBe(0);
    expect(server.posts()).toBe(2);
    const result = ClassifyResultSchema.parse(JSON.parse(r.stdout));
    expect(result.explicitness).toBe('explicit');
    expect(result.frame_count).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('reports a failed job with its code (exit 1) and a refused token', async () => {
    const r = await runCli(
      ['classify', join(dir, 'garbage.mp4'), '--json', '--server', server.url],
      {
        env: { IMAJIN_TOKEN: 't0ken' },
      },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ retryable: false });
    const refused = await runCli(['classify', clip, '--server', server.url, '--token', 'wrong']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unauthorized');
  }, 60_000);

  it('backfill --server writes the same JSONL lines', async () => {
    const out = join(dir, 'out.jsonl');
    const r = await runCli([
      'backfill',
      clip,
      '--out',
      out,
      '--server',
      server.url,
      '--token',
      't0ken',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 classified \(explicit 1, suggestive 0, sfw 0\)/);
  }, 60_000);
});
