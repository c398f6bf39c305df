// The types the CLI shares with the packages it drives (their own definitions, re-exported).
export type { RgbFrame, SceneScan } from '@imajin/decoder-native';
export type {
  Band,
  ClassifyResult,
  ErrorInfo,
  Progress,
  Scorer,
  ScorerConfig,
} from '@imajin/pipeline';
export type { Explicitness } from '@imajin/rubric';
