import path from 'node:path';
import { DecodeError } from '@imajin/decoder-native';
import { labels, RUBRIC } from '@imajin/rubric';
import {
  freePort,
  type ModelBossStandIn,
  makeClip,
  scratchDir,
  startModelBoss,
  truncatedCopy,
} from '@imajin/test-kit';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorInfo } from '../error-info.js';
import { ScorerRejectedError, ScorerUnavailableError } from '../errors.js';
import { ClassifyResultSchema } from '../result.js';
import { createScorer } from '../scorers/create.js';
import { classifyVideo, type Progress } from './classify.js';

const quiet = { warn: () => {}, error: () => {} };
// Seeded: the gradients source is random otherwise, and a dark draw made the red frame's
// "quality" no better than the mandelbrot's.
const RED = 'gradients=c0=0xff2020:c1=0xd00000:nb_colors=2:speed=0.05:seed=1';
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let redScene: string;
let clean: string;
let still: string;
let longShot: string;

beforeAll(async () => {
  scratch = await scratchDir('imajin-pipeline');
  [redScene, clean, still, longShot] = await Promise.all([
    // Solid colours would not do: a change of brightness alone is not a cut, so the shots
    // need structure. The middle one is a red gradient, which the fake model-boss calls explicit.
    makeClip(path.join(scratch.dir, 'red-scene.mp4'), [
      { source: 'testsrc2', seconds: 3 },
      { source: RED, seconds: 1 },
      { source: 'mandelbrot', seconds: 3 },
    ]),
    makeClip(path.join(scratch.dir, 'clean.mp4'), [
      { source: 'testsrc2', seconds: 3 },
      { source: 'mandelbrot', seconds: 3 },
    ]),
    makeClip(path.join(scratch.dir, 'still.mp4'), [{ source: 'color=c=gray', seconds: 12 }]),
    makeClip(path.join(scratch.dir, 'long-shot.mp4'), [{ source: 'testsrc2', seconds: 20 }]),
  ]);
}, 60_000);

afterAll(async () => {
  await scratch.remove();
});

describe('classifyVideo with a model-boss', () => {
  let boss: ModelBossStandIn;
  const scorer = (extra: { retries?: number } = {}) =>
    createScorer({ kind: 'model-boss', url: boss.url, retryBaseMs: 5, logger: quiet, ...extra });

  beforeEach(async () => {
    boss = await startModelBoss();
  });
  afterEach(async () => {
    await boss.close();
  });

  it('finds the short explicit scene between clean ones, and bounds it', async () => {
    const result = await classifyVideo(redScene, { scorer: scorer(), scorers: ['moderation'] });
    expect(ClassifyResultSchema.parse(result)).toEqual(result);
    expect(result.is_explicit).toBe(true);
    expect(result.explicitness).toBe('explicit');
    expect(result.scene_count).toBe(3);
    expect(result.frames.map((f) => f.explicitness)).toEqual(['sfw', 'explicit', 'sfw']);
    expect(result.explicit_segments).toHaveLength(1);
    const [segment] = result.explicit_segments;
    expect(segment?.start).toBeCloseTo(3, 0);
    expect(segment?.end).toBeCloseTo(4, 0);
    expect((segment?.end ?? 0) - (segment?.start ?? 0)).toBeLessThan(1.5);
    expect(result.scorer).toBe(`model-boss:${RUBRIC.model}`);
    expect(result.scorers).toEqual(['moderation']);
    expect(result.rubric_fingerprint).toBe(RUBRIC.fingerprint);
    expect(boss.received[0]).toEqual({ model: RUBRIC.model, labels: labels() });
  });

  it('never takes the explicit frame, the "best" one, as the poster', async () => {
    const result = await classifyVideo(redScene, { scorer: scorer() });
    const poster = result.frames[result.poster_frame_index];
    expect(poster?.explicitness).toBe('sfw');
    // The fake rates quality by redness: the red frame is the best, the mandelbrot frame the
    // best of the clean ones.
    expect(result.frames[1]?.quality).toBeGreaterThan(poster?.quality ?? 1);
    expect(poster?.scene).toBe(2);
    const image = sharp(Buffer.from(result.poster_b64, 'base64'));
    const [meta, stats] = await Promise.all([image.metadata(), image.stats()]);
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(640);
    const [, g = 0, b = 0] = stats.channels.map((c) => c.mean);
    expect(Math.min(g, b)).toBeGreaterThan(100); // not the red frame, whose green and blue are ~13
  });

  it('calls the same video without the red scene clean', async () => {
    const result = await classifyVideo(clean, { scorer: scorer() });
    expect(result.is_explicit).toBe(false);
    expect(result.explicitness).toBe('sfw');
    expect(result.explicit_segments).toEqual([]);
    // Two scenes give two candidates; the band's minimum of 3 adds one more.
    expect(result.sampling).toMatchObject({
      policy: 'scene-aware',
      candidates: 2,
      deduplicated: 0,
    });
    expect(result.frame_count).toBe(3);
  });

  it('waits out a run of 502s and still gives the verdict', async () => {
    boss.failNext(5, 502);
    const result = await classifyVideo(redScene, { scorer: scorer() });
    expect(result.is_explicit).toBe(true);
    expect(boss.requests).toBe(5 + result.frame_count);
  });

  it('gives no verdict when model-boss is down: ScorerUnavailableError, retryable', async () => {
    const port = await freePort();
    const down = createScorer({
      kind: 'model-boss',
      url: `http://127.0.0.1:${port}`,
      retries: 1,
      retryBaseMs: 5,
    });
    const err = await classifyVideo(redScene, { scorer: down }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect(errorInfo(err)).toMatchObject({ error_code: 'scorer_unavailable', retryable: true });
  });

  it('gives no verdict when a single frame cannot be scored', async () => {
    boss.mode = '503';
    const err = await classifyVideo(redScene, { scorer: scorer({ retries: 1 }) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScorerUnavailableError);
  });

  it('stops at a 400 without retrying: ScorerRejectedError, not retryable', async () => {
    boss.mode = 'reject';
    const err = await classifyVideo(redScene, { scorer: scorer() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerRejectedError);
    expect(errorInfo(err)).toMatchObject({ error_code: 'scorer_rejected', retryable: false });
    // At most the two calls in flight when the first 400 came back; none retried.
    expect(boss.requests).toBeLessThanOrEqual(2);
  });

  it('fails a truncated video with DecodeError TRUNCATED and never scores it', async () => {
    const cut = await truncatedCopy(redScene, 0.6);
    const err = await classifyVideo(cut, { scorer: scorer() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).code).toBe('TRUNCATED');
    expect(errorInfo(err)).toMatchObject({ error_code: 'truncated', retryable: false });
    expect(boss.requests).toBe(0);
  });

  it('takes a forced N as asked, evenly spaced and not deduplicated', async () => {
    const result = await classifyVideo(still, { scorer: scorer(), keyframes: 6 });
    expect(result.sampling).toMatchObject({ policy: 'forced', candidates: 6, deduplicated: 0 });
    expect(result.frames.map((f) => f.t)).toEqual(
      [1, 3, 5, 7, 9, 11].map((t) => expect.closeTo(t, 1)),
    );
  });

  it('drops near-duplicate frames of a still video, down to the band minimum', async () => {
    const result = await classifyVideo(still, { scorer: scorer(), band: { min: 1, max: 16 } });
    expect(result.sampling).toMatchObject({ candidates: 3, deduplicated: 2 });
    expect(result.frame_count).toBe(1);
    expect(boss.requests).toBe(1);
  });

  it('samples a long single shot with no stretch above maxGap', async () => {
    const result = await classifyVideo(longShot, { scorer: scorer() });
    expect(result.scene_count).toBe(1);
    expect(result.frame_count).toBe(5);
    expect(result.sampling.max_unsampled_gap_sec).toBeLessThanOrEqual(4.05);
  });

  it('reports its stages in order', async () => {
    const seen: Progress[] = [];
    await classifyVideo(redScene, { scorer: scorer() }, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.stage)).toEqual([
      'decode',
      'sample',
      'score',
      'score',
      'score',
      'score',
      'done',
    ]);
    expect(seen.filter((p) => p.stage === 'score').at(-1)).toEqual({
      stage: 'score',
      done: 3,
      total: 3,
    });
  });

  it('stops when aborted', async () => {
    boss.mode = 'stall';
    const controller = new AbortController();
    const pending = classifyVideo(redScene, { scorer: scorer() }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
  });
});
