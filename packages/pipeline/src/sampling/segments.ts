// explicit_segments: the span around each explicit frame, bounded by its scene and by the
// neighbouring sampled frames (what lies between two samples is unknown, so it is claimed up
// to the next sample, never beyond the scene), merged when they touch.

import type { SceneSpan } from './timeline.js';

export interface TimedVerdict {
  t: number;
  scene: number;
  explicit: boolean;
}

export function explicitSegments(
  frames: readonly TimedVerdict[],
  scenes: readonly SceneSpan[],
  durationSec: number,
): SceneSpan[] {
  const sorted = [...frames].sort((a, b) => a.t - b.t);
  const spans: SceneSpan[] = [];
  sorted.forEach((frame, i) => {
    if (!frame.explicit) return;
    const scene = scenes[frame.scene] ?? { start: 0, end: durationSec };
    const before = sorted[i - 1]?.t ?? 0;
    const after = sorted[i + 1]?.t ?? Math.max(durationSec, frame.t);
    spans.push({
      start: Math.min(frame.t, Math.max(scene.start, before)),
      end: Math.max(frame.t, Math.min(scene.end, after)),
    });
  });
  const merged: SceneSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end + 1e-6) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
