// A perceptual signature of a frame for near-duplicate detection, computed in JS on the
// packed RGB24 frame the decoder returns: a 256-bit difference hash (dHash) of the luma
// structure plus an 8x8 grid of mean colours. The dHash alone is blind to colour (a red and a
// blue frame of the same layout hash alike), and colour is often what changes between a
// clothed and an unclothed shot, so both must agree for two frames to count as duplicates.

export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface FrameSignature {
  /** 256 bits: does luma rise from cell (r, c) to (r, c + 1) on a 17x16 grid. */
  hash: Uint32Array;
  /** 8x8 cells x RGB means, 0..255 (fine enough that a change over 1/64 of the frame shows). */
  colour: Float32Array;
}

const HASH_COLS = 17;
const HASH_ROWS = 16;
const COLOUR_GRID = 8;
/** Luma must rise by more than this (0..255) for a bit to be set: flat areas hash as 0. */
const HASH_MARGIN = 1;

export const HASH_BITS = (HASH_COLS - 1) * HASH_ROWS;
/** Near-duplicate thresholds: at most this many differing hash bits (of 256)… */
export const NEAR_DUPLICATE_MAX_BITS = 12;
/** …and no colour cell whose channel means differ by more than this (of 255). */
export const NEAR_DUPLICATE_MAX_COLOUR = 12;

export function frameSignature(img: RgbImage): FrameSignature {
  const { width, height, data } = img;
  if (width < 1 || height < 1 || data.length < width * height * 3) {
    throw new RangeError(`frame of ${width}x${height} needs ${width * height * 3} bytes`);
  }
  const luma = new Float64Array(HASH_COLS * HASH_ROWS);
  const lumaCount = new Float64Array(HASH_COLS * HASH_ROWS);
  const colour = new Float64Array(COLOUR_GRID * COLOUR_GRID * 3);
  const colourCount = new Float64Array(COLOUR_GRID * COLOUR_GRID);
  const hashCol = Int32Array.from({ length: width }, (_, x) => Math.floor((x * HASH_COLS) / width));
  const gridCol = Int32Array.from({ length: width }, (_, x) =>
    Math.floor((x * COLOUR_GRID) / width),
  );
  // Every pixel of a small frame; every other row and column of a frame ≥ 360 px (each cell
  // still averages hundreds of pixels, at a quarter of the cost).
  const step = Math.max(1, Math.floor(Math.min(width, height) / 180));
  for (let y = 0; y < height; y += step) {
    const hashRow = Math.floor((y * HASH_ROWS) / height) * HASH_COLS;
    const gridRow = Math.floor((y * COLOUR_GRID) / height) * COLOUR_GRID;
    for (let x = 0; x < width; x += step) {
      const p = (y * width + x) * 3;
      const r = data[p] ?? 0;
      const g = data[p + 1] ?? 0;
      const b = data[p + 2] ?? 0;
      const h = hashRow + (hashCol[x] ?? 0);
      luma[h] = (luma[h] ?? 0) + 0.299 * r + 0.587 * g + 0.114 * b;
      lumaCount[h] = (lumaCount[h] ?? 0) + 1;
      const c = gridRow + (gridCol[x] ?? 0);
      colour[c * 3] = (colour[c * 3] ?? 0) + r;
      colour[c * 3 + 1] = (colour[c * 3 + 1] ?? 0) + g;
      colour[c * 3 + 2] = (colour[c * 3 + 2] ?? 0) + b;
      colourCount[c] = (colourCount[c] ?? 0) + 1;
    }
  }
  const mean = (sum: Float64Array, count: Float64Array, i: number, per = 1) =>
    (sum[i] ?? 0) / Math.max(1, count[Math.floor(i / per)] ?? 0);
  const hash = new Uint32Array(HASH_BITS / 32);
  let bit = 0;
  for (let r = 0; r < HASH_ROWS; r++) {
    for (let c = 0; c < HASH_COLS - 1; c++, bit++) {
      const left = mean(luma, lumaCount, r * HASH_COLS + c);
      const right = mean(luma, lumaCount, r * HASH_COLS + c + 1);
      if (right - left > HASH_MARGIN) hash[bit >>> 5] = (hash[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }
  const colourMeans = Float32Array.from(colour, (_, i) => mean(colour, colourCount, i, 3));
  return { hash, colour: colourMeans };
}

export function hammingDistance(a: FrameSignature, b: FrameSignature): number {
  let bits = 0;
  for (let i = 0; i < a.hash.length; i++) {
    let x = ((a.hash[i] ?? 0) ^ (b.hash[i] ?? 0)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      bits++;
    }
  }
  return bits;
}

export function maxColourDifference(a: FrameSignature, b: FrameSignature): number {
  let worst = 0;
  for (let i = 0; i < a.colour.length; i++) {
    worst = Math.max(worst, Math.abs((a.colour[i] ?? 0) - (b.colour[i] ?? 0)));
  }
  return worst;
}

export function isNearDuplicate(a: FrameSignature, b: FrameSignature): boolean {
  return (
    hammingDistance(a, b) <= NEAR_DUPLICATE_MAX_BITS &&
    maxColourDifference(a, b) <= NEAR_DUPLICATE_MAX_COLOUR
  );
}

/** How different two frames look, 0 (same) .. 1, mixing structure and colour equally. */
export function signatureDistance(a: FrameSignature, b: FrameSignature): number {
  const structure = hammingDistance(a, b) / HASH_BITS;
  const colour = Math.min(1, maxColourDifference(a, b) / 128);
  return (structure + colour) / 2;
}
