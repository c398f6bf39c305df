// The keyframes (d) and (e) both grab: the pipeline's plan for the scan (a frame inside each
// scene, more in long ones), each moved to the frame the scan kept nearby when there is one
// (the pipeline's pickCaptured), so that both recipes grab the very same frames.
// Imports the built pipeline (pnpm build first); the bench is outside the package graph.
import { pickCaptured } from '../../pipeline/dist/sampling/captured.js';
import { planKeyframes } from '../../pipeline/dist/sampling/plan.js';

/** { plan, times }: the times, seconds, of the frames to grab, in plan order. */
export function keyframesOf(scan) {
  const plan = planKeyframes(scan);
  return { plan, times: pickCaptured(plan, scan, scan.captured).times };
}
