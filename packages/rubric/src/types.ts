/** The three explicitness classes, from least to most explicit. */
export const EXPLICITNESS_LEVELS = ['sfw', 'suggestive', 'explicit'] as const;

/** A frame's or a video's explicitness class. */
export type Explicitness = (typeof EXPLICITNESS_LEVELS)[number];

/** The ids of the rubric's dimensions, in model-boss order. */
export const DIMENSION_IDS = ['explicit', 'suggestive', 'quality'] as const;

export type DimensionId = (typeof DIMENSION_IDS)[number];

/** One contrastive label pair: the model scores both texts and the pair is normalized. */
export interface RubricDimension<Id extends DimensionId = DimensionId> {
  readonly id: Id;
  /** The text describing the property (exactly what model-boss receives). */
  readonly positive: string;
  /** The text describing its absence (exactly what model-boss receives). */
  readonly negative: string;
}

/** Normalized-score thresholds; a frame reaches a class when its score is `>=` the threshold. */
export interface RubricThresholds {
  readonly explicit: number;
  readonly suggestive: number;
}

/** The hand-written part of a rubric: everything except its fingerprint. */
export interface RubricSource {
  readonly name: string;
  /** Semver of the rubric's content (labels, thresholds, model), not of the npm package. */
  readonly version: string;
  /** The model-boss model id the labels are written for. */
  readonly model: string;
  readonly dimensions: readonly [
    RubricDimension<'explicit'>,
    RubricDimension<'suggestive'>,
    RubricDimension<'quality'>,
  ];
  readonly thresholds: RubricThresholds;
}

/** A complete rubric, structurally: the source plus its fingerprint (see `computeFingerprint`). */
export interface RubricDefinition extends RubricSource {
  /** Lowercase hex SHA-256 of the canonical JSON of everything else. */
  readonly fingerprint: string;
}

/** The three normalized scores of one frame, each in [0, 1]. */
export interface NormalizedScores {
  /** `explicit+ / (explicit+ + explicit−)`; reported per frame as `nsfw`. */
  explicit: number;
  suggestive: number;
  quality: number;
}

/** One frame's normalized scores and the class they mean under the rubric's thresholds. */
export interface FrameVerdict extends NormalizedScores {
  explicitness: Explicitness;
}

/** The verdict for a whole video, in the HTTP result's snake_case names. */
export interface VideoAggregate {
  /** The most explicit frame's class (MAX: one explicit frame makes the video explicit). */
  explicitness: Explicitness;
  /** `explicitness === 'explicit'`. */
  is_explicit: boolean;
  /** The highest quality score over all frames. */
  quality_score: number;
  /** Position in the frames array of the frame to use as the poster. */
  poster_frame_index: number;
}
