// One contract-valid result for every test that needs one (wire's schema tests, the client's
// loopback service, the server's fake engine). Plain JSON, not typed by @imajin/wire: the kit
// must not depend on wire or rubric, which use the kit; each caller parses it with its schema.

/** The rubric a result names (pass `RUBRIC` from @imajin/rubric). */
export interface RubricId {
  readonly version: string;
  readonly fingerprint: string;
}

/**
 * A three-frame, three-scene result that @imajin/wire's strict ClassifyResultSchema accepts:
 * safe, or with `explicit` frame 1 explicit and one explicit segment around it.
 */
export function sampleResult(rubric: RubricId, explicit = false) {
  const frames = [0, 1, 2].map((index) => ({
    index,
    t: index,
    nsfw: explicit && index === 1 ? 0.9 : 0.1,
    suggestive: 0.1,
    quality: 0.5,
    explicitness: explicit && index === 1 ? 'explicit' : 'sfw',
    scene: index,
    departure: false,
  }));
  return {
    is_explicit: explicit,
    explicitness: explicit ? 'explicit' : 'sfw',
    quality_score: 0.5,
    scene_tags: [] as string[],
    frame_count: frames.length,
    duration_sec: 3,
    poster_frame_index: 0,
    poster_b64: 'AAAA',
    poster_key: null,
    frames,
    rubric_version: rubric.version,
    rubric_fingerprint: rubric.fingerprint,
    scorer: 'model-boss:test',
    scorers: [] as string[],
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
  };
}
