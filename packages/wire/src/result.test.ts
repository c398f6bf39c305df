import { RUBRIC } from '@imajin/rubric';
import { sampleResult } from '@imajin/test-kit';
import { describe, expect, it } from 'vitest';
import { type ClassifyResult, ClassifyResultReadSchema, ClassifyResultSchema } from './result.js';

/** The kit's explicit sample (frame 1 explicit, one segment), typed by the strict schema. */
function sample(): ClassifyResult {
  return ClassifyResultSchema.parse(sampleResult(RUBRIC, true));
}

describe('ClassifyResultSchema', () => {
  it('accepts a consistent result as it is', () => {
    const raw = sampleResult(RUBRIC, true);
    expect(ClassifyResultSchema.parse(raw)).toEqual(raw);
    const safe = sampleResult(RUBRIC);
    expect(ClassifyResultSchema.parse(safe)).toEqual(safe);
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
