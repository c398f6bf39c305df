// From the frames grabbed for a plan to the frames that will be scored: the same frame kept
// once, near-duplicates dropped (scene-aware only; never below the band's minimum), then
// clamped to the band's maximum, departures last to go. Says which departures the frames
// scored stand for, so none is dropped silently.

import type { KeyframePlan } from '../sampling/plan.js';
import { collapseSameFrame, dropNearDuplicates, thinToMax } from '../sampling/select.js';
import { frameSignature } from '../sampling/signature.js';
import type { RgbFrameLike } from '../scorers/scorer.js';

export interface SelectedFrames<F> {
  /** Ascending in t. */
  frames: F[];
  deduplicated: number;
  /** Per frame: the departures (indices into plan.departures) its picture stands for. */
  standsFor: number[][];
  /** Departures a scored frame stands for or lies inside. */
  departuresScored: number;
}

/** `grabbed` in plan order (one frame per planned time). */
export function selectFrames<F extends RgbFrameLike>(
  grabbed: readonly F[],
  plan: KeyframePlan,
  durationSec: number,
): SelectedFrames<F> {
  const labelled = grabbed.map((frame, i) => {
    const departure = plan.departureOf[i] ?? -1;
    return { t: frame.t, frame, departures: departure >= 0 ? [departure] : [] };
  });
  const distinct = collapseSameFrame(labelled.sort((a, b) => a.t - b.t));
  let chosen = distinct;
  let deduplicated = 0;
  if (plan.policy !== 'forced') {
    const signed = distinct.map((f) => ({ ...f, signature: frameSignature(f.frame) }));
    const minimum = Math.min(plan.band.min, plan.videoFrames);
    const { kept, dropped } = dropNearDuplicates(signed, minimum);
    chosen = thinToMax(kept, plan.band.max, durationSec);
    deduplicated = dropped;
  }
  const standsFor = chosen.map((f) => [...new Set(f.departures ?? [])]);
  const scored = new Set(standsFor.flat());
  plan.departures.forEach((d, i) => {
    if (chosen.some((f) => f.t >= d.start && f.t < d.end)) scored.add(i);
  });
  return {
    frames: chosen.map((f) => f.frame),
    deduplicated,
    standsFor,
    departuresScored: scored.size,
  };
}
