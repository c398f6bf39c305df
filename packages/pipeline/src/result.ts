// The result of classifyVideo() is the `result` of the HTTP contract: one schema, @imajin/wire's
// (strict, with its consistency checks). Re-exported so the pipeline's callers and tests keep
// one import.
export {
  type ClassifyResult,
  ClassifyResultSchema,
  type ResultFrame,
  ResultFrameSchema,
  type SamplingReport,
  SamplingReportSchema,
} from '@imajin/wire';
