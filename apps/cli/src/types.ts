// The parts of @imajin/decoder-native and @imajin/pipeline the CLI uses (see the agreed interfaces).
export type Explicitness = 'sfw' | 'suggestive' | 'explicit';

export interface Band {
  min: number;
  max: number;
}

export interface VideoInfo {
  container: string;
  codec: string;
  width: number;
  height: number;
  displayWidth: number;
  displayHeight: number;
  rotation: number;
  frameRate: number;
  durationSec: number;
}

export interface Scene {
  start: number;
  end: number;
}

export interface SceneScan {
  info: VideoInfo;
  durationSec: number;
  threshold: number;
  cuts: number[];
  scenes: Scene[];
  framesDecoded: number;
}

export interface RgbFrame {
  t: number;
  width: number;
  height: number;
  data: Buffer;
}

export interface DecoderApi {
  scanScenes(
    input: string,
    opts?: { threshold?: number; signal?: AbortSignal },
  ): Promise<SceneScan>;
  grabFrames(
    input: string,
    times: readonly number[],
    opts?: { maxSide?: number; signal?: AbortSignal },
  ): Promise<RgbFrame[]>;
}

export interface Scorer {
  readonly name: string;
  score(frame: { jpeg: Buffer; rgb: RgbFrame }, signal?: AbortSignal): Promise<number[]>;
  close(): Promise<void>;
}

export type ScorerConfig = { kind: 'local' } | { kind: 'model-boss'; url: string };

export interface FrameResult {
  index: number;
  t: number;
  nsfw: number;
  suggestive: number;
  quality: number;
  explicitness: Explicitness;
  scene: number;
}

export interface ClassifyResult {
  is_explicit: boolean;
  explicitness: Explicitness;
  quality_score: number;
  scene_tags: string[];
  frame_count: number;
  duration_sec: number;
  poster_frame_index: number;
  poster_b64: string;
  poster_key: null;
  frames: FrameResult[];
  rubric_version: string;
  rubric_fingerprint: string;
  scorer: string;
  scorers: string[];
  sampling: {
    policy: string;
    band: Band;
    candidates: number;
    deduplicated: number;
    max_unsampled_gap_sec: number;
  };
  scene_count: number;
  explicit_segments: Scene[];
  width: number;
  height: number;
  rotation: number;
  codec: string;
  timings_ms: Record<string, number>;
}

export type Progress =
  | { stage: 'decode' }
  | { stage: 'sample'; frames: number }
  | { stage: 'score'; done: number; total: number }
  | { stage: 'done' };

export interface ClassifyOptions {
  scorer: Scorer;
  keyframes?: number | null;
  band?: Band;
  threshold?: number;
}

export interface ErrorInfo {
  error: string;
  error_code: string;
  retryable: boolean;
}

export interface PipelineApi {
  createScorer(cfg: ScorerConfig): Scorer;
  classifyVideo(
    input: string,
    options: ClassifyOptions,
    hooks?: { signal?: AbortSignal; onProgress?: (p: Progress) => void },
  ): Promise<ClassifyResult>;
  planKeyframes(
    scan: SceneScan,
    opts: { keyframes?: number | null; band?: Band },
  ): { times: number[]; scenes: number[]; candidates: number };
  errorInfo(err: unknown): ErrorInfo;
}
