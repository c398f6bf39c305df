// @imajin/decoder-native: probe, scene scan and keyframe grab over the system's libav, in
// process and off the main thread. See README.md.
import {
  checkCapture,
  checkInput,
  checkMaxSide,
  checkSignal,
  checkThreshold,
  checkTimes,
  checkWorkers,
  DEFAULT_MAX_SIDE,
} from './args.js';
import { CapturedFrameSet } from './captured.js';
import { DecodeError, toDecodeError } from './errors.js';
import { resolveLimits } from './limits.js';
import { loadNative } from './loader.js';
import type { NativeAddon, NativeCancelToken, NativeVideoInfo } from './native.js';
import { scenesFromCuts } from './scenes.js';
import type {
  CallOptions,
  GrabOptions,
  RgbFrame,
  ScanOptions,
  SceneScan,
  VideoInfo,
  VideoInput,
} from './types.js';

export { codeForLibavError, DecodeError, type DecodeErrorCode, toDecodeError } from './errors.js';
export { DEFAULT_LIMITS, resolveLimits } from './limits.js';
export { NativeLoadError, type NativeLoadProblem } from './loader.js';
export { scenesFromCuts } from './scenes.js';
export type * from './types.js';

/** The default cut threshold on the 0..1 scene score scale (README, "Scene scan"). */
export const DEFAULT_SCENE_THRESHOLD = 0.3;
export { DEFAULT_CAPTURE_FRAMES, DEFAULT_MAX_SIDE } from './args.js';

/** libav as built against and as loaded, and FFmpeg's version string (libavfilter, otherwise
 * opened only for HDR frames, is opened to report it: 'missing' when it cannot be). */
export function libavVersions(): ReturnType<NativeAddon['versions']> {
  return loadNative().versions(true);
}

// Wires the AbortSignal to a native cancel flag for the call's life and maps every failure.
async function run<T>(
  signal: AbortSignal | undefined,
  call: (addon: NativeAddon, token: NativeCancelToken) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw new DecodeError('ABORTED', 'the call was aborted before it started');
  const addon = loadNative();
  const token = new addon.CancelToken();
  const onAbort = () => token.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await call(addon, token);
  } catch (err) {
    throw toDecodeError(err);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function videoInfo(info: NativeVideoInfo): VideoInfo {
  return { ...info, rotation: info.rotation as VideoInfo['rotation'] };
}

/** Stream facts from the headers (no decoding). */
export async function probe(input: VideoInput, opts: CallOptions = {}): Promise<VideoInfo> {
  const source = checkInput(input);
  checkSignal(opts.signal);
  const limits = resolveLimits(opts.limits);
  const info = await run(opts.signal, (addon, token) => addon.probe(source, limits, token));
  return videoInfo(info);
}

/**
 * One decode pass: a scene-change score per decoded frame, the cuts and the scenes, and with
 * `capture` the frames kept for keyframes on the way.
 */
export async function scanScenes(input: VideoInput, opts: ScanOptions = {}): Promise<SceneScan> {
  const source = checkInput(input);
  checkSignal(opts.signal);
  const threshold = checkThreshold(opts.threshold ?? DEFAULT_SCENE_THRESHOLD);
  const limits = resolveLimits(opts.limits);
  if (opts.fast !== undefined && typeof opts.fast !== 'boolean') {
    throw new DecodeError('INVALID_ARGUMENT', 'fast must be a boolean');
  }
  const fast = opts.fast ?? true;
  const [captureSide, captureFrames] = checkCapture(opts.capture);
  const workers = checkWorkers(opts.workers ?? 0);
  const scan = await run(opts.signal, (addon, token) =>
    addon.scanScenes(source, limits, token, threshold, fast, captureSide, captureFrames, workers),
  );
  return {
    info: videoInfo(scan.info),
    durationSec: scan.durationSec,
    times: scan.times,
    scores: scan.scores,
    threshold,
    cuts: scan.cuts,
    scenes: scenesFromCuts(scan.cuts, scan.durationSec),
    departures: scan.departures,
    framesDecoded: scan.framesDecoded,
    chunks: scan.chunks,
    captured: scan.captured ? new CapturedFrameSet(scan.captured) : null,
  };
}

/**
 * One RGB frame per requested time (seconds from the start of the video stream), in the order
 * asked: the last frame shown at or before that time (the first frame for earlier times).
 */
export async function grabFrames(
  input: VideoInput,
  times: readonly number[],
  opts: GrabOptions = {},
): Promise<RgbFrame[]> {
  const source = checkInput(input);
  const wanted = checkTimes(times);
  checkSignal(opts.signal);
  const maxSide = checkMaxSide(opts.maxSide ?? DEFAULT_MAX_SIDE);
  const limits = resolveLimits(opts.limits);
  if (wanted.length === 0) return [];
  return run(opts.signal, (addon, token) =>
    addon.grabFrames(source, limits, token, wanted, maxSide),
  );
}
