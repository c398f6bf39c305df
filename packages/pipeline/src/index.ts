// @imajin/pipeline: classifyVideo() and the parts it is made of.

export { DecodeError } from '@imajin/decoder-native';
export {
  type ClassifyHooks,
  type ClassifyOptions,
  classifyVideo,
  type Progress,
} from './classify/classify.js';
export { type GrabbedKeyframes, grabKeyframes } from './classify/grab-keyframes.js';
export { MAX_KEYFRAMES } from './classify/keyframe-limit.js';
export { type SelectedFrames, selectFrames } from './classify/select-frames.js';
export { type ErrorInfo, errorInfo } from './error-info.js';
export { ScorerRejectedError, ScorerUnavailableError } from './errors.js';
export {
  type ClassifyResult,
  ClassifyResultSchema,
  type ResultFrame,
  ResultFrameSchema,
  SamplingReportSchema,
} from './result.js';
export {
  type Band,
  DEFAULT_BAND,
  DEFAULT_MAX_GAP_SEC,
  type SamplingOptions,
} from './sampling/band.js';
export { type KeyframePicks, MAX_SHIFT_SEC, pickCaptured } from './sampling/captured.js';
export { type KeyframePlan, planKeyframes } from './sampling/plan.js';
export { explicitSegments } from './sampling/segments.js';
export {
  type DepartureSpan,
  maxUnsampledGap,
  type SceneList,
  type SceneSpan,
} from './sampling/timeline.js';
// An abortable sleep: the CLI's server client waits with the same one.
export { sleep } from './scorers/backoff.js';
export { createScorer, type ScorerConfig } from './scorers/create.js';
export {
  createLocalScorer,
  LOCAL_MODEL_ID,
  type LocalScorerConfig,
  localRawScores,
} from './scorers/local.js';
export { createModelBossScorer, type ModelBossConfig } from './scorers/model-boss.js';
export { frameQuality, type QualityFactors } from './scorers/quality.js';
export type { RgbFrameLike, ScoreInput, Scorer, ScorerLogger } from './scorers/scorer.js';
