// Builders for the report's unit tests: backfill JSONL records shaped like the backfill writes
// them (see commands/backfill.ts), with only the fields a test cares about set explicitly.

type Verdict = 'explicit' | 'suggestive' | 'sfw';

export interface FrameSpec {
  t: number;
  scene: number;
  explicitness?: Verdict;
  nsfw?: number;
}

export function resultLine(o: {
  path: string;
  sha256?: string;
  explicitness?: Verdict;
  duration?: number;
  frames?: FrameSpec[];
  sceneCount?: number;
  segments?: { start: number; end: number }[];
  scorer?: string;
  rubric?: { version: string; fingerprint: string };
  posterB64?: string;
  poster?: string;
  extra?: Record<string, unknown>;
  samplingExtra?: Record<string, unknown>;
}): Record<string, unknown> {
  const frames = (o.frames ?? [{ t: 1, scene: 0 }]).map((f, index) => ({
    index,
    t: f.t,
    nsfw: f.nsfw ?? (f.explicitness === 'explicit' ? 0.9 : 0.1),
    suggestive: 0.2,
    quality: 0.6,
    explicitness: f.explicitness ?? 'sfw',
    scene: f.scene,
  }));
  const explicitness = o.explicitness ?? 'sfw';
  return {
    path: o.path,
    sha256: o.sha256 ?? `sha-${o.path}`,
    result: {
      is_explicit: explicitness === 'explicit',
      explicitness,
      quality_score: 0.6,
      scene_tags: [],
      frame_count: frames.length,
      duration_sec: o.duration ?? 4,
      poster_frame_index: 0,
      ...(o.posterB64 !== undefined ? { poster_b64: o.posterB64 } : {}),
      poster_key: null,
      frames,
      rubric_version: o.rubric?.version ?? '1.0.0',
      rubric_fingerprint: o.rubric?.fingerprint ?? 'f'.repeat(64),
      scorer: o.scorer ?? 'model-boss:siglip2',
      scorers: [],
      sampling: {
        policy: 'scene-aware',
        band: { min: 3, max: 16 },
        candidates: frames.length,
        deduplicated: 0,
        max_unsampled_gap_sec: 1,
        ...o.samplingExtra,
      },
      scene_count: o.sceneCount ?? Math.max(...frames.map((f) => f.scene)) + 1,
      explicit_segments: o.segments ?? [],
      width: 320,
      height: 180,
      rotation: 0,
      codec: 'h264',
      timings_ms: { total: 10 },
    },
    ...(o.poster !== undefined ? { poster: o.poster } : {}),
    scorer_calls: frames.length,
    elapsed_ms: 10,
    finished_at: '2026-01-01T00:00:00.000Z',
    ...o.extra,
  };
}

export function errorLine(o: {
  path: string;
  sha256?: string | null;
  code: string;
  message?: string;
  retryable?: boolean;
}): Record<string, unknown> {
  return {
    path: o.path,
    sha256: o.sha256 === undefined ? `sha-${o.path}` : o.sha256,
    error: {
      error: o.message ?? `${o.code} happened`,
      error_code: o.code,
      retryable: o.retryable ?? false,
    },
    elapsed_ms: 3,
    finished_at: '2026-01-01T00:00:00.000Z',
  };
}
