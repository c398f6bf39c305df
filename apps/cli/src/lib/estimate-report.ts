import type { Band, ErrorInfo } from '../types.js';
import { formatBand } from './band.js';
import { histogram } from './histogram.js';

export interface VideoEstimate {
  path: string;
  duration_sec: number;
  scenes: number;
  /** Departures found (each has a keyframe of its own, counted in `calls`). */
  departures: number;
  /** Keyframes (scorer calls) per band, in the order of the report's bands. */
  calls: number[];
}

export const DEDUPE_NOTE =
  'not counted: near-duplicate frames are dropped only when frames are decoded at classify time, so every figure is an upper bound';

/** The JSON report of `estimate`; the first band is the one a backfill would use. */
export function buildEstimateReport(input: {
  bands: readonly Band[];
  keyframes: number | null;
  secPerCall: number;
  videos: readonly VideoEstimate[];
  failures: readonly (ErrorInfo & { path: string })[];
}) {
  const { bands, secPerCall, videos } = input;
  const totals = bands.map((_, b) => videos.reduce((sum, v) => sum + (v.calls[b] ?? 0), 0));
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const current = totals[0] ?? 0;
  return {
    videos: videos.length,
    failed: input.failures.length,
    band: formatBand(bands[0] as Band),
    keyframes: input.keyframes,
    total_calls: current,
    sec_per_call: secPerCall,
    gpu_seconds: round(current * secPerCall),
    dedupe: DEDUPE_NOTE,
    upper_bound: true,
    histogram: histogram(videos.map((v) => v.calls[0] ?? 0)).map((b) => ({
      keyframes: b.value,
      videos: b.count,
    })),
    per_video: videos.map((v) => ({
      path: v.path,
      duration_sec: round(v.duration_sec),
      scenes: v.scenes,
      departures: v.departures,
      keyframes: v.calls[0] ?? 0,
    })),
    bands: bands.map((band, b) => ({
      band: formatBand(band),
      total_calls: totals[b] ?? 0,
      gpu_seconds: round((totals[b] ?? 0) * secPerCall),
    })),
    failures: input.failures.map((f) => ({
      path: f.path,
      error: f.error,
      error_code: f.error_code,
      retryable: f.retryable,
    })),
  };
}

export type EstimateReport = ReturnType<typeof buildEstimateReport>;

/** Bands to report: the current one first, then each `--band`, each once. */
export function reportBands(current: Band, extra: readonly Band[] = []): Band[] {
  const out: Band[] = [current];
  for (const b of extra) if (!out.some((o) => o.min === b.min && o.max === b.max)) out.push(b);
  return out;
}
