// From the frames grabbed for a plan to the frames that will be scored: the same frame kept
// once, near-duplicates dropped (scene-aware only; never below the band's minimum), then
// clamped to the band's maximum.

import type { KeyframePlan } from '../sampling/plan.js';
import { collapseSameFrame, dropNearDuplicates, thinToMax } from '../sampling/select.js';
import { frameSignature } from '../sampling/signature.js';
import type { RgbFrameLike } from '../scorers/scorer.js';

export function selectFrames<F extends RgbFrameLike>(
  grabbed: readonly F[],
  plan: KeyframePlan,
  durationSec: number,
): { frames: F[]; deduplicated: number } {
  const distinct = collapseSameFrame([...grabbed].sort((a, b) => a.t - b.t));
  if (plan.policy === 'forced') return { frames: distinct, deduplicated: 0 };
  const signed = distinct.map((frame) => ({ t: frame.t, frame, signature: frameSignature(frame) }));
  const minimum = Math.min(plan.band.min, plan.videoFrames);
  const { kept, dropped } = dropNearDuplicates(signed, minimum);
  const frames = thinToMax(kept, plan.band.max, durationSec).map((s) => s.frame);
  return { frames, deduplicated: dropped };
}
