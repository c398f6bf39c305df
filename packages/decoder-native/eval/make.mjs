// The scene-detection evaluation set: 28 videos (14 kinds x 2 seeds, 360p-1080p, portrait and
// landscape, 30 and 60 fps, H.264 and HEVC) made from real photographs and title cards, with
// their ground truth in truth.json, split by seed into a tune half and a test half. Cached
// outside git in ~/.cache/imajin-eval-2 (IMAJIN_EVAL_DIR overrides); each file's name carries a
// hash of its plan and encoder settings, so changing either re-renders only what changed.
//   node eval/make.mjs        (eval/run.mjs calls it too)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPhotos, groundTruth, planVideo, render } from './footage.mjs';

export const EVAL_DIR = process.env.IMAJIN_EVAL_DIR ?? join(homedir(), '.cache', 'imajin-eval-2');

// Phones record with a keyframe every 2 s and none forced at scene changes (so a scan that skips
// frames cannot lean on keyframes); editing tools and uploads re-encoded by x264 put keyframes at
// scene changes.
const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p'];
const gop = (fps) => `keyint=${2 * fps}:min-keyint=${2 * fps}`;
const ENCODINGS = {
  'h264-phone': (fps) => [...X264, '-x264-params', `scenecut=0:${gop(fps)}`],
  'hevc-phone': (fps) => [
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-crf',
    '24',
    '-pix_fmt',
    'yuv420p',
    '-tag:v',
    'hvc1',
    '-x265-params',
    `scenecut=0:${gop(fps)}:log-level=error`,
  ],
  'h264-scenecut': () => X264,
};

const ALL = { flash: 0.3, ramp: 0.25, whip: 0.25, zoom: 0.25, focus: 0.25 };
const MOTION = { flash: 0.2, ramp: 0.15, whip: 0.5, zoom: 0.4, focus: 0.3 };
const GRADUAL = { cut: 0.2, fade: 0.35, dissolve: 0.3, fadeblack: 0.15 };
/**
 * Fourteen kinds of video, each rendered twice (two seeds): the even seed goes to the tune half,
 * the odd one to the test half, so both halves hold every kind. Sizes are [w, h].
 */
const PROFILES = [
  {
    kind: 'dissolves',
    size: [854, 480],
    fps: 30,
    enc: 'h264-phone',
    sec: 16,
    shots: 6,
    weights: GRADUAL,
    transitionSec: [0.3, 2],
    similar: 0.5,
    distractors: ALL,
  },
  {
    kind: 'short-dissolves',
    size: [854, 480],
    fps: 30,
    enc: 'hevc-phone',
    sec: 14,
    shots: 7,
    weights: { cut: 0.15, fade: 0.45, dissolve: 0.4 },
    transitionSec: [0.3, 0.8],
    distractors: MOTION,
  },
  {
    kind: 'close-cuts',
    size: [1280, 720],
    fps: 30,
    enc: 'h264-scenecut',
    sec: 14,
    shots: 10,
    close: 0.6,
    sameSubject: 0.35,
    distractors: ALL,
  },
  {
    kind: 'portrait',
    size: [480, 854],
    fps: 30,
    enc: 'h264-phone',
    sec: 15,
    shots: 4,
    distractors: MOTION,
  },
  {
    kind: 'hevc60-pans',
    size: [1280, 720],
    fps: 60,
    enc: 'hevc-phone',
    sec: 14,
    shots: 3,
    distractors: { ...MOTION, whip: 0.7 },
  },
  {
    kind: 'hevc60-1080p',
    size: [1920, 1080],
    fps: 60,
    enc: 'hevc-phone',
    sec: 10,
    shots: 3,
    distractors: { ...MOTION, whip: 0.6 },
  },
  {
    kind: 'titles',
    size: [854, 480],
    fps: 30,
    enc: 'h264-scenecut',
    sec: 16,
    shots: 7,
    titles: { open: true, mid: 1 },
    distractors: ALL,
  },
  {
    kind: 'low-light',
    size: [854, 480],
    fps: 30,
    enc: 'hevc-phone',
    sec: 15,
    shots: 4,
    dark: 0.8,
    distractors: ALL,
  },
  {
    kind: 'zoom-focus',
    size: [854, 480],
    fps: 30,
    enc: 'h264-phone',
    sec: 18,
    shots: 4,
    distractors: { flash: 0.1, ramp: 0.1, whip: 0, zoom: 0.6, focus: 0.7 },
  },
  {
    kind: 'focus-720p',
    size: [1280, 720],
    fps: 30,
    enc: 'h264-phone',
    sec: 15,
    shots: 3,
    weights: GRADUAL,
    transitionSec: [0.3, 2],
    distractors: { flash: 0, ramp: 0.2, whip: 0.2, zoom: 0.3, focus: 0.8 },
  },
  {
    kind: 'titles-hevc60',
    size: [640, 360],
    fps: 60,
    enc: 'hevc-phone',
    sec: 14,
    shots: 6,
    titles: { open: true, mid: 1 },
    weights: GRADUAL,
    transitionSec: [0.3, 2],
    distractors: MOTION,
  },
  {
    kind: 'mixed',
    size: [854, 480],
    fps: 30,
    enc: 'h264-scenecut',
    sec: 18,
    shots: 5,
    transitionSec: [0.3, 2],
    close: 0.2,
    sameSubject: 0.3,
    distractors: ALL,
  },
  {
    kind: 'portrait-hevc60',
    size: [540, 960],
    fps: 60,
    enc: 'hevc-phone',
    sec: 10,
    shots: 3,
    close: 0.3,
    distractors: MOTION,
  },
  {
    kind: 'low-light-dissolves',
    size: [854, 480],
    fps: 30,
    enc: 'hevc-phone',
    sec: 14,
    shots: 6,
    dark: 0.6,
    weights: GRADUAL,
    transitionSec: [0.3, 1.2],
    similar: 0.5,
    distractors: MOTION,
  },
];
export const HALVES = ['tune', 'test'];

/** The set's plans (deterministic): [{ name, kind, half, size, fps, encoding, plan }]. */
export function evalPlans() {
  const photos = findPhotos();
  const plans = [];
  PROFILES.forEach((profile, k) => {
    for (const half of [0, 1]) {
      const seed = 5000 + 2 * k + half;
      const perShot = profile.sec / profile.shots;
      const plan = planVideo({
        seed,
        fps: profile.fps,
        shots: profile.shots,
        shotSec: [perShot * 0.7, perShot * 1.3],
        photos,
        weights: profile.weights,
        transitionSec: profile.transitionSec,
        close: profile.close,
        sameSubject: profile.sameSubject,
        similar: profile.similar,
        dark: profile.dark,
        titles: profile.titles,
        distractors: profile.distractors,
      });
      plans.push({
        name: `${HALVES[half]}-${String(k).padStart(2, '0')}-${profile.kind}`,
        kind: profile.kind,
        half: HALVES[half],
        size: profile.size,
        fps: profile.fps,
        encoding: profile.enc,
        plan,
      });
    }
  });
  // IMAJIN_EVAL_ONLY=hevc60,titles keeps only the kinds whose names contain one of those words.
  const only = process.env.IMAJIN_EVAL_ONLY?.split(',');
  return only ? plans.filter((p) => only.some((w) => p.kind.includes(w))) : plans;
}

function fileName(name, encoding, plan, size) {
  const key = JSON.stringify({ plan, size, encode: ENCODINGS[encoding](plan.fps) });
  const hash = createHash('sha1').update(key).digest('hex').slice(0, 10);
  return `${name}-${encoding}-${hash}.mp4`;
}

/**
 * Renders what is missing and writes truth.json:
 * { videos: [{ name, file, encoding, durationSec, cuts: [{t, type, sec}], distractors: [{type, t0, t1}] }] }
 */
export function ensureEvalSet(log = console.error) {
  mkdirSync(EVAL_DIR, { recursive: true });
  const videos = [];
  for (const { name, kind, half, size, fps, encoding, plan } of evalPlans()) {
    const file = join(EVAL_DIR, fileName(name, encoding, plan, size));
    if (!existsSync(file)) {
      log(`rendering ${file}`);
      render(plan, size, ENCODINGS[encoding](fps), file);
    }
    const truth = groundTruth(plan);
    videos.push({
      name,
      kind,
      half,
      file,
      size,
      fps,
      encoding,
      durationSec: truth.durationSec,
      photos: plan.shots.map((s) => s.photo?.name ?? `title: ${s.card.text}`),
      cuts: truth.cuts,
      distractors: truth.distractors,
    });
  }
  const truthFile = join(EVAL_DIR, 'truth.json');
  writeFileSync(truthFile, `${JSON.stringify({ videos }, null, 1)}\n`);
  return { truthFile, videos };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { truthFile, videos } = ensureEvalSet();
  const seconds = videos.reduce((s, v) => s + v.durationSec, 0);
  const cuts = videos.reduce((s, v) => s + v.cuts.length, 0);
  console.log(
    `${videos.length} videos, ${seconds.toFixed(1)} s, ${cuts} transitions; truth in ${truthFile}`,
  );
}
