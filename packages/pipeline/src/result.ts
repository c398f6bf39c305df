// The result of classifyVideo(): exactly the `result` of docs/http-api.md (snake_case, the
// consumer's names). The zod schema is the single definition; the CLI's and server's tests validate
// their output with it.

import { ExplicitnessSchema } from '@imajin/rubric';
import { z } from 'zod';

const unit = z.number().min(0).max(1);
const seconds = z.number().min(0);
const count = z.number().int().min(0);

export const ResultFrameSchema = z.strictObject({
  /** Position in `frames`. */
  index: count,
  /** Presentation time of the frame scored, seconds. */
  t: seconds,
  /** The explicit score (the photo path calls it nsfw). */
  nsfw: unit,
  suggestive: unit,
  quality: unit,
  explicitness: ExplicitnessSchema,
  /** The scene it falls in, numbered from 0. */
  scene: count,
  /** Taken for a departure (where the picture leaves the shot), or standing for one. */
  departure: z.boolean(),
});

export const SamplingReportSchema = z.strictObject({
  policy: z.enum(['scene-aware', 'forced']),
  band: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  candidates: count,
  deduplicated: count,
  max_unsampled_gap_sec: seconds,
  /** Departures the scan found: spans where the picture leaves the shot (inserts, dips). */
  departures: count,
  /** Of those, how many a scored frame stands for; fewer only when the band's max forced some out. */
  departures_scored: count,
});

export const ClassifyResultSchema = z
  .strictObject({
    is_explicit: z.boolean(),
    explicitness: ExplicitnessSchema,
    quality_score: unit,
    scene_tags: z.array(z.string()),
    frame_count: z.number().int().min(1),
    duration_sec: seconds,
    poster_frame_index: count,
    poster_b64: z.string().min(1),
    poster_key: z.null(),
    frames: z.array(ResultFrameSchema).min(1),
    rubric_version: z.string().min(1),
    rubric_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    scorer: z.string().regex(/^(model-boss|local):.+/),
    scorers: z.array(z.string()),
    sampling: SamplingReportSchema,
    scene_count: z.number().int().min(1),
    explicit_segments: z.array(z.strictObject({ start: seconds, end: seconds })),
    width: z.number().int().min(1),
    height: z.number().int().min(1),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    codec: z.string().min(1),
    timings_ms: z.record(z.string(), z.number().min(0)),
  })
  .superRefine((r, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (r.frame_count !== r.frames.length) problem('frame_count must equal frames.length');
    if (r.poster_frame_index >= r.frames.length)
      problem('poster_frame_index must point into frames');
    if (r.is_explicit !== (r.explicitness === 'explicit'))
      problem('is_explicit must mean explicitness == explicit');
    r.frames.forEach((f, i) => {
      if (f.index !== i) problem(`frames[${i}].index must be ${i}`);
      if (f.scene >= r.scene_count) problem(`frames[${i}].scene is past scene_count`);
    });
    if (r.explicit_segments.some((s) => s.end < s.start))
      problem('explicit segments must not end before they start');
    if (r.sampling.departures_scored > r.sampling.departures)
      problem('sampling.departures_scored must not exceed sampling.departures');
    if (r.is_explicit && r.explicit_segments.length === 0)
      problem('an explicit video must report a segment');
  });

export type ClassifyResult = z.infer<typeof ClassifyResultSchema>;
export type ResultFrame = z.infer<typeof ResultFrameSchema>;
