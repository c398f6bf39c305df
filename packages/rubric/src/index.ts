/**
 * `@imajin/rubric`: the classification rubric shared by the photo and video paths — the generated
 * `RUBRIC` constant, label order, normalization, per-frame interpretation, video aggregation,
 * zod schemas and the fingerprint. Parity vectors and their runner: `@imajin/rubric/parity`.
 */
export { aggregateVideo } from './aggregate.js';
export { RubricInputError, type RubricInputProblem } from './errors.js';
export { canonicalJson, computeFingerprint } from './fingerprint.js';
export { RUBRIC, type Rubric } from './generated/rubric.js';
export { explicitnessRank, interpretFrame, scoreFrame } from './interpret.js';
export { labels, rawScoreNames } from './labels.js';
export { checkRubricPin, type RubricPinCheck } from './match.js';
export { normalizePair, normalizeScores } from './normalize.js';
export {
  ExplicitnessSchema,
  FrameScoreSchema,
  RawScoresSchema,
  type RubricArtifact,
  RubricArtifactSchema,
  RubricSourceSchema,
  UnitScoreSchema,
  VideoAggregateSchema,
} from './schema.js';
export {
  DIMENSION_IDS,
  type DimensionId,
  EXPLICITNESS_LEVELS,
  type Explicitness,
  type FrameVerdict,
  type NormalizedScores,
  type RubricDefinition,
  type RubricDimension,
  type RubricSource,
  type RubricThresholds,
  type VideoAggregate,
} from './types.js';
