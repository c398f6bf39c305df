// The scorer interface: one frame in, the rubric's six raw scores out.

/** A decoded frame as the decoder returns it: packed RGB24, upright, square pixels. */
export interface RgbFrameLike {
  t: number;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface ScoreInput {
  /** The frame as a JPEG (what model-boss is sent). */
  jpeg: Buffer;
  /** The same frame's pixels (what the local scorer reads). */
  rgb: RgbFrameLike;
}

export interface Scorer {
  /** 'model-boss:<model id>' or 'local:<model id>'; echoed in every result. */
  readonly name: string;
  /**
   * Six raw scores in the rubric's label order ([explicit+, explicit−, suggestive+,
   * suggestive−, quality+, quality−]). Rejects with ScorerUnavailableError (retry later) or
   * ScorerRejectedError (our bug), or the signal's reason when aborted.
   */
  score(frame: ScoreInput, signal?: AbortSignal): Promise<number[]>;
  /** Releases what the scorer holds (workers, sockets). */
  close(): Promise<void>;
}

export interface ScorerLogger {
  warn(message: string): void;
  error(message: string): void;
}
