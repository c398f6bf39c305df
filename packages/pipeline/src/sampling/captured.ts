// Which planned keyframes the frames kept during the scan can stand in for, so that only the
// rest need a seek-and-decode grab. A kept frame stands in for a planned time when it lies
// within a quarter of the distance to the nearest neighbouring sample (or half the distance
// to its scene's edges), and never more than MAX_SHIFT_SEC away: it stays inside the same
// scene, away from the transitions, and the spacing of the samples changes by at most half.
// A departure's sample may be stood in for by a kept frame in the middle half of the departure
// around it (departureCore): still the departed picture, not the dissolve into it.

import type { CapturedFrames } from '@imajin/decoder-native';
import type { KeyframePlan } from './plan.js';
import { departureCore, type SceneList } from './timeline.js';

/** The furthest a kept frame may sit from the time it stands in for, seconds. */
export const MAX_SHIFT_SEC = 0.5;

export interface KeyframePicks {
  /** Per planned time (plan order): the index of the kept frame standing in, or -1 to grab. */
  captured: number[];
  /** Per planned time: the time of the frame that will be used (kept or planned). */
  times: number[];
}

/** The window [lo, hi] around plan.times[i] a kept frame must fall in. */
export function shiftWindow(plan: KeyframePlan, scan: SceneList, i: number): [number, number] {
  const { times } = plan;
  const t = times[i] ?? 0;
  const departure = plan.departures[plan.departureOf[i] ?? -1];
  if (departure) return departureCore({ ...departure, peak: t }, MAX_SHIFT_SEC);
  const scene = plan.policy === 'forced' ? undefined : scan.scenes[plan.scenes[i] ?? 0];
  const start = scene?.start ?? 0;
  const end = scene?.end ?? Math.max(t, scan.durationSec);
  let room = Math.min(2 * (t - start), 2 * (end - t));
  const prev = times[i - 1];
  const next = times[i + 1];
  if (prev !== undefined) room = Math.min(room, t - prev);
  if (next !== undefined) room = Math.min(room, next - t);
  const shift = Math.max(0, Math.min(MAX_SHIFT_SEC, room / 4));
  return [t - shift, t + shift];
}

export function pickCaptured(
  plan: KeyframePlan,
  scan: SceneList,
  captured: CapturedFrames | null,
): KeyframePicks {
  const picks: KeyframePicks = { captured: [], times: [] };
  plan.times.forEach((t, i) => {
    const [lo, hi] = shiftWindow(plan, scan, i);
    const index = captured ? captured.nearest(t, lo, hi) : -1;
    picks.captured.push(index);
    picks.times.push(index >= 0 ? (captured?.times[index] ?? t) : t);
  });
  return picks;
}
