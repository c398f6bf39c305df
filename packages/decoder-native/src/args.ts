// Argument checks, all before the addon is called: a bad argument is INVALID_ARGUMENT, never
// a native surprise.
import { DecodeError } from './errors.js';
import type { VideoInput } from './types.js';

export const DEFAULT_MAX_SIDE = 640;
/** Frames a scan keeps at most when asked to capture (ScanOptions.capture). */
export const DEFAULT_CAPTURE_FRAMES = 160;
export const MAX_GRAB_TIMES = 10_000;

function invalid(message: string): DecodeError {
  return new DecodeError('INVALID_ARGUMENT', message);
}

export function checkInput(input: VideoInput): Uint8Array | string {
  if (typeof input === 'string') {
    if (input.length === 0 || input.includes('\0'))
      throw invalid('input path must be a non-empty string without NUL bytes');
    return input;
  }
  if (input instanceof Uint8Array) return input; // a Buffer is a Uint8Array
  throw invalid('input must be a Buffer, a Uint8Array or a file path');
}

export function checkSignal(signal: AbortSignal | undefined): void {
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw invalid('signal must be an AbortSignal');
}

export function checkThreshold(threshold: number): number {
  if (
    typeof threshold !== 'number' ||
    !Number.isFinite(threshold) ||
    threshold <= 0 ||
    threshold > 1
  ) {
    throw invalid('threshold must be a number in (0, 1]');
  }
  return threshold;
}

export function checkWorkers(workers: number): number {
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw invalid('workers must be an integer from 0 (one per core) to 64');
  }
  return workers;
}

export function checkMaxSide(maxSide: number): number {
  if (!Number.isInteger(maxSide) || maxSide < 16 || maxSide > 8192) {
    throw invalid('maxSide must be an integer from 16 to 8192');
  }
  return maxSide;
}

export function checkTimes(times: readonly number[]): Float64Array {
  if (!Array.isArray(times)) throw invalid('times must be an array of seconds');
  if (times.length > MAX_GRAB_TIMES) throw invalid(`at most ${MAX_GRAB_TIMES} times per call`);
  for (const t of times) {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw invalid('each time must be a finite number of seconds >= 0');
    }
  }
  return Float64Array.from(times);
}

/** [maxSide, maxFrames] for the addon; [0, 0] when nothing is to be captured. */
export function checkCapture(capture: unknown): [number, number] {
  if (capture === undefined || capture === false) return [0, 0];
  if (capture === true) return [DEFAULT_MAX_SIDE, DEFAULT_CAPTURE_FRAMES];
  if (typeof capture !== 'object' || capture === null) {
    throw invalid('capture must be a boolean or { maxSide?, maxFrames? }');
  }
  const { maxSide, maxFrames } = capture as { maxSide?: unknown; maxFrames?: unknown };
  const side = checkMaxSide((maxSide ?? DEFAULT_MAX_SIDE) as number);
  const frames = maxFrames ?? DEFAULT_CAPTURE_FRAMES;
  if (!Number.isInteger(frames) || (frames as number) < 2 || (frames as number) > 10_000) {
    throw invalid('capture.maxFrames must be an integer from 2 to 10000');
  }
  return [side, frames as number];
}
