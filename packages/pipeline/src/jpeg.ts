// RGB24 frames to JPEG with sharp: a smaller one for the scorer, a larger one for the poster.

import sharp from 'sharp';
import type { RgbFrameLike } from './scorers/scorer.js';

export interface JpegSpec {
  /** Long side in pixels; smaller frames are not enlarged. */
  maxSide: number;
  quality: number;
}

/** What model-boss sees: SigLIP2 works at 384–512 px, so larger frames only cost bandwidth. */
export const SCORING_JPEG: JpegSpec = { maxSide: 512, quality: 85 };
/** The poster still: long side ≤ 640, quality 85, as docs/http-api.md says of `poster_b64`. */
export const POSTER_JPEG: JpegSpec = { maxSide: 640, quality: 85 };

export function encodeJpeg(frame: RgbFrameLike, spec: JpegSpec): Promise<Buffer> {
  const { width, height, data } = frame;
  return sharp(data, { raw: { width, height, channels: 3 } })
    .resize({ width: spec.maxSide, height: spec.maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: spec.quality })
    .toBuffer();
}
