// Synthetic RGB24 images for the sampling tests (not exported by the package).

import type { RgbImage } from './signature.js';

export function solid(rgb: [number, number, number], width = 64, height = 36): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3);
  return { width, height, data };
}

/** A horizontal grey ramp whose phase shifts with `offset` (0..1 of the width). */
export function ramp(offset: number, width = 64, height = 36): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round(((((x / width + offset) % 1) + 1) % 1) * 255);
      data.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { width, height, data };
}

/** Adds deterministic noise of the given amplitude, as compression would. */
export function noisy(img: RgbImage, amplitude: number, seed = 1): RgbImage {
  let s = seed;
  const data = Uint8Array.from(img.data, (v) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.max(0, Math.min(255, v + Math.round(((s / 2 ** 32) * 2 - 1) * amplitude)));
  });
  return { ...img, data };
}
