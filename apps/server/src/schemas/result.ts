// The `result` of a finished job, exactly docs/http-api.md's (snake_case). Used for the
// OpenAPI document and, in tests, to check that what the pipeline returns is what we promise.
import { z } from '@hono/zod-openapi';

export const ExplicitnessSchema = z.enum(['sfw', 'suggestive', 'explicit']).openapi('Explicitness');

const unit = z.number().min(0).max(1);
const seconds = z.number().min(0);
const count = z.number().int().min(0);

export const FrameSchema = z
  .object({
    index: count.describe('position in `frames`'),
    t: seconds.describe('presentation time, seconds'),
    nsfw: unit.describe('the explicit score'),
    suggestive: unit,
    quality: unit,
    explicitness: ExplicitnessSchema,
    scene: count.describe('scene number, from 0'),
    departure: z
      .boolean()
      .describe('taken for a departure (where the picture leaves the shot), or standing for one'),
  })
  .openapi('Frame');

export const ClassifyResultSchema = z
  .object({
    is_explicit: z.boolean(),
    explicitness: ExplicitnessSchema.describe('the highest frame verdict (MAX aggregation)'),
    quality_score: unit.describe('max over frames'),
    scene_tags: z.array(z.string()).describe('[] in v1'),
    frame_count: count.describe('= frames.length, the frames scored'),
    duration_sec: seconds,
    poster_frame_index: count.describe('a position in `frames`'),
    poster_b64: z.string().describe('the poster still, base64 JPEG'),
    poster_key: z.null(),
    frames: z.array(FrameSchema),
    rubric_version: z.string(),
    rubric_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    scorer: z.string().describe("'model-boss:<model>' or 'local:<model>'"),
    scorers: z.array(z.string()).describe('the request’s `scorers`, echoed'),
    sampling: z.object({
      policy: z.enum(['scene-aware', 'forced']),
      band: z.object({ min: count, max: count }),
      candidates: count,
      deduplicated: count,
      max_unsampled_gap_sec: seconds,
      departures: count.describe('spans where the picture leaves the shot (inserts, dips)'),
      departures_scored: count.describe('departures a scored frame stands for'),
    }),
    scene_count: count,
    explicit_segments: z.array(z.object({ start: seconds, end: seconds })),
    width: count.describe('as displayed, after rotation'),
    height: count,
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    codec: z.string(),
    timings_ms: z.record(z.string(), z.number()),
  })
  .refine((r) => r.frame_count === r.frames.length, {
    message: 'frame_count must equal frames.length',
  })
  .refine((r) => r.frames.length === 0 || r.poster_frame_index < r.frames.length, {
    message: 'poster_frame_index must be a position in frames',
  })
  .openapi('ClassifyResult');

export type ClassifyResult = z.infer<typeof ClassifyResultSchema>;
