import { describe, expect, it } from 'vitest';
import { noisy, ramp, solid } from '../sampling/test-images.js';
import { frameQuality } from './quality.js';
import type { RgbFrameLike } from './scorer.js';

/** Stripes with a period of `period` px: a crisp, well exposed, detailed picture. */
function stripes(period: number, width = 320, height = 180) {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const on = Math.floor(x / period + Math.floor(y / period)) % 2 === 0;
      data.fill(on ? 200 : 60, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { t: 0, width, height, data };
}

/** A box blur `radius` px each side (two separable passes), as a defocused lens smears. */
function blurred(frame: RgbFrameLike, radius: number): RgbFrameLike {
  const pass = (src: Uint8Array, dxUnit: number, dyUnit: number) => {
    const { width, height } = frame;
    const out = new Uint8Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let d = -radius; d <= radius; d++) {
            const xx = Math.min(width - 1, Math.max(0, x + d * dxUnit));
            const yy = Math.min(height - 1, Math.max(0, y + d * dyUnit));
            sum += src[(yy * width + xx) * 3 + c] ?? 0;
          }
          out[(y * width + x) * 3 + c] = Math.round(sum / (2 * radius + 1));
        }
      }
    }
    return out;
  };
  return { ...frame, data: pass(pass(frame.data, 1, 0), 0, 1) };
}

describe('frameQuality', () => {
  it('rates a crisp, well exposed frame above a blurred copy of it', () => {
    const crisp = frameQuality(stripes(8));
    const soft = frameQuality(blurred(stripes(8), 8));
    expect(crisp.sharpness).toBeGreaterThan(0.9);
    expect(soft.sharpness).toBeLessThan(0.5);
    expect(crisp.quality).toBeGreaterThan(soft.quality);
  });

  it('rates a black frame as badly exposed', () => {
    const black = frameQuality({ t: 0, ...solid([0, 0, 0], 320, 180) });
    expect(black.exposure).toBe(0);
    expect(black.quality).toBe(0);
  });

  it('rates a noisy frame below the clean one', () => {
    const clean = frameQuality({ t: 0, ...solid([120, 120, 120], 320, 180) });
    const grainy = frameQuality({ t: 0, ...noisy(solid([120, 120, 120], 320, 180), 40) });
    expect(clean.noise).toBeGreaterThan(0.99);
    expect(grainy.noise).toBeLessThan(0.5);
  });

  it('stays within 0..1 on every factor', () => {
    for (const frame of [stripes(1), stripes(16), { t: 0, ...noisy(ramp(0.3, 320, 180), 90) }]) {
      const q = frameQuality(frame);
      for (const v of [q.sharpness, q.exposure, q.noise, q.quality]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});
