import { DecodeError } from './errors.js';
import type { DecodeLimits } from './types.js';

/**
 * Defaults that accept a 5-minute 4K60 HEVC phone clip (8.3 Mpx frames, 18 000 frames, ~2 GB)
 * with room to spare, and stop hostile or runaway inputs.
 */
export const DEFAULT_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxPixels: 8192 * 4320, // 8K
  maxDurationSec: 2 * 3600,
  maxFrames: 1_000_000, // 2 h at 120 fps
  timeoutMs: 30 * 60 * 1000,
  maxInputBytes: 8 * 1024 ** 3,
});

const KEYS = Object.keys(DEFAULT_LIMITS) as (keyof DecodeLimits)[];

/** DEFAULT_LIMITS overridden by `partial`; each given value must be a positive finite number. */
export function resolveLimits(partial: Partial<DecodeLimits> | undefined): DecodeLimits {
  if (partial === undefined) return { ...DEFAULT_LIMITS };
  if (typeof partial !== 'object' || partial === null) {
    throw new DecodeError('INVALID_ARGUMENT', 'limits must be an object');
  }
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(partial)) {
    if (!(KEYS as string[]).includes(key)) {
      throw new DecodeError(
        'INVALID_ARGUMENT',
        `unknown limit '${key}' (known: ${KEYS.join(', ')})`,
      );
    }
    const value = partial[key as keyof DecodeLimits];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new DecodeError('INVALID_ARGUMENT', `limits.${key} must be a positive finite number`);
    }
    limits[key as keyof DecodeLimits] = value;
  }
  return limits;
}
