// Which times to grab from a video, before any pixel is seen. Scene-aware: one candidate inside
// each scene, more in scenes longer than maxGapSec, one at the peak of every departure (where the
// picture leaves the shot: the MAX gate's blind spot between scene samples), filled with evenly
// spaced times when short of the band's minimum. Forced N: N evenly spaced times.
// Near-duplicates and the band's maximum are handled after grabbing (select.ts), because they
// need the pixels.

import { type Band, clampToBand, resolveSampling, type SamplingOptions } from './band.js';
import {
  type DepartureSpan,
  departureCore,
  frameCountOf,
  type SceneList,
  sceneIndexAt,
} from './timeline.js';

/** How far from a departure's peak a scene candidate may sample it, seconds. */
const CORE_REACH_SEC = 0.5;

export interface KeyframePlan {
  policy: 'scene-aware' | 'forced';
  band: Band;
  maxGapSec: number;
  /** Times to grab, ascending, seconds. */
  times: number[];
  /** The scene each time falls in (numbered from 0). */
  scenes: number[];
  /** Per time: the index in `departures` it samples (at its peak), or -1. */
  departureOf: number[];
  /** Every departure the scan found (a forced plan samples none on purpose). */
  departures: readonly DepartureSpan[];
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

interface Candidate {
  t: number;
  departure: number;
}

export function planKeyframes(scan: SceneList, opts: SamplingOptions = {}): KeyframePlan {
  const { keyframes, band, maxGapSec } = resolveSampling(opts);
  const videoFrames = frameCountOf(scan);
  const duration = Math.max(0, scan.durationSec);
  const departures = scan.departures ?? [];
  const finish = (policy: KeyframePlan['policy'], picked: Candidate[], candidates: number) => {
    picked.sort((a, b) => a.t - b.t);
    const times = picked.map((c) => c.t);
    const maxScorerCalls = policy === 'forced' ? times.length : Math.min(times.length, band.max);
    return {
      policy,
      band,
      maxGapSec,
      times,
      scenes: times.map((t) => sceneIndexAt(scan.scenes, t)),
      departureOf: picked.map((c) => c.departure),
      departures,
      candidates,
      maxScorerCalls,
      videoFrames,
    };
  };

  if (keyframes !== null) {
    const n = Math.min(clampToBand(keyframes, band), videoFrames);
    return finish('forced', plain(evenlySpaced(duration, n)), n);
  }
  // A scene candidate already in a departure's core samples it (a flat scene is one); the
  // others get a candidate at their peak.
  const fromScenes: Candidate[] = plain(sceneCandidates(scan, maxGapSec));
  const fromDepartures: Candidate[] = [];
  departures.forEach((d, i) => {
    const [lo, hi] = departureCore(d, CORE_REACH_SEC);
    const inside = fromScenes.find((c) => c.departure < 0 && c.t >= lo && c.t <= hi);
    if (inside) inside.departure = i;
    else fromDepartures.push({ t: d.peak, departure: i });
  });
  const count = fromScenes.length + fromDepartures.length;
  const minimum = Math.min(band.min, videoFrames);
  const cap = grabCap(band);
  const sampling = [...fromScenes.filter((c) => c.departure >= 0), ...fromDepartures];
  const others = fromScenes.filter((c) => c.departure < 0);
  let picked: Candidate[];
  if (count < minimum) {
    const all = [...sampling, ...others].map((c) => c.t);
    const filled = fillLargestGaps(all, duration, minimum);
    picked = [...sampling, ...plain(filled.filter((t) => !sampling.some((c) => c.t === t)))];
  } else if (sampling.length >= cap) {
    picked = thinEvenly(sampling, cap);
  } else {
    // Departures are the last to go: scene candidates are thinned to the room they leave.
    picked = [...sampling, ...thinEvenly(others, cap - sampling.length)];
  }
  return finish('scene-aware', picked, count);
}

const plain = (times: readonly number[]): Candidate[] => times.map((t) => ({ t, departure: -1 }));

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

/** At most `cap` of the items, spread evenly over the list. */
function thinEvenly<T>(items: readonly T[], cap: number): T[] {
  if (items.length <= cap) return [...items];
  return Array.from(
    { length: cap },
    (_, i) => items[Math.floor(((i + 0.5) * items.length) / cap)] as T,
  );
}
