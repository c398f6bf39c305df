// After grabbing: near-duplicates dropped, then clamped to the band's maximum (the pipeline
// README's order). Pure functions over frames that carry a time and a perceptual signature.

import { type FrameSignature, isNearDuplicate, signatureDistance } from './signature.js';

export interface Signed {
  t: number;
  signature: FrameSignature;
}

/**
 * The decoder returns the nearest real frame for each time asked, so two times can land on
 * one frame (a video shorter than the spacing): keep that frame once. Input ascending in t.
 */
export function collapseSameFrame<T extends { t: number }>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last === undefined || Math.abs(item.t - last.t) > 1e-6) out.push(item);
  }
  return out;
}

/**
 * Drops each frame that is a near-duplicate of the frame kept just before it, but never leaves
 * fewer than `minKeep` frames. Input ascending in t. Only the temporal neighbour counts: a shot
 * that comes back later (A B A) is scored again, because what happens in it later is exactly
 * what the MAX gate must not miss; comparing with every kept frame left 20 s unsampled on an
 * edited 60 s clip.
 */
export function dropNearDuplicates<T extends Signed>(
  items: readonly T[],
  minKeep: number,
): { kept: T[]; dropped: number } {
  const kept: T[] = [];
  let dropped = 0;
  for (const item of items) {
    const framesLeft = items.length - dropped;
    const previous = kept[kept.length - 1];
    if (
      framesLeft > minKeep &&
      previous !== undefined &&
      isNearDuplicate(previous.signature, item.signature)
    ) {
      dropped++;
    } else {
      kept.push(item);
    }
  }
  return { kept, dropped };
}

/**
 * Keeps `max` frames. Time coverage first: the smallest achievable longest unsampled stretch
 * (the `max_unsampled_gap_sec` a result reports) is found exactly, and a fewest-frames set that
 * achieves it is taken. The slots left go to the frames that look most different from those
 * already kept, weighted by the stretch each would split. Input ascending in t.
 */
export function thinToMax<T extends Signed>(
  items: readonly T[],
  max: number,
  duration: number,
): T[] {
  if (items.length <= max) return [...items];
  const times = items.map((f) => f.t);
  const end = Math.max(duration, times[times.length - 1] ?? 0);
  const gaps = new Set<number>();
  for (let i = 0; i < times.length; i++) {
    const ti = times[i] ?? 0;
    gaps.add(ti);
    gaps.add(end - ti);
    for (let j = i + 1; j < times.length; j++) gaps.add((times[j] ?? 0) - ti);
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  let lo = 0;
  let hi = sorted.length - 1;
  let best = coveringPicks(times, end, sorted[hi] ?? end, max) ?? [];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const picks = coveringPicks(times, end, sorted[mid] ?? end, max);
    if (picks) {
      best = picks;
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const picked = new Set(best);
  while (picked.size < max) {
    let choice = -1;
    let choiceScore = -1;
    for (let i = 0; i < items.length; i++) {
      if (picked.has(i)) continue;
      const item = items[i] as T;
      let distinct = 1;
      let before = 0;
      let after = end;
      for (const p of picked) {
        const other = items[p] as T;
        distinct = Math.min(distinct, signatureDistance(other.signature, item.signature));
        if (other.t <= item.t) before = Math.max(before, other.t);
        else after = Math.min(after, other.t);
      }
      const score = (0.5 + distinct) * (after - before);
      if (score > choiceScore) {
        choiceScore = score;
        choice = i;
      }
    }
    picked.add(choice);
  }
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T);
}

/**
 * Indices of a fewest-frames subset leaving no unsampled stretch longer than `gap` (each step
 * jumps to the furthest frame within reach), or null when that needs more than `max` frames.
 */
function coveringPicks(
  times: readonly number[],
  end: number,
  gap: number,
  max: number,
): number[] | null {
  const picks: number[] = [];
  const reach = gap + 1e-9;
  let prev = 0;
  let i = 0;
  while (end - prev > reach) {
    let furthest = -1;
    while (i < times.length && (times[i] ?? 0) <= prev + reach) furthest = i++;
    if (furthest < 0 || (times[furthest] ?? 0) <= prev || picks.length === max) return null;
    picks.push(furthest);
    prev = times[furthest] ?? 0;
  }
  return picks;
}
