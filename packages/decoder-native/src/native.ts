// The whole surface of the native binary (build/Release/imajin_decoder.node), in one place.
// Only loader.ts loads it and only index.ts calls it; arguments are checked before (args.ts).
import type { Departure, VideoInfo } from './types.js';

/** VideoInfo as the binary builds it (rotation not yet narrowed to a quarter turn). */
export type NativeVideoInfo = Omit<VideoInfo, 'rotation'> & { rotation: number };

export interface NativeSceneScan {
  info: NativeVideoInfo;
  durationSec: number;
  times: Float64Array;
  scores: Float32Array;
  cuts: number[];
  departures: Departure[];
  framesDecoded: number;
  chunks: number;
  captured: NativeCapturedFrames | null;
}

/** Frames a scan kept (native/core/frame_capture.h); the memory is native until release(). */
export interface NativeCapturedFrames {
  readonly times: Float64Array;
  readonly byteLength: number;
  take(indices: Uint32Array): Promise<NativeFrame[]>;
  release(): void;
}

export interface NativeFrame {
  t: number;
  width: number;
  height: number;
  data: Buffer;
}

/** All fields required: TS fills in the defaults. */
export interface NativeLimits {
  maxPixels: number;
  maxDurationSec: number;
  maxFrames: number;
  timeoutMs: number;
  maxInputBytes: number;
}

/** A cancellation flag shared with the worker thread. */
export interface NativeCancelToken {
  cancel(): void;
}

/**
 * How calls fail: the promise rejects with an Error carrying these. `reason` is a DecodeErrorCode
 * or 'LIBAV' (then `averror`, a libav error code, decides; see errors.ts).
 */
export interface NativeFailure extends Error {
  reason: string;
  averror: number;
  libavMessage?: string;
}

export interface LibraryVersion {
  built: string;
  loaded: string;
}

export interface NativeAddon {
  probe(
    input: Uint8Array | string,
    limits: NativeLimits,
    token: NativeCancelToken,
  ): Promise<NativeVideoInfo>;
  scanScenes(
    input: Uint8Array | string,
    limits: NativeLimits,
    token: NativeCancelToken,
    threshold: number,
    fast: boolean,
    captureMaxSide: number,
    captureMaxFrames: number,
    workers: number,
  ): Promise<NativeSceneScan>;
  grabFrames(
    input: Uint8Array | string,
    limits: NativeLimits,
    token: NativeCancelToken,
    times: Float64Array,
    maxSide: number,
  ): Promise<NativeFrame[]>;
  CancelToken: new () => NativeCancelToken;
  /** libavfilter is opened on first use: its `loaded` is 'not opened' until then, unless
   * `openAvfilter` (then 'missing' when it cannot be opened). */
  versions(openAvfilter?: boolean): {
    avformat: LibraryVersion;
    avcodec: LibraryVersion;
    avutil: LibraryVersion;
    swscale: LibraryVersion;
    avfilter: LibraryVersion;
    ffmpeg: string;
  };
}
