// explicit_segments: the span around each explicit frame. A frame inside a departure claims
// that departure (the insert, not the shot around it), widened by DEPARTURE_PAD_SEC each way:
// the detector marks where the picture was seen gone, and a dissolve's first and last frames
// of an insert still look mostly like the shot; any other frame claims up to the
// neighbouring sampled frames (what lies between two samples is unknown), never beyond its
// scene. A frame also claims every departure it stands for (a repeat of its picture that was
// not scored again). Merged when they touch.

import type { DepartureSpan, SceneSpan } from './timeline.js';

/** How far a departure's segment reaches past the frames seen departed, seconds. */
export const DEPARTURE_PAD_SEC = 0.5;

export interface TimedVerdict {
  t: number;
  scene: number;
  explicit: boolean;
  /** Departures (indices into `departures`) this frame's picture stands for. */
  standsFor?: readonly number[];
}

export function explicitSegments(
  frames: readonly TimedVerdict[],
  scenes: readonly SceneSpan[],
  durationSec: number,
  departures: readonly DepartureSpan[] = [],
): SceneSpan[] {
  const sorted = [...frames].sort((a, b) => a.t - b.t);
  const spans: SceneSpan[] = [];
  const padded = (d: DepartureSpan) => ({
    start: Math.max(0, d.start - DEPARTURE_PAD_SEC),
    end: Math.min(Math.max(durationSec, d.end), d.end + DEPARTURE_PAD_SEC),
  });
  sorted.forEach((frame, i) => {
    if (!frame.explicit) return;
    for (const d of frame.standsFor ?? []) {
      const departure = departures[d];
      if (departure) spans.push(padded(departure));
    }
    const inside = departures.find((d) => frame.t >= d.start && frame.t < d.end);
    if (inside) {
      spans.push(padded(inside));
      return;
    }
    const scene = scenes[frame.scene] ?? { start: 0, end: durationSec };
    const before = sorted[i - 1]?.t ?? 0;
    const after = sorted[i + 1]?.t ?? Math.max(durationSec, frame.t);
    spans.push({
      start: Math.min(frame.t, Math.max(scene.start, before)),
      end: Math.max(frame.t, Math.min(scene.end, after)),
    });
  });
  spans.sort((a, b) => a.start - b.start);
  const merged: SceneSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end + 1e-6) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
