import { z } from 'zod';
import { computeFingerprint } from './fingerprint.js';
import { EXPLICITNESS_LEVELS } from './types.js';

/** A probability or normalized score: a finite number in [0, 1]. */
export const UnitScoreSchema = z.number().min(0).max(1);

/** The semver 2.0 grammar (no leading zeros; optional pre-release and build parts). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * A label text. Printable ASCII without surrounding spaces, so that canonical JSON (and thus the
 * fingerprint) is byte-identical in every language and no tokenizer sees stray whitespace.
 */
const LabelTextSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, 'printable ASCII, no leading/trailing space')
  .describe('Exact text sent to model-boss; no template is added at call time.');

function dimension<const Id extends string>(id: Id) {
  return z
    .object({ id: z.literal(id), positive: LabelTextSchema, negative: LabelTextSchema })
    .describe(`The ${id} label pair: score = s(positive) / (s(positive) + s(negative)).`);
}

const ThresholdSchema = z.number().gt(0).max(1);

const sourceFields = z.object({
  name: z.string().min(1).max(100),
  version: z.string().regex(SEMVER, 'a semver version such as 1.2.3').describe('Rubric semver.'),
  model: z.string().min(1).max(200).describe('The model-boss model id the labels are written for.'),
  dimensions: z
    .tuple([dimension('explicit'), dimension('suggestive'), dimension('quality')])
    .describe('In model-boss order: labels go out as [e+, e-, s+, s-, q+, q-].'),
  thresholds: z
    .object({ explicit: ThresholdSchema, suggestive: ThresholdSchema })
    .describe(
      'A frame is explicit if explicit >= thresholds.explicit, else suggestive if ' +
        'suggestive >= thresholds.suggestive, else sfw.',
    ),
}).shape;

/** All six label texts must differ: a repeated text would make its pair meaningless. */
function labelsDistinct(
  rubric: { dimensions: readonly { positive: string; negative: string }[] },
  ctx: z.RefinementCtx,
) {
  const texts = rubric.dimensions.flatMap((d) => [d.positive, d.negative]);
  const duplicate = texts.find((text, i) => texts.indexOf(text) !== i);
  if (duplicate !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['dimensions'],
      message: `label "${duplicate}" appears twice`,
    });
  }
}

/** The hand-written rubric: everything in `rubric.json` except `fingerprint` and `$comment`. */
export const RubricSourceSchema = z.object(sourceFields).superRefine(labelsDistinct);

/**
 * The published artifact (`rubric.json`). Parsing also checks that `fingerprint` is the SHA-256
 * of the rest, so a hand-edited or corrupted artifact is refused.
 */
export const RubricArtifactSchema = z
  .object({
    $comment: z.string().describe('Says the file is generated and must not be edited.'),
    name: sourceFields.name,
    version: sourceFields.version,
    model: sourceFields.model,
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits')
      .describe('SHA-256 of the canonical JSON of this object without fingerprint and $comment.'),
    dimensions: sourceFields.dimensions,
    thresholds: sourceFields.thresholds,
  })
  .superRefine(labelsDistinct)
  .superRefine((artifact, ctx) => {
    const expected = computeFingerprint(artifact);
    if (artifact.fingerprint !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['fingerprint'],
        message: `fingerprint does not match the content (the content hashes to ${expected})`,
      });
    }
  })
  .meta({
    title: 'imajin classification rubric',
    description:
      'The single source of the labels and thresholds shared by the photo and video paths.',
  });

export type RubricArtifact = z.infer<typeof RubricArtifactSchema>;

export const ExplicitnessSchema = z.enum(EXPLICITNESS_LEVELS);

/** Six raw model-boss sigmoid scores, in label order. */
export const RawScoresSchema = z.array(UnitScoreSchema).length(6);

/** One frame's normalized scores and class (a `FrameVerdict`). */
export const FrameScoreSchema = z.object({
  explicit: UnitScoreSchema,
  suggestive: UnitScoreSchema,
  quality: UnitScoreSchema,
  explicitness: ExplicitnessSchema,
});

/** A video's aggregate verdict (a `VideoAggregate`). */
export const VideoAggregateSchema = z.object({
  explicitness: ExplicitnessSchema,
  is_explicit: z.boolean(),
  quality_score: UnitScoreSchema,
  poster_frame_index: z.number().int().min(0),
});
