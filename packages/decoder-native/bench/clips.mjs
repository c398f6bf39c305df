// The benchmark clips: phone-like footage made from real photographs (eval/footage.mjs), cached
// outside git in ~/.cache/imajin-bench (IMAJIN_BENCH_DIR overrides). Rendered once; libx265 at
// 4K on two cores takes a few minutes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findPhotos, planVideo, render } from '../eval/footage.mjs';

export const BENCH_DIR = process.env.IMAJIN_BENCH_DIR ?? join(homedir(), '.cache', 'imajin-bench');

// A phone's GOP: a keyframe every 2 s, none forced at scene changes.
const H264 = [
  '-c:v',
  'libx264',
  '-preset',
  'fast',
  '-crf',
  '20',
  '-pix_fmt',
  'yuv420p',
  '-profile:v',
  'high',
];
const HLG_TAGS = [
  '-color_primaries',
  'bt2020',
  '-color_trc',
  'arib-std-b67',
  '-colorspace',
  'bt2020nc',
];
// SDR BT.709 to HLG BT.2020 10-bit, as an iPhone records HDR.
const TO_HLG =
  'zscale=transferin=bt709:primariesin=bt709:matrixin=bt709:rangein=tv:' +
  'transfer=arib-std-b67:primaries=bt2020:matrix=2020_ncl:range=tv:npl=203,format=yuv420p10le';

/** { name, size, fps, seconds, shots, encode, post?, bframes } */
export const CLIPS = [
  {
    name: 'h264-1080p-bframes',
    size: [1920, 1080],
    fps: 30,
    seconds: 30,
    shots: 7,
    encode: [...H264, '-bf', '3', '-x264-params', 'keyint=60:min-keyint=60:scenecut=0'],
    bframes: true,
  },
  {
    name: 'h264-1080p-no-bframes',
    size: [1920, 1080],
    fps: 30,
    seconds: 30,
    shots: 7,
    encode: [...H264, '-bf', '0', '-x264-params', 'keyint=60:min-keyint=60:scenecut=0'],
    bframes: false,
  },
  {
    name: 'hevc10-hlg-1080p',
    size: [1920, 1080],
    fps: 30,
    seconds: 30,
    shots: 7,
    post: TO_HLG,
    encode: [
      '-c:v',
      'libx265',
      '-preset',
      'superfast',
      '-b:v',
      '8M',
      '-pix_fmt',
      'yuv420p10le',
      '-tag:v',
      'hvc1',
      ...HLG_TAGS,
      '-x265-params',
      'keyint=60:min-keyint=60:scenecut=0:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc:log-level=error',
    ],
    bframes: true,
  },
  {
    name: 'hevc-4k60',
    size: [3840, 2160],
    fps: 60,
    seconds: 10,
    shots: 4,
    encode: [
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-b:v',
      '40M',
      '-pix_fmt',
      'yuv420p',
      '-tag:v',
      'hvc1',
      '-x265-params',
      'keyint=120:min-keyint=120:scenecut=0:log-level=error',
    ],
    bframes: true,
  },
];

function planFor(clip, photos) {
  const perShot = clip.seconds / clip.shots;
  return planVideo({
    seed: 7000 + clip.size[1] + clip.shots,
    fps: clip.fps,
    shots: clip.shots,
    shotSec: [perShot * 0.8, perShot * 1.2],
    photos,
    weights: { cut: 0.6, fade: 0.2, fadeblack: 0.2 },
    distractors: { flash: 0.2, ramp: 0.2, whip: 0.15 },
  });
}

/** Renders the clips (all, or those named) not cached yet; returns [{ ...clip, file }]. */
export function ensureClips(names = null, log = console.error) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const photos = findPhotos().filter((p) => p.large);
  const wanted = names ? CLIPS.filter((c) => names.includes(c.name)) : CLIPS;
  return wanted.map((clip) => {
    const plan = planFor(clip, photos);
    const key = JSON.stringify({ plan, size: clip.size, encode: clip.encode, post: clip.post });
    const hash = createHash('sha1').update(key).digest('hex').slice(0, 10);
    const file = join(BENCH_DIR, `${clip.name}-${hash}.mp4`);
    if (!existsSync(file)) {
      log(
        `rendering ${file} (${clip.size.join('x')}@${clip.fps}, ${clip.seconds} s; minutes at 4K)`,
      );
      render(plan, clip.size, clip.encode, file, clip.post ?? null);
    }
    return { ...clip, file };
  });
}
