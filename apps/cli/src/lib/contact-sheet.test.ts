import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ClassifyResult, Explicitness, RgbFrame } from '../types.js';
import { BAND_COLOURS, POSTER_COLOUR, renderContactSheet, sheetLayout } from './contact-sheet.js';

function solid(width: number, height: number, rgb: [number, number, number]): RgbFrame {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { t: 0, width, height, data };
}

const kinds: Explicitness[] = ['sfw', 'suggestive', 'explicit', 'sfw', 'sfw'];
const result = {
  explicitness: 'explicit',
  is_explicit: true,
  quality_score: 0.8,
  frame_count: kinds.length,
  scene_count: 5,
  duration_sec: 10,
  width: 320,
  height: 180,
  poster_frame_index: 3,
  scorer: 'model-boss:test',
  frames: kinds.map((explicitness, index) => ({
    index,
    t: index * 2 + 0.5,
    nsfw: index / 10,
    suggestive: 0.1,
    quality: 0.5,
    explicitness,
    scene: index,
    departure: false,
  })),
} as unknown as ClassifyResult;

describe('contact sheet', () => {
  it('lays out an about-square grid that keeps the video aspect', () => {
    const l = sheetLayout({ frames: 5, cellWidth: 200, aspect: 16 / 9 });
    expect([l.columns, l.rows, l.imageHeight]).toEqual([3, 2, 113]);
    expect(l.width).toBe(10 + 3 * 210);
    expect(sheetLayout({ frames: 5, columns: 5, cellWidth: 200, aspect: 9 / 16 }).rows).toBe(1);
  });

  it('draws every frame with a band coloured by explicitness, readable text, the poster framed', async () => {
    const colours: [number, number, number][] = [
      [200, 30, 30],
      [30, 200, 30],
      [30, 30, 200],
      [220, 220, 40],
      [40, 220, 220],
    ];
    const frames = colours.map((c) => solid(160, 90, c));
    const { png, layout } = await renderContactSheet({
      title: 'clip <&> "x".mp4',
      result,
      frames,
      cellWidth: 200,
    });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([layout.width, layout.height]);
    const px = (x: number, y: number) => [
      ...data.subarray(
        (y * info.width + x) * info.channels,
        (y * info.width + x) * info.channels + 3,
      ),
    ];
    for (const [i, f] of result.frames.entries()) {
      const { left, top } = layout.cell(i);
      // the frame itself, scaled into the cell
      const centre = px(left + layout.cellWidth / 2, top + Math.floor(layout.imageHeight / 2));
      centre.forEach((v, k) => {
        expect(Math.abs(v - (colours[i]?.[k] ?? 0))).toBeLessThan(8);
      });
      // the label band's colour names the frame's explicitness
      const c = BAND_COLOURS[f.explicitness];
      expect(px(left + 2, top + layout.imageHeight + 2)).toEqual([c.r, c.g, c.b]);
      // and its text rendered (fonts present): many near-white pixels in the band
      let white = 0;
      for (
        let y = top + layout.imageHeight;
        y < top + layout.imageHeight + layout.labelHeight;
        y++
      ) {
        for (let x = left; x < left + layout.cellWidth; x++)
          if (px(x, y).every((v) => v > 220)) white++;
      }
      expect(white).toBeGreaterThan(150);
    }
    const poster = layout.cell(3);
    expect(px(poster.left - 2, poster.top - 2)).toEqual([
      POSTER_COLOUR.r,
      POSTER_COLOUR.g,
      POSTER_COLOUR.b,
    ]);
    const other = layout.cell(1);
    expect(px(other.left - 2, other.top - 2)).not.toEqual([
      POSTER_COLOUR.r,
      POSTER_COLOUR.g,
      POSTER_COLOUR.b,
    ]);
  });
});
