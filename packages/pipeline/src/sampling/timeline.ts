// Facts about a video's timeline shared by planning, selection and the result.

export interface SceneSpan {
  start: number;
  end: number;
}

/** The part of a decoder SceneScan that sampling reads (structural, so tests can build one). */
export interface SceneList {
  durationSec: number;
  scenes: readonly SceneSpan[];
  info: { frameRate: number; frameCount?: number | null };
}

/** How many distinct frames the video holds (at least 1: a decodable video has one). */
export function frameCountOf(scan: SceneList): number {
  const { frameCount, frameRate } = scan.info;
  if (frameCount != null && frameCount > 0) return frameCount;
  if (frameRate > 0 && scan.durationSec > 0) {
    return Math.max(1, Math.round(scan.durationSec * frameRate));
  }
  return 1;
}

/** Index of the scene that holds time t (the last scene for t at or past the end). */
export function sceneIndexAt(scenes: readonly SceneSpan[], t: number): number {
  for (let i = 0; i < scenes.length; i++) {
    const scene = scenes[i];
    if (scene !== undefined && t < scene.end) return i;
  }
  return Math.max(0, scenes.length - 1);
}

/**
 * The longest stretch of [0, durationSec] with no sampled frame, counting both ends of the
 * video. `times` must be ascending.
 */
export function maxUnsampledGap(times: readonly number[], durationSec: number): number {
  if (times.length === 0) return Math.max(0, durationSec);
  let prev = 0;
  let worst = 0;
  for (const t of times) {
    worst = Math.max(worst, t - prev);
    prev = t;
  }
  return Math.max(worst, durationSec - prev);
}
