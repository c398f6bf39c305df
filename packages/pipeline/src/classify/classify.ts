// classifyVideo(): the one core behind the server's sync and async paths and the CLI.
// scan scenes (keeping frames on the way) → plan keyframes → take kept frames, grab the rest →
// dedupe/clamp → JPEG → score → rubric → MAX → poster.

import {
  DEFAULT_MAX_SIDE,
  type DecodeLimits,
  scanScenes,
  type VideoInput,
} from '@imajin/decoder-native';
import { aggregateVideo, RUBRIC, scoreFrame } from '@imajin/rubric';
import { encodeJpeg, POSTER_JPEG, SCORING_JPEG } from '../jpeg.js';
import type { ClassifyResult } from '../result.js';
import { resolveSampling, type SamplingOptions } from '../sampling/band.js';
import { planKeyframes } from '../sampling/plan.js';
import { explicitSegments } from '../sampling/segments.js';
import { maxUnsampledGap, sceneIndexAt } from '../sampling/timeline.js';
import type { Scorer } from '../scorers/scorer.js';
import { type GrabbedKeyframes, grabKeyframes } from './grab-keyframes.js';
import { checkKeyframeLimit } from './keyframe-limit.js';
import { scoreFrames } from './score-frames.js';
import { selectFrames } from './select-frames.js';

export interface ClassifyOptions extends SamplingOptions {
  scorer: Scorer;
  /** The request's `scorers`, echoed in the result (v1 always runs the whole rubric). */
  scorers?: string[];
  limits?: Partial<DecodeLimits>;
  /** Scene-cut threshold passed to the decoder's scan (its default when absent). */
  threshold?: number;
}

export type Progress =
  | { stage: 'decode' }
  | { stage: 'sample'; frames: number }
  | { stage: 'score'; done: number; total: number }
  | { stage: 'done' };

export interface ClassifyHooks {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export async function classifyVideo(
  input: VideoInput,
  options: ClassifyOptions,
  hooks: ClassifyHooks = {},
): Promise<ClassifyResult> {
  const { signal, onProgress } = hooks;
  const { scorer, limits, threshold } = options;
  checkKeyframeLimit(options.band); // bad options fail before any decoding
  const sampling = resolveSampling(options);
  const timings: Record<string, number> = {};
  const started = performance.now();
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = Math.round(performance.now() - t0);
      signal?.throwIfAborted();
    }
  };

  onProgress?.({ stage: 'decode' });
  const scan = await timed('scan', () =>
    scanScenes(input, {
      signal,
      limits,
      capture: { maxSide: DEFAULT_MAX_SIDE },
      ...(threshold === undefined ? {} : { threshold }),
    }),
  );
  const plan = planKeyframes(scan, sampling);
  let grabbed: GrabbedKeyframes;
  try {
    grabbed = await timed('grab', () => grabKeyframes(input, plan, scan, { signal, limits }));
  } finally {
    scan.captured?.release(); // the frames it kept are copies in JS now, or no longer needed
  }
  const { frames, deduplicated, standsFor, departuresScored } = await timed('select', () =>
    selectFrames(grabbed.frames, plan, scan.durationSec),
  );
  onProgress?.({ stage: 'sample', frames: frames.length });

  const jpegs = await timed('jpeg', () =>
    Promise.all(frames.map((f) => encodeJpeg(f, SCORING_JPEG))),
  );
  const total = frames.length;
  onProgress?.({ stage: 'score', done: 0, total });
  const raw = await timed('score', () =>
    scoreFrames(
      scorer,
      frames.map((rgb, i) => ({ rgb, jpeg: jpegs[i] as Buffer })),
      signal,
      (done) => onProgress?.({ stage: 'score', done, total }),
    ),
  );
  const verdicts = raw.map((scores) => scoreFrame(scores));
  const aggregate = aggregateVideo(verdicts);
  const posterFrame = frames[aggregate.poster_frame_index] ?? frames[0];
  if (!posterFrame) throw new Error('no frame to make a poster from'); // unreachable: a plan has ≥ 1 time
  const poster = await timed('poster', () => encodeJpeg(posterFrame, POSTER_JPEG));
  timings.total = Math.round(performance.now() - started);

  const times = frames.map((f) => f.t);
  const scenes = times.map((t) => sceneIndexAt(scan.scenes, t));
  const result: ClassifyResult = {
    is_explicit: aggregate.is_explicit,
    explicitness: aggregate.explicitness,
    quality_score: aggregate.quality_score,
    scene_tags: [],
    frame_count: frames.length,
    duration_sec: ms(scan.durationSec),
    poster_frame_index: aggregate.poster_frame_index,
    poster_b64: poster.toString('base64'),
    poster_key: null,
    frames: verdicts.map((v, index) => ({
      index,
      t: ms(times[index] ?? 0),
      nsfw: v.explicit,
      suggestive: v.suggestive,
      quality: v.quality,
      explicitness: v.explicitness,
      scene: scenes[index] ?? 0,
      departure: (standsFor[index]?.length ?? 0) > 0,
    })),
    rubric_version: RUBRIC.version,
    rubric_fingerprint: RUBRIC.fingerprint,
    scorer: scorer.name,
    scorers: [...(options.scorers ?? [])],
    sampling: {
      policy: plan.policy,
      band: { ...plan.band },
      candidates: plan.candidates,
      deduplicated,
      max_unsampled_gap_sec: ms(maxUnsampledGap(times, scan.durationSec)),
      departures: scan.departures.length,
      departures_scored: departuresScored,
    },
    scene_count: Math.max(1, scan.scenes.length),
    explicit_segments: explicitSegments(
      verdicts.map((v, i) => ({
        t: times[i] ?? 0,
        scene: scenes[i] ?? 0,
        explicit: v.explicitness === 'explicit',
        standsFor: standsFor[i] ?? [],
      })),
      scan.scenes,
      scan.durationSec,
      scan.departures,
    ).map((s) => ({ start: ms(s.start), end: ms(s.end) })),
    width: scan.info.displayWidth,
    height: scan.info.displayHeight,
    rotation: scan.info.rotation,
    codec: scan.info.codec,
    timings_ms: timings,
  };
  onProgress?.({ stage: 'done' });
  return result;
}

/** Seconds rounded to the millisecond: frame times need no more. */
function ms(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
