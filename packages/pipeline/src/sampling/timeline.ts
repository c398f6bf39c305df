// Facts about a video's timeline shared by planning, selection and the result.

export interface SceneSpan {
  start: number;
  end: number;
}

/** Where the picture leaves the shot (the decoder's departures): seconds, start <= peak < end. */
export interface DepartureSpan {
  start: number;
  end: number;
  peak: number;
}

/**
 * The middle half of a departure around its peak (half-way from its start to the peak, to
 * half-way from the peak to its end), at most `reach` either side: still the departed picture,
 * not the dissolve into it. Any frame there may sample the departure.
 */
export function departureCore(d: DepartureSpan, reach: number): [number, number] {
  return [
    Math.max(d.peak - reach, (d.start + d.peak) / 2),
    Math.min(d.peak + reach, (d.peak + d.end) / 2),
  ];
}

/** The part of a decoder SceneScan that sampling reads (structural, so tests can build one). */
export interface SceneList {
  durationSec: number;
  scenes: readonly SceneSpan[];
  /** Absent: none found (or a scan that does not report them). */
  departures?: readonly DepartureSpan[];
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
