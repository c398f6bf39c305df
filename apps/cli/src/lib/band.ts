import { InvalidArgumentError } from 'commander';
import type { Band } from '../types.js';

/** The pipeline's default keyframe band (3 to 16 frames a video). */
export const DEFAULT_BAND: Band = { min: 3, max: 16 };
/**
 * The most keyframes a video may be asked for: @imajin/pipeline's MAX_KEYFRAMES (what memory
 * allows), repeated here so that `scenes` and `estimate` never load the pipeline at start-up;
 * band.test.ts checks that the two agree.
 */
export const MAX_KEYFRAMES = 32;

/** Parses `min:max` (or a single `n`, meaning n:n) into a band; throws a commander usage error. */
export function parseBand(text: string): Band {
  const m = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new InvalidArgumentError(`expected min:max (e.g. 3:16), got "${text}"`);
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  if (min < 1) throw new InvalidArgumentError(`min must be at least 1, got ${min}`);
  if (max < min) throw new InvalidArgumentError(`max (${max}) must not be below min (${min})`);
  if (max > MAX_KEYFRAMES) {
    throw new InvalidArgumentError(
      `max must be at most ${MAX_KEYFRAMES} (the scan keeps up to 8 × max frames of ~0.9 MB), got ${max}`,
    );
  }
  return { min, max };
}

export function formatBand(band: Band): string {
  return `${band.min}:${band.max}`;
}

/** Commander collector for a repeatable `--band`. */
export function collectBand(text: string, previous: Band[] = []): Band[] {
  return [...previous, parseBand(text)];
}
