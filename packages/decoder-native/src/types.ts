// The public types of @imajin/decoder-native (described in the README).

/** Bytes of a video (kept referenced, never copied, for the call's life), or a file path. */
export type VideoInput = Buffer | Uint8Array | string;

/** Bounds on one call. Every field is enforced in the native decode loop. */
export interface DecodeLimits {
  /** Pixels per frame (width x height), checked in the header and by libav at allocation. */
  maxPixels: number;
  /** Seconds of video; the header's claim and every packet's time are checked. */
  maxDurationSec: number;
  /** Frames in the video stream (counted as packets, including frames a fast scan skips). */
  maxFrames: number;
  /** Wall-clock budget of the call from the moment it is made; over it: TIMEOUT. */
  timeoutMs: number;
  /** Bytes of input. */
  maxInputBytes: number;
}

export interface VideoInfo {
  /** libav's demuxer name, as ffprobe's `format_name` (e.g. `mov,mp4,m4a,3gp,3g2,mj2`). */
  container: string;
  /** As ffprobe's `codec_name` (`h264`, `hevc`, ...). */
  codec: string;
  /** Coded size of a decoded frame. */
  width: number;
  height: number;
  /** As displayed: after the sample aspect ratio (stretched, never shrunk) and the rotation. */
  displayWidth: number;
  displayHeight: number;
  /** Clockwise degrees applied to make the picture upright (from the display matrix). */
  rotation: 0 | 90 | 180 | 270;
  sampleAspectRatio: number;
  /** Average frame rate; 0 when unknown. */
  frameRate: number;
  /** As the header declares it; `SceneScan.durationSec` is the measured one. */
  durationSec: number;
  /** From the header; null when it does not say. */
  frameCount: number | null;
  bitDepth: number;
  hdrTransfer: 'pq' | 'hlg' | null;
  /** libav pixel format name, '' when unknown. */
  pixelFormat: string;
  hasAudio: boolean;
}

/** Seconds, presentation time from the start of the video stream. */
export interface Scene {
  start: number;
  end: number;
}

/**
 * A span where the picture leaves the shot and comes back (an insert of another picture, however
 * short or flat), drops to a low-texture picture (flat, dark), or shows a third picture inside one
 * transition: a place the MAX gate must look at, whatever the cuts say. Seconds.
 */
export interface Departure {
  /** The first departed frame. */
  start: number;
  /** The first frame back (or the end of the video). */
  end: number;
  /** The frame that differs most from the shot around it (start <= peak < end). */
  peak: number;
}

export interface SceneScan {
  info: VideoInfo;
  /** Measured from the packets read (never the header's claim). */
  durationSec: number;
  /** Per scored (decoded) frame: its presentation time in seconds... */
  times: Float64Array;
  /** ...and its scene-change score in [0, 1] (see README "Scene scan" for the scale). */
  scores: Float32Array;
  /** The threshold the cuts were found at. */
  threshold: number;
  /** Seconds, ascending, one per transition: a hard cut at its first new frame, a gradual one near its middle. */
  cuts: number[];
  /** Cover [0, durationSec]; scenes.length === cuts.length + 1. */
  scenes: Scene[];
  /** Ascending, not overlapping; independent of the cuts (README, "Departures"). */
  departures: Departure[];
  /** Frames the decoder(s) produced, including the few a chunked scan decodes twice. */
  framesDecoded: number;
  /** Parts of the video decoded side by side (ScanOptions.workers); 1 for one pass. */
  chunks: number;
  /** Frames kept during the scan when `capture` was asked for, else null. */
  captured: CapturedFrames | null;
}

/**
 * Frames kept during a scan (ScanOptions.capture), so keyframes need no second decode: the first
 * decoded frame in each slot of an even time grid whose spacing doubles whenever more than
 * `maxFrames` would be held. Held downscaled in native memory until `release()` (or garbage
 * collection); converted to RGB, like grabFrames' frames, only when taken.
 */
export interface CapturedFrames {
  /** The real presentation times of the frames held, ascending, seconds. */
  readonly times: Float64Array;
  /** Native memory held, bytes. */
  readonly byteLength: number;
  /** The index of the held frame nearest `t` within [lo, hi], or -1 when none lies there. */
  nearest(t: number, lo: number, hi: number): number;
  /** RGB frames for these indices (of `times`), in the order asked. */
  take(indices: readonly number[]): Promise<RgbFrame[]>;
  /** Frees the native memory now; take() fails afterwards. */
  release(): void;
}

/** Packed RGB24 (width * height * 3 bytes), upright, square pixels, 8-bit SDR. */
export interface RgbFrame {
  /** The real presentation time of this frame, seconds from the start of the video stream. */
  t: number;
  width: number;
  height: number;
  data: Buffer;
}

export interface CallOptions {
  signal?: AbortSignal;
  limits?: Partial<DecodeLimits>;
}

export interface ScanOptions extends CallOptions {
  /** Cut threshold on the score's 0..1 scale (default DEFAULT_SCENE_THRESHOLD). */
  threshold?: number;
  /**
   * Skip non-reference frames and the loop filter while scanning (default true). Faster; hard
   * cuts are still placed within the frames skipped (at most 3 with common encoder settings).
   */
  fast?: boolean;
  /**
   * Keep frames during the scan for keyframes (SceneScan.captured): true for the defaults
   * (long side 640, at most 160 frames), or a long side and a frame count. Off by default.
   * In fast mode the frames kept are decoded without the loop filter (README, "Captured frames").
   */
  capture?: boolean | { maxSide?: number; maxFrames?: number };
  /**
   * Decoders run side by side by a fast scan of an MP4/MOV, each on its own chunk of the video
   * (README, "Parallel scan"): 0 (default) one per core, at most 4; 1 a single decoder with
   * libav's own threads (the only way for other containers, exact decoding and short videos).
   * The result is the same either way.
   */
  workers?: number;
}

export interface GrabOptions extends CallOptions {
  /** Longest side of the returned frames in pixels (default 640); frames are never upscaled. */
  maxSide?: number;
}
