// The keyframe band [min, max] and the options that shape a keyframe plan.

export interface Band {
  min: number;
  max: number;
}

export const DEFAULT_BAND: Readonly<Band> = Object.freeze({ min: 3, max: 16 });
/** No stretch of video longer than this goes unsampled when the band allows it. */
export const DEFAULT_MAX_GAP_SEC = 4;

export interface SamplingOptions {
  /** null/undefined = scene-aware; an integer N = N evenly spaced frames, clamped to the band. */
  keyframes?: number | null;
  band?: Band;
  maxGapSec?: number;
}

export interface ResolvedSampling {
  keyframes: number | null;
  band: Band;
  maxGapSec: number;
}

export function resolveSampling(opts: SamplingOptions = {}): ResolvedSampling {
  const band = opts.band ?? DEFAULT_BAND;
  if (!Number.isInteger(band.min) || !Number.isInteger(band.max) || band.min < 1) {
    throw new RangeError(`band must hold integers with min >= 1, got [${band.min}, ${band.max}]`);
  }
  if (band.max < band.min) {
    throw new RangeError(`band max (${band.max}) is below its min (${band.min})`);
  }
  const maxGapSec = opts.maxGapSec ?? DEFAULT_MAX_GAP_SEC;
  if (!Number.isFinite(maxGapSec) || maxGapSec <= 0) {
    throw new RangeError(`maxGapSec must be a positive number, got ${maxGapSec}`);
  }
  const keyframes = opts.keyframes ?? null;
  if (keyframes !== null && !Number.isInteger(keyframes)) {
    throw new RangeError(`keyframes must be an integer or null, got ${keyframes}`);
  }
  return { keyframes, band: { min: band.min, max: band.max }, maxGapSec };
}

export function clampToBand(n: number, band: Band): number {
  return Math.min(band.max, Math.max(band.min, n));
}
