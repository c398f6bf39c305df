// Insert clips: one handheld shot with a short insert of another picture in the middle, the
// way an uploader who wants to slip past a moderator would make one. The MAX gate's sweep (CI)
// and its benchmark render them with the ffmpeg CLI; each clip states where its insert is.
// Deterministic for a given seed. Pictures are generated (mandelbrot details, tinted), so
// nothing needs to be installed beyond ffmpeg.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { ffmpegTo, rng } from '@imajin/test-kit';

export type InsertKind = 'textured' | 'flat' | 'dark';
export type InsertEntry = 'cut' | 'dissolve';
export type InsertCodec = 'h264' | 'hevc';

export interface InsertSpec {
  seed: number;
  /** null: the clean twin (the same shot with no insert). */
  kind: InsertKind | null;
  /** Seconds of pure insert (the dissolves, when any, come on top). */
  sec: number;
  entry: InsertEntry;
  codec: InsertCodec;
  fps: 30 | 60;
  portrait: boolean;
  /** Length of the whole clip, seconds. */
  durationSec: number;
  /** The short side in pixels (default 180: 320x180, or 180x320 in portrait). */
  shortSide?: number;
  /** Photographs (image files) for the shot and the insert, instead of generated details. */
  photos?: { shot: string; insert: string };
}

export interface InsertClip {
  spec: InsertSpec;
  file: string;
  /** The pure insert, seconds (empty for a clean twin: start === end). */
  hold: { start: number; end: number };
  /** The insert with its dissolves: what a departure should span. */
  span: { start: number; end: number };
}

/** Dissolves into and out of an insert last this long. */
export const DISSOLVE_SEC = 0.3;
/** Fixed keyframe interval, as phones record (no keyframe at the insert). */
export const GOP_SEC = 2;

const n6 = (v: number) => Number(v.toFixed(6));

/** Where the insert starts: clear of the default plan's samples for a one-scene clip. */
export function insertStart(spec: InsertSpec, rand: () => number): number {
  // A one-scene clip of D seconds is sampled at D/k (k + 0.5) spacings of at most 4 s and the
  // middle of the widest gap: put the insert between those, so only a departure finds it.
  const d = spec.durationSec;
  const k = Math.max(1, Math.ceil(d / 4 - 1e-9));
  const samples = Array.from({ length: k }, (_, j) => ((j + 0.5) * d) / k);
  if (samples.length < 3) samples.push((samples[0] ?? 0) + d / k / 2);
  const extent = spec.sec + (spec.entry === 'dissolve' ? 2 * DISSOLVE_SEC : 0);
  const lead = spec.entry === 'dissolve' ? DISSOLVE_SEC : 0;
  for (let tries = 0; tries < 200; tries++) {
    const start = 1.5 + lead + rand() * (d - 3 - extent);
    const lo = start - lead - 0.3;
    const hi = start + spec.sec + lead + 0.3;
    if (samples.every((s) => s < lo || s > hi)) return n6(start);
  }
  return n6(1.5 + lead + rand() * (d - 3 - extent));
}

interface Picture {
  /** mandelbrot's start point and scale: a textured detail of the set. */
  x: number;
  y: number;
  scale: number;
  /** RGB gains that tint the grey detail. */
  tint: [number, number, number];
}

// Spots on the set's boundary where every scale below ~0.05 is textured all over.
const SPOTS: [number, number][] = [
  [-0.743643887037158, -0.131825904205312],
  [-0.7453, 0.1127],
  [-1.25066, 0.02012],
  [-0.16, 1.0405],
  [0.2925, 0.0149],
];
const BASE_TINTS: [number, number, number][] = [
  [0.55, 1.0, 0.7],
  [0.5, 0.8, 1.0],
  [1.0, 0.9, 0.55],
];
const INSERT_TINTS: [number, number, number][] = [
  [1.0, 0.45, 0.8],
  [1.0, 0.55, 0.5],
];

/** A detail at a random spot (never `avoid`'s: a recoloured copy of the shot is the shot). */
function picture(rand: () => number, tints: [number, number, number][], avoid?: Picture): Picture {
  let spot = SPOTS[Math.floor(rand() * SPOTS.length)] ?? SPOTS[0];
  while (
    avoid &&
    spot &&
    Math.abs(spot[0] - avoid.x) < 0.01 &&
    Math.abs(spot[1] - avoid.y) < 0.01
  ) {
    spot = SPOTS[Math.floor(rand() * SPOTS.length)] ?? SPOTS[0];
  }
  return {
    x: (spot?.[0] ?? 0) + (rand() - 0.5) * 0.002,
    y: (spot?.[1] ?? 0) + (rand() - 0.5) * 0.002,
    scale: 0.004 + rand() * 0.03,
    tint: tints[Math.floor(rand() * tints.length)] ?? [1, 1, 1],
  };
}

/** A photograph, cropped to fill twice the output size, as a source chain ending in `label`. */
function photo(file: string, w: number, h: number, label: string): string {
  const escaped = file.replace(/[\\:']/g, (c) => `\\${c}`);
  return `movie=filename='${escaped}',scale=${2 * w}:${2 * h}:force_original_aspect_ratio=increase,crop=${2 * w}:${2 * h},format=rgb24${label}`;
}

/** A still of the picture, twice the output size, as an lavfi source chain ending in `label`. */
function still(p: Picture, w: number, h: number, label: string): string {
  const [r, g, b] = p.tint;
  return (
    `mandelbrot=s=${2 * w}x${2 * h}:r=1:start_x=${p.x}:start_y=${p.y}:start_scale=${n6(p.scale)}` +
    `:end_scale=${n6(p.scale)}:maxiter=1500,trim=end_frame=1,format=gray,format=rgb24,` +
    `lutrgb=r=val*${r}:g=val*${g}:b=val*${b}${label}`
  );
}

/** Handheld camera over a still: slow drift plus a few pixels of shake (zoompan). */
function handheld(rand: () => number, frames: number, w: number, h: number, fps: number): string {
  const phases = Array.from({ length: 4 }, () => n6(rand() * 2 * Math.PI));
  const shake = n6((1 + rand() * 2) * (Math.max(w, h) / 320));
  const driftX = n6((rand() - 0.5) * 0.3);
  const driftY = n6((rand() - 0.5) * 0.2);
  const x = `(iw-iw/zoom)*(0.5+${driftX}*on/${frames})+${shake}*(sin(on*0.29+${phases[0]})+0.5*sin(on*0.83+${phases[1]}))`;
  const y = `(ih-ih/zoom)*(0.5+${driftY}*on/${frames})+${shake}*(sin(on*0.23+${phases[2]})+0.5*sin(on*0.71+${phases[3]}))`;
  return `zoompan=z=1.35:x='${x}':y='${y}':d=${frames}:s=${w}x${h}:fps=${fps},format=yuv420p,noise=alls=3:allf=t,setsar=1,settb=1/${fps}`;
}

function encoder(spec: InsertSpec): string[] {
  const gop = GOP_SEC * spec.fps;
  if (spec.codec === 'h264') {
    return [
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-bf',
      '3',
      '-x264-params',
      `scenecut=0:keyint=${gop}:min-keyint=${gop}`,
    ];
  }
  return [
    '-c:v',
    'libx265',
    '-preset',
    'fast',
    '-pix_fmt',
    'yuv420p',
    '-tag:v',
    'hvc1',
    '-x265-params',
    `log-level=error:scenecut=0:keyint=${gop}:min-keyint=${gop}`,
  ];
}

export function clipName(spec: InsertSpec): string {
  const what = spec.kind ? `${spec.kind}-${spec.sec}s-${spec.entry}` : 'clean';
  const photos = spec.photos ? '-photo' : '';
  const size = spec.shortSide ? `-${spec.shortSide}p` : '';
  return `insert-${spec.seed}-${what}-${spec.codec}${spec.fps}${spec.portrait ? '-portrait' : ''}${photos}${size}-${spec.durationSec}s`;
}

/** Renders the clip into `dir` (reused when already there) and says where its insert is. */
export async function makeInsertClip(dir: string, spec: InsertSpec): Promise<InsertClip> {
  const rand = rng(spec.seed);
  const short = spec.shortSide ?? 180;
  const long = Math.round((short * 16) / 9 / 2) * 2;
  const [w, h] = spec.portrait ? [short, long] : [long, short];
  const fps = spec.fps;
  const base = picture(rand, BASE_TINTS);
  const other = picture(rand, INSERT_TINTS, base);
  const baseMotion = handheld(rand, Math.round(spec.durationSec * fps), w, h, fps);
  const insertMotion = handheld(rand, 4 * fps, w, h, fps);
  const flatColour = `0x${[200, 90, 150]
    .map((v) =>
      Math.round(v * (0.8 + 0.2 * rand()))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
  const start = spec.kind ? insertStart(spec, rand) : spec.durationSec / 2;
  const file = path.join(dir, `${clipName(spec)}.mp4`);
  const total = Math.round(spec.durationSec * fps);
  const s = Math.round(start * fps);
  const hold = spec.kind ? Math.max(1, Math.round(spec.sec * fps)) : 0;
  const k = spec.entry === 'dissolve' ? Math.round(DISSOLVE_SEC * fps) : 0;
  const clip: InsertClip = {
    spec,
    file,
    hold: { start: s / fps, end: (s + hold) / fps },
    span: { start: (s - k) / fps, end: (s + hold + k) / fps },
  };
  if (existsSync(file)) return clip;

  const shotStill = spec.photos ? photo(spec.photos.shot, w, h, '[bs]') : still(base, w, h, '[bs]');
  const insertStill = spec.photos
    ? photo(spec.photos.insert, w, h, '[xs]')
    : still(other, w, h, '[xs]');
  const chains = [shotStill, `[bs]${baseMotion}[base]`];
  if (!spec.kind) {
    chains.push('[base]null[out]');
  } else {
    const xFrames = hold + 2 * k;
    if (spec.kind === 'flat') {
      // A colour card with sensor grain and a faint vignette: low texture, not black.
      chains.push(
        `color=c=${flatColour}:s=${w}x${h}:r=${fps}:d=${n6(xFrames / fps + 1)},format=yuv420p,vignette=PI/5,noise=alls=14:allf=t,setsar=1,settb=1/${fps},trim=end_frame=${xFrames}[x]`,
      );
    } else {
      const dark =
        spec.kind === 'dark'
          ? ',lutyuv=y=16+(val-16)*0.16:u=128+(val-128)*0.4:v=128+(val-128)*0.4,noise=alls=2:allf=t'
          : '';
      chains.push(insertStill, `[xs]${insertMotion},trim=end_frame=${xFrames}${dark}[x]`);
    }
    chains.push(
      `[base]split=2[b1][b2]`,
      `[b1]trim=end_frame=${s},setpts=PTS-STARTPTS[pre]`,
      `[b2]trim=start_frame=${s + hold},setpts=PTS-STARTPTS[post]`,
    );
    if (spec.entry === 'cut') {
      chains.push(`[pre][x][post]concat=n=3:v=1:a=0,settb=1/${fps}[out]`);
    } else {
      const d = n6(k / fps);
      chains.push(
        `[pre][x]xfade=transition=fade:duration=${d}:offset=${n6((s - k) / fps)}[px]`,
        `[px][post]xfade=transition=fade:duration=${d}:offset=${n6((s + hold) / fps)},settb=1/${fps}[out]`,
      );
    }
  }
  await encode(chains, total, spec, file);
  return clip;
}

async function encode(chains: string[], frames: number, spec: InsertSpec, file: string) {
  await ffmpegTo(file, [
    '-filter_complex',
    chains.join(';'),
    '-map',
    '[out]',
    '-frames:v',
    String(frames),
    ...encoder(spec),
  ]);
}

/**
 * The same insert again and again: `count` one-second inserts, one every two seconds from 4 s,
 * by hard cuts, in one long handheld shot (H.264, 30 fps). Returns the inserts' holds.
 */
export async function makeRepeatedInsertClip(
  dir: string,
  seed: number,
  count: number,
): Promise<{ file: string; holds: { start: number; end: number }[] }> {
  const spec: InsertSpec = {
    seed,
    kind: 'textured',
    sec: 1,
    entry: 'cut',
    codec: 'h264',
    fps: 30,
    portrait: false,
    durationSec: 4 + 2 * count + 4,
  };
  const rand = rng(seed);
  const [w, h] = [320, 180];
  const base = picture(rand, BASE_TINTS);
  const other = picture(rand, INSERT_TINTS, base);
  const frames = Math.round(spec.durationSec * spec.fps);
  const holds = Array.from({ length: count }, (_, i) => ({ start: 4 + 2 * i, end: 5 + 2 * i }));
  const file = path.join(dir, `insert-${seed}-repeated-${count}.mp4`);
  if (existsSync(file)) return { file, holds };
  const chains = [
    still(base, w, h, '[bs]'),
    `[bs]${handheld(rand, frames, w, h, spec.fps)}[base]`,
    still(other, w, h, '[xs]'),
    `[xs]${handheld(rand, frames, w, h, spec.fps)}[x]`,
    `[base][x]overlay=enable='gte(t,4)*lt(t,${4 + 2 * count})*lt(mod(t-4,2),1)'[out]`,
  ];
  await encode(chains, frames, spec, file);
  return { file, holds };
}

/**
 * One handheld shot with `count` camera flashes (one or two frames brighter and washed out),
 * evenly spread (H.264, 30 fps): the same picture throughout, so no departure at all.
 */
export async function makeFlashClip(dir: string, seed: number, count: number, durationSec: number) {
  const spec: InsertSpec = {
    seed,
    kind: null,
    sec: 0,
    entry: 'cut',
    codec: 'h264',
    fps: 30,
    portrait: false,
    durationSec,
  };
  const rand = rng(seed);
  const base = picture(rand, BASE_TINTS);
  const frames = Math.round(durationSec * spec.fps);
  const at = Array.from({ length: count }, (_, i) =>
    Math.round(((i + 0.5) * frames) / count + (rand() - 0.5) * 6),
  );
  const lit = at.map((n, i) => `between(n,${n},${n + (i % 2)})`).join('+');
  const file = path.join(dir, `insert-${seed}-flashes-${count}.mp4`);
  if (!existsSync(file)) {
    await encode(
      [
        still(base, 320, 180, '[bs]'),
        `[bs]${handheld(rand, frames, 320, 180, spec.fps)},eq=brightness=0.45:contrast=0.8:saturation=0.6:enable='${lit}'[out]`,
      ],
      frames,
      spec,
      file,
    );
  }
  return { file, flashes: at.map((n) => n / spec.fps) };
}
