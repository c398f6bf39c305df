import { describe, expect, it } from 'vitest';
import {
  frameSignature,
  hammingDistance,
  isNearDuplicate,
  maxColourDifference,
  signatureDistance,
} from './signature.js';
import { noisy, ramp, solid } from './test-images.js';

describe('frameSignature', () => {
  it('calls an image and its lightly noisy copy near-duplicates', () => {
    const a = frameSignature(ramp(0.1, 640, 360));
    const b = frameSignature(noisy(ramp(0.1, 640, 360), 6));
    expect(isNearDuplicate(a, b)).toBe(true);
    expect(signatureDistance(a, a)).toBe(0);
  });

  it('tells apart frames of the same layout in different colours', () => {
    const red = frameSignature(solid([220, 30, 30]));
    const blue = frameSignature(solid([30, 30, 220]));
    expect(hammingDistance(red, blue)).toBe(0);
    expect(maxColourDifference(red, blue)).toBeGreaterThan(150);
    expect(isNearDuplicate(red, blue)).toBe(false);
  });

  it('tells apart frames of different structure', () => {
    const a = frameSignature(ramp(0));
    const b = frameSignature(ramp(0.5));
    expect(hammingDistance(a, b)).toBeGreaterThan(12);
    expect(isNearDuplicate(a, b)).toBe(false);
    expect(signatureDistance(a, b)).toBeGreaterThan(0.05);
  });

  it('refuses a buffer too small for its size', () => {
    expect(() => frameSignature({ width: 10, height: 10, data: new Uint8Array(10) })).toThrow(
      RangeError,
    );
  });
});
