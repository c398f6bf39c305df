// @imajin/pipeline: classifyVideo() and the parts it is made of.

export { DecodeError } from '@imajin/decoder-native';
export {
  type ClassifyResult,
  ClassifyResultSchema,
  type ResultFrame,
  ResultFrameSchema,
  SamplingReportSchema,
} from './result.js';
export { createScorer, type ScorerConfig } from './scorers/create.js';
