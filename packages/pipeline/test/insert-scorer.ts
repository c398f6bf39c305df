// A stand-in scorer that recognises an insert by its pixels: a frame is "explicit" when its
// 8x8 colour grid is closer to the insert's picture than to the shot's. It counts its calls, so
// tests can hold the sampler to the band.

import { frameSignature } from '../src/sampling/signature.js';
import type { RgbFrameLike, Scorer } from '../src/scorers/scorer.js';

/** Rubric raw scores: [explicit+, explicit−, suggestive+, suggestive−, quality+, quality−]. */
const EXPLICIT = [0.9, 0.1, 0.1, 0.9, 0.5, 0.5];
const CLEAN = [0.05, 0.95, 0.05, 0.95, 0.5, 0.5];

function colourDistance(a: RgbFrameLike, b: RgbFrameLike): number {
  const x = frameSignature(a).colour;
  const y = frameSignature(b).colour;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

export interface InsertScorer extends Scorer {
  /** Times of the frames scored, in call order. */
  readonly scored: number[];
}

export function insertScorer(insert: RgbFrameLike, shot: RgbFrameLike): InsertScorer {
  const scored: number[] = [];
  return {
    name: 'local:insert-stand-in',
    scored,
    async score({ rgb }) {
      scored.push(rgb.t);
      return colourDistance(rgb, insert) < colourDistance(rgb, shot) ? EXPLICIT : CLEAN;
    },
    async close() {},
  };
}
