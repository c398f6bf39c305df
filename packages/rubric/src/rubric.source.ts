/*
 * THE RUBRIC — the one hand-written source. Edit here, bump `version`, then run
 * `pnpm --filter @imajin/rubric generate` and commit the regenerated files
 * (src/generated/rubric.ts, rubric.json, rubric.schema.json, parity/vectors.json).
 * Why these texts and numbers: see this package's README ("Why these labels", "Why these thresholds").
 */
import type { RubricSource } from './types.js';

export const RUBRIC_SOURCE = {
  name: 'imajin-content',
  version: '1.0.0',
  model: 'google/siglip2-so400m-patch14-384',
  // SigLIP2 was trained on lowercased text; each text is a whole caption, sent as-is.
  dimensions: [
    {
      id: 'explicit',
      positive: 'this is a pornographic photo showing exposed genitals or people having sex.',
      negative:
        'this is a family-friendly photo of clothed people, or of places, animals or things.',
    },
    {
      id: 'suggestive',
      positive:
        'this is a sexually suggestive photo of a person in lingerie, underwear or a revealing pose.',
      negative:
        'this is a modest photo of people in everyday clothes, or of places, animals or things.',
    },
    {
      id: 'quality',
      positive: 'this is a sharp, well-lit, well-composed, high-quality photo.',
      negative: 'this is a blurry, dark, noisy or badly framed, low-quality photo.',
    },
  ],
  // Normalized scores (s+ / (s+ + s-)); a frame reaches a class at >= the threshold.
  thresholds: {
    explicit: 0.6,
    suggestive: 0.7,
  },
} as const satisfies RubricSource;
