// A no-reference quality measure for the local scorer (model-boss scores quality with its own
// labels; the embedded NSFW model has no notion of it). Three factors in 0..1, computed on the
// frame's luma, combined by geometric mean so one bad factor pulls the score down without
// zeroing it:
//   sharpness  1 − exp(−varLap / 100): variance of the 4-neighbour Laplacian on the frame
//              box-downscaled to ≤ 256 px on its long side (so frame size does not matter)
//   exposure   (1 − clipped) · (1 − ½·((mean − 128) / 128)²): clipped = share of pixels at
//              ≤ 4 or ≥ 251; a mid-grey mean scores best
//   noise      1 / (1 + (σ / 10)²): σ from Immerkær's fast noise estimator, taken over the
//              flattest half of the frame (lowest gradient) so texture is not counted as noise
// Calibration is our own, not model-boss's: documented in the README, and results carry
// `scorer: "local:…"`.

import type { RgbFrameLike } from './scorer.js';

export interface QualityFactors {
  sharpness: number;
  exposure: number;
  noise: number;
  /** The combined score, 0..1. */
  quality: number;
}

const ANALYSIS_SIDE = 256;

export function frameQuality(frame: RgbFrameLike): QualityFactors {
  const luma = toLuma(frame);
  const small = boxDownscale(luma, frame.width, frame.height);
  const sharpness = 1 - Math.exp(-laplacianVariance(small.data, small.width, small.height) / 100);
  const exposure = exposureScore(luma);
  const sigma = noiseSigma(luma, frame.width, frame.height);
  const noise = 1 / (1 + (sigma / 10) ** 2);
  const quality = Math.cbrt(sharpness * exposure * noise);
  return { sharpness, exposure, noise, quality };
}

function toLuma(frame: RgbFrameLike): Float32Array {
  const n = frame.width * frame.height;
  if (frame.data.length < n * 3)
    throw new RangeError(`frame of ${frame.width}x${frame.height} needs ${n * 3} bytes`);
  const out = new Float32Array(n);
  const d = frame.data;
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    out[i] = 0.299 * (d[p] ?? 0) + 0.587 * (d[p + 1] ?? 0) + 0.114 * (d[p + 2] ?? 0);
  }
  return out;
}

function boxDownscale(luma: Float32Array, width: number, height: number) {
  const step = Math.max(1, Math.ceil(Math.max(width, height) / ANALYSIS_SIDE));
  const w = Math.max(1, Math.floor(width / step));
  const h = Math.max(1, Math.floor(height / step));
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = 0; dy < step && y * step + dy < height; dy++) {
        const row = (y * step + dy) * width;
        for (let dx = 0; dx < step && x * step + dx < width; dx++) {
          sum += luma[row + x * step + dx] ?? 0;
          count++;
        }
      }
      data[y * w + x] = sum / Math.max(1, count);
    }
  }
  return { data, width: w, height: h };
}

function laplacianVariance(l: Float32Array, w: number, h: number): number {
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v =
        (l[i - 1] ?? 0) + (l[i + 1] ?? 0) + (l[i - w] ?? 0) + (l[i + w] ?? 0) - 4 * (l[i] ?? 0);
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

function exposureScore(luma: Float32Array): number {
  let clipped = 0;
  let sum = 0;
  for (const v of luma) {
    sum += v;
    if (v <= 4 || v >= 251) clipped++;
  }
  const mean = sum / Math.max(1, luma.length);
  const share = clipped / Math.max(1, luma.length);
  return (1 - share) * (1 - 0.5 * ((mean - 128) / 128) ** 2);
}

/** Immerkær (1996) over the flattest half of the interior pixels. */
function noiseSigma(l: Float32Array, w: number, h: number): number {
  if (w < 3 || h < 3) return 0;
  const count = (w - 2) * (h - 2);
  const gradient = new Uint16Array(count);
  const response = new Float32Array(count);
  const histogram = new Uint32Array(2048);
  let k = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++, k++) {
      const i = y * w + x;
      const a = l[i - w - 1] ?? 0;
      const b = l[i - w] ?? 0;
      const c = l[i - w + 1] ?? 0;
      const d = l[i - 1] ?? 0;
      const e = l[i] ?? 0;
      const f = l[i + 1] ?? 0;
      const g = l[i + w - 1] ?? 0;
      const hh = l[i + w] ?? 0;
      const j = l[i + w + 1] ?? 0;
      const gx = Math.abs(c + 2 * f + j - a - 2 * d - g);
      const gy = Math.abs(g + 2 * hh + j - a - 2 * b - c);
      const mag = Math.min(2047, Math.round(gx + gy));
      gradient[k] = mag;
      histogram[mag] = (histogram[mag] ?? 0) + 1;
      response[k] = Math.abs(a - 2 * b + c - 2 * d + 4 * e - 2 * f + g - 2 * hh + j);
    }
  }
  let cutoff = 0;
  for (let seen = 0; cutoff < 2048; cutoff++) {
    seen += histogram[cutoff] ?? 0;
    if (seen >= count / 2) break;
  }
  let sum = 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    if ((gradient[i] ?? 0) <= cutoff) {
      sum += response[i] ?? 0;
      n++;
    }
  }
  return n === 0 ? 0 : (Math.sqrt(Math.PI / 2) * sum) / (6 * n);
}
