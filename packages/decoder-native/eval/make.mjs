// The scene-detection evaluation set: 16 videos (854x480, 30 fps, about 5 minutes in all) made
// from real photographs, with their ground truth in truth.json. Cached outside git in
// ~/.cache/imajin-eval (IMAJIN_EVAL_DIR overrides); each file's name carries a hash of its plan
// and encoder settings, so changing either re-renders only what changed.
//   node eval/make.mjs        (eval/run.mjs calls it too)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPhotos, groundTruth, planVideo, render, rng } from './footage.mjs';

export const EVAL_DIR = process.env.IMAJIN_EVAL_DIR ?? join(homedir(), '.cache', 'imajin-eval');
const SIZE = [854, 480];
// IMAJIN_EVAL_FPS=60 (with its own IMAJIN_EVAL_DIR) renders the same set at 60 fps, as 4K60 phone
// clips are, for checking a scan that skips more frames at high frame rates.
const FPS = Number(process.env.IMAJIN_EVAL_FPS ?? 30);
const GOP = 2 * FPS;
const VIDEOS = 16;

// Half as phones record (a keyframe every 2 s, none forced at scene changes, so a scan that
// skipped frames could not lean on keyframes), half with the encoder's scene-cut keyframes.
const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p'];
const ENCODINGS = {
  'h264-phone': [...X264, '-x264-params', `scenecut=0:keyint=${GOP}:min-keyint=${GOP}`],
  'hevc-phone': [
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
    `scenecut=0:keyint=${GOP}:min-keyint=${GOP}:log-level=error`,
  ],
  'h264-scenecut': X264,
};
const encodingOf = (i) =>
  i % 2 === 1 ? 'h264-scenecut' : i % 4 === 0 ? 'h264-phone' : 'hevc-phone';

/** The set's plans (deterministic): [{ name, encoding, plan }]. */
export function evalPlans() {
  const photos = findPhotos();
  const plans = [];
  for (let i = 0; i < VIDEOS; i++) {
    const seed = 4000 + i;
    const shots = 4 + Math.floor(rng(seed + 99)() * 4); // 4-7 shots
    const plan = planVideo({
      seed,
      fps: FPS,
      shots,
      shotSec: [2.5, 6],
      photos,
      distractors: { flash: 0.35, ramp: 0.3, whip: 0.25 },
    });
    plans.push({ name: `eval-${String(i).padStart(2, '0')}`, encoding: encodingOf(i), plan });
  }
  // IMAJIN_EVAL_ENCODINGS=hevc-phone,... keeps only those videos (a quicker partial run).
  const only = process.env.IMAJIN_EVAL_ENCODINGS?.split(',');
  return only ? plans.filter((p) => only.includes(p.encoding)) : plans;
}

function fileName(name, encoding, plan) {
  const key = JSON.stringify({ plan, size: SIZE, encode: ENCODINGS[encoding] });
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
  for (const { name, encoding, plan } of evalPlans()) {
    const file = join(EVAL_DIR, fileName(name, encoding, plan));
    if (!existsSync(file)) {
      log(`rendering ${file}`);
      render(plan, SIZE, ENCODINGS[encoding], file);
    }
    const truth = groundTruth(plan);
    videos.push({
      name,
      file,
      encoding,
      durationSec: truth.durationSec,
      photos: plan.shots.map((s) => s.photo.name),
      cuts: truth.cuts,
      distractors: truth.distractors,
    });
  }
  const truthFile = join(EVAL_DIR, 'truth.json');
  writeFileSync(truthFile, `${JSON.stringify({ fps: FPS, size: SIZE, videos }, null, 1)}\n`);
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
