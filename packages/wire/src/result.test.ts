import { RUBRIC } from '@imajin/rubric';
import { describe, expect, it } from 'vitest';
import { type ClassifyResult, ClassifyResultReadSchema, ClassifyResultSchema } from './result.js';

function sample(): ClassifyResult {
  const frames = [0, 1, 2].map((index) => ({
    index,
    t: index,
    nsfw: index === 1 ? 0.9 : 0.1,
    suggestive: 0.1,
    quality: 0.5,
    explicitness: index === 1 ? ('explicit' as const) : ('sfw' as const),
    scene: index,
    departure: false,
  }));
  return {
    is_explicit: true,
    explicitness: 'explicit',
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
    scorer: 'model-boss:siglip2',
    scorers: [],
    sampling: {
      policy: 'scene-aware',
      band: { min: 3, max: 16 },
      candidates: 3,
      deduplicated: 0,
      max_unsampled_gap_sec: 1,
      departures: 1,
      departures_scored: 1,
    },
    scene_count: 3,
    explicit_segments: [{ start: 0.5, end: 1.5 }],
    width: 320,
    height: 240,
    rotation: 0,
    codec: 'h264',
    timings_ms: { total: 1 },
  };
}

describe('ClassifyResultSchema', () => {
  it('accepts a consistent result', () => {
    expect(ClassifyResultSchema.parse(sample())).toEqual(sample());
  });

  const broken: [string, (r: ClassifyResult) => void, RegExp][] = [
    [
      'frame_count',
      (r) => {
        r.frame_count = 2;
      },
      /frame_count must equal/,
    ],
    [
      'poster index',
      (r) => {
        r.poster_frame_index = 3;
      },
      /poster_frame_index/,
    ],
    [
      'is_explicit',
      (r) => {
        r.is_explicit = false;
      },
      /is_explicit must mean/,
    ],
    [
      'frame index',
      (r) => {
        (r.frames[2] as { index: number }).index = 7;
      },
      /frames\[2\]/,
    ],
    [
      'scene',
      (r) => {
        (r.frames[0] as { scene: number }).scene = 3;
      },
      /past scene_count/,
    ],
    [
      'segment',
      (r) => {
        r.explicit_segments = [{ start: 2, end: 1 }];
      },
      /end before/,
    ],
    [
      'departures',
      (r) => {
        r.sampling.departures_scored = 2;
      },
      /must not exceed/,
    ],
    [
      'no segment',
      (r) => {
        r.explicit_segments = [];
      },
      /must report a segment/,
    ],
  ];
  for (const [what, breakIt, message] of broken) {
    it(`refuses an inconsistent ${what} (strict and lenient alike)`, () => {
      const r = sample();
      breakIt(r);
      for (const schema of [ClassifyResultSchema, ClassifyResultReadSchema]) {
        const parsed = schema.safeParse(r);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.message).toMatch(message);
      }
    });
  }

  it('refuses an unknown field when strict; the read schema drops it', () => {
    const r = { ...sample(), new_field: 1, frames: sample().frames.map((f) => ({ ...f, x: 1 })) };
    expect(ClassifyResultSchema.safeParse(r).success).toBe(false);
    expect(ClassifyResultReadSchema.parse(r)).toEqual(sample());
  });
});
