import { describe, expect, it } from 'vitest';
import { ffprobeJson } from '../test/fixtures.js';
import { fixture, fixtureBytes } from '../test/helpers.js';
import { probe } from './index.js';

// Facts pinned against ffprobe's reading of the same file.
async function expectLikeFfprobe(name: string) {
  const path = fixture(name);
  const info = await probe(path);
  const ref = await ffprobeJson(path);
  const video = ref.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error(`ffprobe found no video in ${name}`);
  expect(info.container).toBe(ref.format.format_name);
  expect(info.codec).toBe(video.codec_name);
  expect([info.width, info.height]).toEqual([video.width, video.height]);
  expect(info.pixelFormat).toBe(video.pix_fmt);
  const [num, den] = (video.avg_frame_rate ?? '0/1').split('/').map(Number);
  expect(info.frameRate).toBeCloseTo((num ?? 0) / (den || 1), 6);
  if (video.duration) expect(info.durationSec).toBeCloseTo(Number(video.duration), 3);
  expect(info.frameCount).toBe(video.nb_frames ? Number(video.nb_frames) : null);
  expect(info.hasAudio).toBe(ref.streams.some((s) => s.codec_type === 'audio'));
  const ffRotation =
    video.side_data_list?.find((d) => d.side_data_type === 'Display Matrix')?.rotation ?? 0;
  // ffprobe prints the display matrix's counter-clockwise angle; we report the clockwise turn.
  expect(info.rotation).toBe((((360 - ffRotation) % 360) + 360) % 360);
  return info;
}

describe('probe', () => {
  it.each([
    'h264.mp4',
    'h264-faststart.mp4',
    'h264.mkv',
    'hevc.mp4',
    'hevc10.mov',
    'vp9.webm',
    'mjpeg.avi',
    'h264.ts',
    'portrait.mp4',
    'audio.mp4',
    'vfr.mp4',
    'oneframe.mp4',
    'rotate90.mp4',
    'rotate180.mp4',
    'rotate270.mp4',
    'hlg.mov',
  ])('reads %s as ffprobe does', async (name) => {
    await expectLikeFfprobe(name);
  });

  it('reports bit depth and HDR transfer', async () => {
    expect(await probe(fixture('h264.mp4'))).toMatchObject({ bitDepth: 8, hdrTransfer: null });
    expect(await probe(fixture('hevc10.mov'))).toMatchObject({ bitDepth: 10, hdrTransfer: null });
    expect(await probe(fixture('hlg.mov'))).toMatchObject({ bitDepth: 10, hdrTransfer: 'hlg' });
    expect(await probe(fixture('pq.mov'))).toMatchObject({ bitDepth: 10, hdrTransfer: 'pq' });
  });

  it('gives the displayed size after rotation and sample aspect ratio', async () => {
    expect(await probe(fixture('rotate90.mp4'))).toMatchObject({
      width: 320,
      height: 180,
      displayWidth: 180,
      displayHeight: 320,
    });
    expect(await probe(fixture('rotate180.mp4'))).toMatchObject({
      rotation: 180,
      displayWidth: 320,
      displayHeight: 180,
    });
    expect(await probe(fixture('portrait.mp4'))).toMatchObject({
      rotation: 0,
      displayWidth: 180,
      displayHeight: 320,
    });
    const anamorphic = await probe(fixture('anamorphic.mp4'));
    expect(anamorphic.sampleAspectRatio).toBeCloseTo(4 / 3, 6);
    expect(anamorphic).toMatchObject({
      width: 240,
      height: 180,
      displayWidth: 320,
      displayHeight: 180,
    });
  });

  it('reads bytes as it reads the file, with moov at the end or the front', async () => {
    for (const name of ['h264.mp4', 'h264-faststart.mp4', 'hevc10.mov']) {
      expect(await probe(await fixtureBytes(name))).toEqual(await probe(fixture(name)));
    }
  });

  it('accepts a Uint8Array that is a view into a larger buffer', async () => {
    const bytes = await fixtureBytes('h264.mp4');
    const padded = new Uint8Array(bytes.length + 100);
    padded.set(bytes, 50);
    expect(await probe(padded.subarray(50, 50 + bytes.length))).toEqual(await probe(bytes));
  });
});

describe('libavVersions', () => {
  it('reports the libav the binary runs on, matching what it was built against', async () => {
    const { libavVersions } = await import('./index.js');
    const versions = libavVersions();
    expect(versions.avcodec.loaded.split('.')[0]).toBe(versions.avcodec.built.split('.')[0]);
    // libavfilter is opened on first use; reporting versions opens it.
    expect(versions.avfilter.loaded.split('.')[0]).toBe(versions.avfilter.built.split('.')[0]);
    expect(versions.ffmpeg).toMatch(/\d/);
  });
});
