import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassifyResultSchema } from '@imajin/pipeline';
import { garbageFile, type ModelBossStandIn, makeClip, startModelBoss } from '@imajin/test-kit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

const TRACE = new URL('../testing/trace-loads.mjs', import.meta.url).pathname;
const SAMPLE = new URL('../../../../samples/sample.mp4', import.meta.url).pathname;
let dir: string;
let flagged: string;
let calm: string;
let mb: ModelBossStandIn;
const viaModelBoss = () => ['--scorer', 'model-boss', '--model-boss-url', mb.url];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-classify-'));
  mb = await startModelBoss();
  flagged = await makeClip(join(dir, 'flagged.mp4'), [
    { seconds: 1.2, colour: '#2040c0' },
    { seconds: 1.2, colour: '#d01010' }, // the test model-boss reads red as explicit
    { seconds: 1.2, source: 'testsrc2' },
  ]);
  calm = await makeClip(join(dir, 'calm.mp4'), [
    { seconds: 1.5, source: 'smptebars' },
    { seconds: 1.5, colour: '#2040c0' },
  ]);
  await garbageFile(join(dir, 'garbage.mp4'));
}, 60_000);
afterAll(async () => {
  await mb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('imajin-video classify', () => {
  it('--json prints one result object that matches the pipeline schema; one explicit frame flags the video', async () => {
    const before = mb.scored;
    const poster = join(dir, 'poster.jpg');
    const r = await runCli(['classify', flagged, '--json', '--poster', poster, ...viaModelBoss()]);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const result = ClassifyResultSchema.parse(JSON.parse(r.stdout));
    expect(result.explicitness).toBe('explicit');
    expect(result.is_explicit).toBe(true);
    expect(result.scorer).toMatch(/^model-boss:/);
    expect(result.frame_count).toBe(result.frames.length);
    expect(mb.scored - before).toBe(result.frame_count);
    const explicitFrames = result.frames.filter((f) => f.explicitness === 'explicit');
    expect(explicitFrames.length).toBeGreaterThan(0);
    for (const f of explicitFrames) {
      expect(f.t).toBeGreaterThan(1.1);
      expect(f.t).toBeLessThan(2.5);
    }
    // the poster is never the explicit frame, and --poster wrote it as a JPEG
    expect(result.frames[result.poster_frame_index]?.explicitness).not.toBe('explicit');
    const meta = await sharp(poster).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBeGreaterThan(0);
  });

  it('prints a human verdict and frame table by default', async () => {
    const r = await runCli(['classify', calm, ...viaModelBoss()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calm\.mp4: SFW/);
    expect(r.stdout).toMatch(/explicitness\s+nsfw\s+suggestive\s+quality/);
    expect(r.stdout).toContain('← poster');
    expect(r.stdout).toMatch(/scorer model-boss:/);
  });

  it('several inputs give JSONL, one line each; a corrupt file is reported and the exit code is 1', async () => {
    const garbage = join(dir, 'garbage.mp4');
    const r = await runCli(['classify', calm, garbage, flagged, '--json', ...viaModelBoss()]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            path: string;
            result?: unknown;
            error?: { error_code: string; retryable: boolean };
          },
      );
    expect(lines.map((l) => l.path)).toEqual([calm, garbage, flagged]);
    expect(ClassifyResultSchema.parse(lines[0]?.result).explicitness).toBe('sfw');
    expect(lines[1]?.error?.retryable).toBe(false);
    expect(lines[1]?.error?.error_code).toMatch(/^[a-z_]+$/);
    expect(ClassifyResultSchema.parse(lines[2]?.result).explicitness).toBe('explicit');
    expect(r.stderr).toContain(`${garbage}: failed: ${lines[1]?.error?.error_code}`);
  });

  it('--keyframes N scores N evenly spaced frames, clamped to --band', async () => {
    const r = await runCli(['classify', calm, '--json', '--keyframes', '5', ...viaModelBoss()]);
    expect(r.code).toBe(0);
    const result = ClassifyResultSchema.parse(JSON.parse(r.stdout));
    expect(result.frame_count).toBe(5);
    expect(result.sampling.policy).toBe('forced');
    const clamped = await runCli([
      'classify',
      calm,
      '--json',
      '--keyframes',
      '9',
      '--band',
      '2:4',
      ...viaModelBoss(),
    ]);
    const narrow = ClassifyResultSchema.parse(JSON.parse(clamped.stdout));
    expect(narrow.frame_count).toBe(4);
    expect(narrow.sampling.band).toEqual({ min: 2, max: 4 });
  });

  it('with model-boss down the failure is retryable (scorer_unavailable)', async () => {
    const r = await runCli([
      'classify',
      calm,
      '--json',
      '--scorer',
      'model-boss',
      '--model-boss-url',
      'http://127.0.0.1:1',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error_code: 'scorer_unavailable',
      retryable: true,
    });
  }, 60_000);

  it('classifies the bundled sample with the embedded local scorer (the demo)', async () => {
    // Traced, so this also shows the load tracer sees the model load that scenes/estimate avoid.
    const trace = join(dir, 'classify-trace.txt');
    const r = await runCli(['classify', SAMPLE], {
      nodeArgs: ['--import', TRACE],
      env: { IMAJIN_TRACE_LOADS: trace },
    });
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sample\.mp4: (SFW|SUGGESTIVE|EXPLICIT)/);
    expect(r.stdout).toMatch(/scorer local:\S+ \(embedded model/);
    expect(await readFile(trace, 'utf8')).toMatch(/@tensorflow|nsfwjs/);
  }, 180_000);
});
