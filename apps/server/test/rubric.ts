// A rubric of the shape @imajin/rubric exports, for the pin tests.
import type { RubricLike } from '../src/rubric-pin.js';

export const TEST_RUBRIC: RubricLike = {
  version: '1.0.0',
  fingerprint: 'a'.repeat(64),
  dimensions: [
    { id: 'explicit', positive: 'an explicit photo', negative: 'a safe photo' },
    { id: 'suggestive', positive: 'a suggestive photo', negative: 'a modest photo' },
    { id: 'quality', positive: 'a sharp photo', negative: 'a blurry photo' },
  ],
  thresholds: { explicit: 0.6, suggestive: 0.55 },
};
