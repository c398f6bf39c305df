// Which times to grab from a video, before any pixel is seen (sampling: the pipeline's README).
// Scene-aware: one candidate inside each scene, more in scenes longer than maxGapSec, filled
// with evenly spaced times when short of the band's minimum. Forced N: N evenly spaced times.
// Near-duplicates and the band's maximum are handled after grabbing (select.ts), because they
// need the pixels.

import { type Band, clampToBand, resolveSampling, type SamplingOptions } from './band.js';
import { frameCountOf, type SceneList, sceneIndexAt } from './timeline.js';

export interface KeyframePlan {
  policy: 'scene-aware' | 'forced';
  band: Band;
  maxGapSec: number;
  /** Times to grab, ascending, seconds. */
  times: number[];
  /** The scene each time falls in (numbered from 0). */
  scenes: number[];
  /** Scene-aware candidates before any fill or thinning (forced: the frames asked for). */
  candidates: number;
  /** Upper bound on scorer calls for this video: what `estimate` reports. */
  maxScorerCalls: number;
  /** The frames the video holds; dedupe never goes below min(band.min, this). */
  videoFrames: number;
}

/**
 * Candidates beyond this many are thinned evenly before grabbing, so a strobe-cut video with
 * thousands of scenes cannot hold thousands of frames in memory (each is ~0.7 MB at 640 px).
 */
export function grabCap(band: Band): number {
  return Math.max(128, 8 * band.max);
}

export function planKeyframes(scan: SceneList, opts: SamplingOptions = {}): KeyframePlan {
  const { keyframes, band, maxGapSec } = resolveSampling(opts);
  const videoFrames = frameCountOf(scan);
  const duration = Math.max(0, scan.durationSec);
  const finish = (policy: KeyframePlan['policy'], times: number[], candidates: number) => {
    times.sort((a, b) => a - b);
    const maxScorerCalls = policy === 'forced' ? times.length : Math.min(times.length, band.max);
    return {
      policy,
      band,
      maxGapSec,
      times,
      scenes: times.map((t) => sceneIndexAt(scan.scenes, t)),
      candidates,
      maxScorerCalls,
      videoFrames,
    };
  };

  if (keyframes !== null) {
    const n = Math.min(clampToBand(keyframes, band), videoFrames);
    return finish('forced', evenlySpaced(duration, n), n);
  }
  const candidates = sceneCandidates(scan, maxGapSec);
  const minimum = Math.min(band.min, videoFrames);
  const times =
    candidates.length < minimum
      ? fillLargestGaps(candidates, duration, minimum)
      : thinEvenly(candidates, grabCap(band));
  return finish('scene-aware', times, candidates.length);
}

/** n times at the middles of n equal slices of [0, duration] (one time at 0 for no duration). */
export function evenlySpaced(duration: number, n: number): number[] {
  if (duration <= 0) return [0];
  return Array.from({ length: n }, (_, i) => ((i + 0.5) * duration) / n);
}

/**
 * Each scene is cut into k = ceil(length / maxGap) equal slices and sampled at their middles:
 * away from the cuts and the transitions around them, and no two neighbouring samples (nor a
 * sample and either end of the video) further apart than maxGap.
 */
function sceneCandidates(scan: SceneList, maxGapSec: number): number[] {
  const duration = Math.max(0, scan.durationSec);
  const scenes = scan.scenes.length > 0 ? scan.scenes : [{ start: 0, end: duration }];
  const times: number[] = [];
  for (const scene of scenes) {
    const length = scene.end - scene.start;
    if (!(length > 0)) continue;
    const k = Math.max(1, Math.ceil(length / maxGapSec - 1e-9));
    for (let j = 0; j < k; j++) times.push(scene.start + ((j + 0.5) * length) / k);
  }
  return times.length > 0 ? times : [0];
}

/** Adds times at the middle of the widest unsampled stretch until there are n. */
function fillLargestGaps(times: readonly number[], duration: number, n: number): number[] {
  const out = [...times].sort((a, b) => a - b);
  if (duration <= 0) return out;
  while (out.length < n) {
    let bestStart = 0;
    let bestWidth = -1;
    let prev = 0;
    for (const t of [...out, duration]) {
      if (t - prev > bestWidth) {
        bestWidth = t - prev;
        bestStart = prev;
      }
      prev = t;
    }
    out.push(bestStart + bestWidth / 2);
    out.sort((a, b) => a - b);
  }
  return out;
}

/** At most `cap` of the times, spread evenly over the list. */
function thinEvenly(times: readonly number[], cap: number): number[] {
  if (times.length <= cap) return [...times];
  return Array.from(
    { length: cap },
    (_, i) => times[Math.floor(((i + 0.5) * times.length) / cap)] ?? 0,
  );
}
