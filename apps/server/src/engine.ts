// The seam between the HTTP/queue machinery and the video pipeline. Production wiring is
// engine-pipeline.ts (@imajin/pipeline's classifyVideo with a scorer built from config);
// tests may pass their own.

import type { ClassifyResult } from '@imajin/wire';
import type { JobOptions } from './jobs/options.js';

export interface VideoFacts {
  durationSec: number;
  frameRate: number;
}

export interface Engine {
  /** The scorer's name as results carry it ('model-boss:<model>' or 'local:<model>'). */
  readonly scorerName: string;
  /** Cheap stream facts, for the sync duration limit. Throws the decoder's DecodeError. */
  probe(video: Buffer, signal?: AbortSignal): Promise<VideoFacts>;
  /** Throws DecodeError, ScorerUnavailableError or ScorerRejectedError (recognised by name). */
  classify(
    video: Buffer,
    options: JobOptions,
    hooks?: { signal?: AbortSignal },
  ): Promise<ClassifyResult>;
  close(): Promise<void>;
}
