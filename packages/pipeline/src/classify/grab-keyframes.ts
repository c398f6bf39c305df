// The planned keyframes as RGB frames: the ones the scan kept are taken from memory, only the
// others are grabbed with a seek and a decode (about one decode pass a video, as
// docs/architecture.md explains).

import {
  type DecodeLimits,
  grabFrames,
  type RgbFrame,
  type SceneScan,
  type VideoInput,
} from '@imajin/decoder-native';
import { pickCaptured } from '../sampling/captured.js';
import type { KeyframePlan } from '../sampling/plan.js';

export interface GrabbedKeyframes {
  /** In plan order. */
  frames: RgbFrame[];
  /** How many came from the scan's kept frames. */
  fromScan: number;
}

export async function grabKeyframes(
  input: VideoInput,
  plan: KeyframePlan,
  scan: SceneScan,
  opts: { signal?: AbortSignal; limits?: Partial<DecodeLimits> } = {},
): Promise<GrabbedKeyframes> {
  const picks = pickCaptured(plan, scan, scan.captured);
  const kept = picks.captured.filter((index) => index >= 0);
  const missing = plan.times.filter((_, i) => (picks.captured[i] ?? -1) < 0);
  // Both return [] at once for nothing asked.
  const [taken, grabbed] = await Promise.all([
    scan.captured ? scan.captured.take(kept) : [],
    grabFrames(input, missing, opts),
  ]);
  let k = 0;
  let g = 0;
  const frames = picks.captured.map((index) => {
    const frame = index >= 0 ? taken[k++] : grabbed[g++];
    if (!frame) throw new Error('a planned keyframe was neither taken nor grabbed'); // unreachable
    return frame;
  });
  return { frames, fromScan: kept.length };
}
