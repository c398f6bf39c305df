import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { garbageFile, type ModelBossStandIn, makeClip, startModelBoss } from '@imajin/test-kit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_COLOURS, POSTER_COLOUR, sheetLayout } from '../lib/contact-sheet.js';
import { runCli } from '../testing/run-cli.js';

let dir: string;
let clip: string;
let mb: ModelBossStandIn;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-sheet-'));
  mb = await startModelBoss();
  clip = await makeClip(join(dir, 'four.mp4'), [
    { seconds: 1, colour: '#2040c0' },
    { seconds: 1, colour: '#d01010' },
    { seconds: 1, colour: '#e0d020' },
    { seconds: 1, source: 'testsrc2' },
  ]);
  await garbageFile(join(dir, 'garbage.mp4'));
}, 60_000);
afterAll(async () => {
  await mb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('imajin-video contact-sheet', () => {
  it('draws a grid of the scored frames, bands coloured by explicitness, the poster framed', async () => {
    const out = join(dir, 'sheet.png');
    const r = await runCli([
      'contact-sheet',
      clip,
      '-o',
      out,
      '--cell-width',
      '240',
      '--scorer',
      'model-boss',
      '--model-boss-url',
      mb.url,
    ]);
    expect(r.code).toBe(0);
    const m = /(\d+) frames in a (\d+)x(\d+) grid/.exec(r.stderr);
    expect(m).not.toBeNull();
    const frames = Number(m?.[1]);
    expect(frames).toBeGreaterThanOrEqual(4);
    const layout = sheetLayout({ frames, cellWidth: 240, aspect: 320 / 180 });
    expect([layout.columns, layout.rows]).toEqual([Number(m?.[2]), Number(m?.[3])]);

    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([layout.width, layout.height]);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => {
      const o = (y * info.width + x) * info.channels;
      return `${data[o]},${data[o + 1]},${data[o + 2]}`;
    };
    const colour = (c: { r: number; g: number; b: number }) => `${c.r},${c.g},${c.b}`;
    const bands: string[] = [];
    let posters = 0;
    for (let i = 0; i < frames; i++) {
      const { left, top } = layout.cell(i);
      bands.push(px(left + 2, top + layout.imageHeight + 2));
      if (px(left - 2, top - 2) === colour(POSTER_COLOUR)) posters++;
    }
    const names = Object.fromEntries(Object.entries(BAND_COLOURS).map(([k, c]) => [colour(c), k]));
    const kinds = bands.map((b) => names[b]);
    expect(kinds.every((k) => k !== undefined)).toBe(true);
    expect(kinds).toContain('explicit');
    expect(kinds).toContain('suggestive');
    expect(kinds).toContain('sfw');
    expect(posters).toBe(1);
  }, 60_000);

  it('fails with exit 1 on an undecodable file and writes nothing', async () => {
    const out = join(dir, 'none.png');
    const r = await runCli([
      'contact-sheet',
      join(dir, 'garbage.mp4'),
      '-o',
      out,
      '--scorer',
      'model-boss',
      '--model-boss-url',
      mb.url,
    ]);
    expect(r.code).toBe(1);
    await expect(sharp(out).metadata()).rejects.toThrow();
  });
});
