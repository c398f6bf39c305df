// A contract-valid result (ClassifyResultSchema) for the loopback service to answer with.
import { RUBRIC } from '@imajin/rubric';
import { type ClassifyResult, ClassifyResultSchema } from '@imajin/wire';

export function validResult(explicit = false): ClassifyResult {
  const frames = [0, 1, 2].map((index) => ({
    index,
    t: index,
    nsfw: explicit && index === 1 ? 0.9 : 0.1,
    suggestive: 0.1,
    quality: 0.5,
    explicitness: explicit && index === 1 ? ('explicit' as const) : ('sfw' as const),
    scene: index,
    departure: false,
  }));
  return ClassifyResultSchema.parse({
    is_explicit: explicit,
    explicitness: explicit ? 'explicit' : 'sfw',
    quality_score: 0.5,
    scene_tags: [],
    frame_count: 3,
    duration_sec: 3,
    poster_frame_index: 0,
    poster_b64: 'AAAA',
    poster_key: null,
    frames,
    rubric_version: RUBRIC.version,
    rubric_fingerprint: RUBRIC.fingerprint,
    scorer: 'model-boss:test',
    scorers: [],
    sampling: {
      policy: 'scene-aware',
      band: { min: 3, max: 16 },
      candidates: 3,
      deduplicated: 0,
      max_unsampled_gap_sec: 1,
      departures: 0,
      departures_scored: 0,
    },
    scene_count: 3,
    explicit_segments: explicit ? [{ start: 0.5, end: 1.5 }] : [],
    width: 320,
    height: 240,
    rotation: 0,
    codec: 'h264',
    timings_ms: { total: 1 },
  });
}
