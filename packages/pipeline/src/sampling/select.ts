// After grabbing: near-duplicates dropped, then clamped to the band's maximum. Pure functions
// over frames that carry a time, a perceptual signature and the departures they stand for.

import { type FrameSignature, isNearDuplicate, signatureDistance } from './signature.js';

export interface Signed {
  t: number;
  signature: FrameSignature;
  /**
   * The departures (indices into the plan's) this frame stands for: its own, and those of
   * near-duplicates dropped in its favour. Frames that stand for one are the last to go.
   */
  departures?: readonly number[];
}
/**
 * The decoder returns the nearest real frame for each time asked, so two times can land on
 * one frame (a video shorter than the spacing): keep that frame once, standing for the
 * departures of both. Input ascending in t.
 */
export function collapseSameFrame<T extends { t: number; departures?: readonly number[] }>(
  items: readonly T[],
): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last === undefined || Math.abs(item.t - last.t) > 1e-6) {
      out.push(item);
    } else if ((item.departures?.length ?? 0) > 0) {
      out[out.length - 1] = {
        ...last,
        departures: [...(last.departures ?? []), ...(item.departures ?? [])],
      };
    }
  }
  return out;
}

/**
 * Drops each frame that is a near-duplicate of the frame kept just before it, but never leaves
 * fewer than `minKeep` frames. Input ascending in t. Only the temporal neighbour counts for
 * scene samples: a shot that comes back later (A B A) is scored again, because what happens in
 * it later is exactly what the MAX gate must not miss; comparing with every kept frame left
 * 20 s unsampled on an edited 60 s clip. A departure's frame is also dropped when it repeats any
 * departure already kept (the same insert, again and again): the kept one then stands for both.
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
    const standsFor = item.departures ?? [];
    let into: T | undefined;
    if (framesLeft > minKeep) {
      if (previous !== undefined && isNearDuplicate(previous.signature, item.signature)) {
        into = previous;
      } else if (standsFor.length > 0) {
        into = kept.find(
          (k) => (k.departures?.length ?? 0) > 0 && isNearDuplicate(k.signature, item.signature),
        );
      }
    }
    if (into !== undefined) {
      dropped++;
      const index = kept.indexOf(into);
      kept[index] = { ...into, departures: [...(into.departures ?? []), ...standsFor] };
    } else {
      kept.push(item);
    }
  }
  return { kept, dropped };
}

/**
 * Keeps `max` frames. Frames that stand for a departure go last: they are all kept when they fit
 * (when they alone exceed `max`, the choice is made among them only). Then time coverage: the
 * smallest achievable longest unsampled stretch (the `max_unsampled_gap_sec` a result reports) is
 * found exactly, and a fewest-frames set that achieves it is taken. The slots left go to the
 * frames that look most different from those already kept, weighted by the stretch each would
 * split. Input ascending in t.
 */
export function thinToMax<T extends Signed>(
  items: readonly T[],
  max: number,
  duration: number,
): T[] {
  if (items.length <= max) return [...items];
  const forced = items.map((f) => (f.departures?.length ?? 0) > 0);
  const forcedCount = forced.filter(Boolean).length;
  if (forcedCount > max) {
    return thinToMax(
      items.filter((_, i) => forced[i]).map((f) => ({ ...f, departures: [] as number[] })),
      max,
      duration,
    ).map((f) => items.find((item) => item.t === f.t) as T);
  }
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
  const free = max - forcedCount;
  let lo = 0;
  let hi = sorted.length - 1;
  let best = coveringPicks(times, forced, end, sorted[hi] ?? end, free) ?? [];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const picks = coveringPicks(times, forced, end, sorted[mid] ?? end, free);
    if (picks) {
      best = picks;
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const picked = new Set(best);
  forced.forEach((f, i) => {
    if (f) picked.add(i);
  });
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
 * Indices of a fewest-frames subset leaving no unsampled stretch longer than `gap`, on top of
 * the `forced` frames (kept anyway, so free to reach), or null when that needs more than `max`.
 * Greedy: from each point, move free to the furthest forced frame within reach, else pick the
 * furthest frame within reach.
 */
function coveringPicks(
  times: readonly number[],
  forced: readonly boolean[],
  end: number,
  gap: number,
  max: number,
): number[] | null {
  const picks: number[] = [];
  const reach = gap + 1e-9;
  let prev = 0;
  let i = 0;
  let lastForced = -1;
  while (end - prev > reach) {
    while (i < times.length && (times[i] ?? 0) <= prev + reach) {
      if (forced[i]) lastForced = i;
      i++;
    }
    if (lastForced >= 0 && (times[lastForced] ?? 0) > prev) {
      prev = times[lastForced] ?? 0;
      continue;
    }
    const furthest = i - 1;
    if (furthest < 0 || (times[furthest] ?? 0) <= prev || picks.length === max) return null;
    picks.push(furthest);
    prev = times[furthest] ?? 0;
  }
  return picks;
}
