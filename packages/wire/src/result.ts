// The `result` of a finished job (docs/http-api.md, "The result"), snake_case as the consumer
// names it. The pipeline builds it, the server stores and answers it, the client reads it: all
// against this one schema, with its consistency checks.
import { ExplicitnessSchema as RubricExplicitness } from '@imajin/rubric';
import { z } from 'zod';

export const ExplicitnessSchema = RubricExplicitness.meta({
  id: 'Explicitness',
  description: 'sfw | suggestive | explicit',
});

const unit = z.number().min(0).max(1);
const seconds = z.number().min(0);
const count = z.number().int().min(0);

/** Strict (unknown keys refused: what we send) or lenient (unknown keys dropped: what we read). */
type Objects = typeof z.strictObject;
const shapes = (object: Objects, name: (id: string) => { id?: string }) => {
  const frame = object({
    index: count.describe('position in `frames`'),
    t: seconds.describe('presentation time of the frame scored, seconds'),
    nsfw: unit.describe('the explicit score (the photo path calls it nsfw)'),
    suggestive: unit,
    quality: unit,
    explicitness: ExplicitnessSchema,
    scene: count.describe('the scene it falls in, numbered from 0'),
    departure: z
      .boolean()
      .describe('taken for a departure (where the picture leaves the shot), or standing for one'),
  }).meta(name('Frame'));
  const sampling = object({
    policy: z.enum(['scene-aware', 'forced']),
    band: object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
    candidates: count,
    deduplicated: count,
    max_unsampled_gap_sec: seconds,
    departures: count.describe('spans where the picture leaves the shot (inserts, dips)'),
    departures_scored: count.describe(
      'departures a scored frame stands for; fewer only when the band maximum forced some out',
    ),
  }).meta(name('SamplingReport'));
  const result = object({
    is_explicit: z.boolean().describe('explicitness == explicit'),
    explicitness: ExplicitnessSchema.describe('the highest frame verdict (MAX aggregation)'),
    quality_score: unit.describe('the best frame’s quality'),
    scene_tags: z.array(z.string()).describe('[] in v1'),
    frame_count: z.number().int().min(1).describe('= frames.length, the frames scored'),
    duration_sec: seconds,
    poster_frame_index: count.describe('a position in `frames`'),
    poster_b64: z.string().min(1).describe('the poster still, base64 JPEG'),
    poster_key: z.null(),
    frames: z.array(frame).min(1),
    rubric_version: z.string().min(1),
    rubric_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    scorer: z
      .string()
      .regex(/^(model-boss|local):.+/)
      .describe("'model-boss:<model>' or 'local:<model>'"),
    scorers: z.array(z.string()).describe('the request’s `scorers`, echoed'),
    sampling,
    scene_count: z.number().int().min(1),
    explicit_segments: z.array(object({ start: seconds, end: seconds })),
    width: z.number().int().min(1).describe('as displayed, after rotation'),
    height: z.number().int().min(1),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    codec: z.string().min(1),
    timings_ms: z.record(z.string(), z.number().min(0)),
  });
  return { frame, sampling, result };
};

type ResultShape = z.infer<ReturnType<typeof shapes>['result']>;

/** The consistency checks every producer and reader of a result applies. */
function checkResult(r: ResultShape, ctx: z.RefinementCtx): void {
  const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
  if (r.frame_count !== r.frames.length) problem('frame_count must equal frames.length');
  if (r.poster_frame_index >= r.frames.length) problem('poster_frame_index must point into frames');
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
}

// Only the strict schemas are named: they are the OpenAPI document's components.
const strict = shapes(z.strictObject, (id) => ({ id }));
const lenient = shapes(z.object as unknown as Objects, () => ({}));

export const ResultFrameSchema = strict.frame;
export const SamplingReportSchema = strict.sampling;

/** Exactly the contract: no unknown field, every consistency check. What the server answers. */
export const ClassifyResultSchema = strict.result
  .superRefine(checkResult)
  .meta({ id: 'ClassifyResult' });

/**
 * The same checks, but fields this version does not know are dropped instead of refused, so a
 * client keeps reading the results of a newer server that added one.
 */
export const ClassifyResultReadSchema = lenient.result.superRefine(checkResult);

export type ClassifyResult = z.infer<typeof ClassifyResultSchema>;
export type ResultFrame = z.infer<typeof ResultFrameSchema>;
export type SamplingReport = z.infer<typeof SamplingReportSchema>;
