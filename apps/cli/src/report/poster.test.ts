import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportVideo } from './model.js';
import { PosterThumbnails, THUMB_BOX } from './poster.js';

let dir: string;
let jpeg: Buffer;
let portrait: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-poster-'));
  const picture = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#3060a0' } })
      .jpeg()
      .toBuffer();
  jpeg = await picture(1280, 720);
  portrait = await picture(720, 1280);
  await mkdir(join(dir, 'posters'));
  await mkdir(join(dir, 'out'));
  await writeFile(join(dir, 'posters', 'HASH.jpg'), jpeg);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const video = (poster: ReportVideo['poster'], sha256: string | null = 'HASH') =>
  ({ path: 'v.mp4', sha256, poster }) as ReportVideo;
const thumbs = (postersDir?: string) =>
  new PosterThumbnails({
    ...(postersDir ? { postersDir } : {}),
    jsonlDir: dir,
    outDir: join(dir, 'out'),
  });

async function sizeOf(dataUri: string) {
  const bytes = Buffer.from(dataUri.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
  const m = await sharp(bytes).metadata();
  return { width: m.width, height: m.height, format: m.format, bytes: bytes.length };
}

describe('PosterThumbnails', () => {
  it('shrinks an inline base64 poster into the thumbnail box, keeping its shape', async () => {
    const t = await thumbs().of(video({ b64: jpeg.toString('base64') }, null));
    if (!t) throw new Error('no thumbnail');
    expect(await sizeOf(t.dataUri)).toMatchObject({ width: 128, height: 72, format: 'jpeg' });
    expect([t.width, t.height]).toEqual([128, 72]);
    expect(t.href).toBeNull();
    const p = await thumbs().of(video({ b64: portrait.toString('base64') }, null));
    expect([p?.width, p?.height]).toEqual([41, THUMB_BOX.height]);
  });

  it('reads <posters>/<sha256>.jpg and links it relative to the report', async () => {
    const t = await thumbs(join(dir, 'posters')).of(video(null));
    expect(t?.href).toBe('../posters/HASH.jpg');
    expect((await sizeOf(t?.dataUri ?? '')).width).toBe(128);
  });

  it("finds a line's relative poster path beside the JSONL, and gives up on what is not there", async () => {
    const t = await thumbs().of(video({ file: 'posters/HASH.jpg' }));
    expect(t?.href).toBe('../posters/HASH.jpg');
    expect(await thumbs().of(video({ file: 'posters/missing.jpg' }))).toBeNull();
    expect(await thumbs(join(dir, 'posters')).of(video(null, 'OTHER'))).toBeNull();
  });

  it('turns bytes that are not a picture into no thumbnail, not an error', async () => {
    expect(
      await thumbs().of(video({ b64: Buffer.from('not a jpeg').toString('base64') })),
    ).toBeNull();
  });
});
