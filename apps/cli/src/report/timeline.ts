import type { ReportFrame, ReportVideo } from './model.js';

// A video's timeline strip, to scale: positions are percentages of the video's duration.
//
// A result names each scored frame's scene but not the cut times, so scene blocks are placed
// from the frames: a boundary between two neighbouring scenes sits midway between the last
// frame of one and the first of the next. Scenes no frame was sampled from (a video with more
// scenes than the band's maximum) cannot be placed at all: the span between the frames around
// them is drawn as one "unsampled" block.

export interface SceneBlock {
  /** Percent of the duration. */
  left: number;
  width: number;
  /** First and last scene (numbered from 0) the block stands for. */
  first: number;
  last: number;
  sampled: boolean;
}

export interface FrameTick {
  left: number;
  frame: ReportFrame;
}

export interface SegmentBand {
  left: number;
  width: number;
  start: number;
  end: number;
}

export interface Timeline {
  /** The time the strip's right edge stands for, seconds. */
  spanSec: number;
  scenes: SceneBlock[];
  ticks: FrameTick[];
  bands: SegmentBand[];
}

export function timelineOf(
  v: Pick<ReportVideo, 'durationSec' | 'frames' | 'sceneCount' | 'explicitSegments'>,
): Timeline {
  const frames = [...v.frames].sort((a, b) => a.t - b.t);
  const lastT = Math.max(0, ...frames.map((f) => f.t), ...v.explicitSegments.map((s) => s.end));
  // A result's duration covers its frames; the max() only guards a malformed line.
  const spanSec = Math.max(v.durationSec ?? 0, lastT) || 1;
  const pct = (sec: number) => round(clamp((sec / spanSec) * 100, 0, 100));
  const block = (from: number, to: number, first: number, last: number, sampled: boolean) => ({
    left: pct(from),
    width: round(pct(to) - pct(from)),
    first,
    last,
    sampled,
  });

  const scenes: SceneBlock[] = [];
  const sceneCount = Math.max(v.sceneCount, ...frames.map((f) => f.scene + 1));
  let start = 0;
  const first = frames[0];
  if (first && first.scene > 0) {
    scenes.push(block(0, first.t, 0, first.scene - 1, false));
    start = first.t;
  }
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i] as ReportFrame;
    const next = frames[i + 1];
    if (next && next.scene === f.scene) continue;
    if (!next) {
      // Scenes after the last sampled one cannot be told from it: they share one block.
      const tail = f.scene < sceneCount - 1;
      scenes.push(block(start, tail ? f.t : spanSec, f.scene, f.scene, true));
      if (tail) scenes.push(block(f.t, spanSec, f.scene + 1, sceneCount - 1, false));
      break;
    }
    if (next.scene === f.scene + 1) {
      const cut = (f.t + next.t) / 2;
      scenes.push(block(start, cut, f.scene, f.scene, true));
      start = cut;
    } else {
      scenes.push(block(start, f.t, f.scene, f.scene, true));
      scenes.push(block(f.t, next.t, f.scene + 1, Math.max(f.scene + 1, next.scene - 1), false));
      start = next.t;
    }
  }
  if (frames.length === 0) scenes.push(block(0, spanSec, 0, Math.max(0, sceneCount - 1), false));

  return {
    spanSec,
    scenes,
    ticks: frames.map((frame) => ({ left: pct(frame.t), frame })),
    bands: v.explicitSegments.map((s) => ({
      left: pct(s.start),
      width: round(pct(s.end) - pct(s.start)),
      start: s.start,
      end: s.end,
    })),
  };
}

/** Percentages kept to 0.01 (a hundredth of a percent of a 1000-pixel strip is 0.1 px). */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
