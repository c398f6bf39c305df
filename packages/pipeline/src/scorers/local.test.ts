import { fileURLToPath } from 'node:url';
import { grabFrames } from '@imajin/decoder-native';
import { scoreFrame } from '@imajin/rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyVideo } from '../classify/classify.js';
import { ClassifyResultSchema } from '../result.js';
import { createLocalScorer, LOCAL_MODEL_ID, localRawScores } from './local.js';

/** The repo's bundled sample: testsrc2 (0–2 s), a mandelbrot zoom (2–4 s), soft gradients (4–6 s). */
const SAMPLE = fileURLToPath(new URL('../../../../samples/sample.mp4', import.meta.url));

describe('localRawScores', () => {
  it('maps Porn+Hentai, Sexy and quality to (p, 1 − p) pairs', () => {
    const raw = localRawScores(
      { Porn: 0.5, Hentai: 0.3, Sexy: 0.1, Neutral: 0.05, Drawing: 0.05 },
      0.7,
    );
    expect(raw.map((x) => Number(x.toFixed(6)))).toEqual([0.8, 0.2, 0.1, 0.9, 0.7, 0.3]);
  });

  it('clamps what a model could overshoot', () => {
    expect(localRawScores({ Porn: 0.7, Hentai: 0.7 }, Number.NaN)).toEqual([1, 0, 0, 1, 0, 1]);
  });
});

describe('local scorer on real frames', () => {
  const scorer = createLocalScorer();
  afterAll(async () => {
    await scorer.close();
  });

  it('returns sane, in-range scores for decoded frames', async () => {
    expect(scorer.name).toBe(`local:${LOCAL_MODEL_ID}`);
    const frames = await grabFrames(SAMPLE, [1, 3, 5]);
    const raws = await Promise.all(
      frames.map((rgb) => scorer.score({ jpeg: Buffer.alloc(0), rgb })),
    );
    for (const raw of raws) {
      expect(raw).toHaveLength(6);
      for (const x of raw) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      for (const pair of [0, 2, 4])
        expect((raw[pair] ?? 0) + (raw[pair + 1] ?? 0)).toBeCloseTo(1, 6);
      // Test patterns are not explicit, whatever the calibration.
      expect(scoreFrame(raw).explicitness).not.toBe('explicit');
    }
    // The crisp test pattern rates above the soft gradients.
    expect(raws[0]?.[4]).toBeGreaterThan(raws[2]?.[4] ?? 1);
  }, 120_000);

  it('classifies the bundled sample end to end and names itself', async () => {
    const result = await classifyVideo(SAMPLE, { scorer });
    expect(ClassifyResultSchema.parse(result)).toEqual(result);
    expect(result.scorer).toBe('local:nsfwjs-mobilenet_v2');
    expect(result.is_explicit).toBe(false);
    expect(result.scene_count).toBe(3);
  }, 120_000);
});
