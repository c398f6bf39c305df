// DecodeError: the one error every call rejects with. Recognised by `instanceof` or by
// `name === 'DecodeError'` (prototypes do not survive worker threads or job queues).
import type { NativeFailure } from './native.js';

export type DecodeErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'NO_VIDEO_STREAM'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_CODEC'
  | 'CORRUPT_INPUT'
  | 'TRUNCATED'
  | 'TOO_LARGE'
  | 'TOO_LONG'
  | 'TOO_MANY_FRAMES'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'INTERNAL';

const CODES: ReadonlySet<string> = new Set<DecodeErrorCode>([
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'NO_VIDEO_STREAM',
  'UNSUPPORTED_FORMAT',
  'UNSUPPORTED_CODEC',
  'CORRUPT_INPUT',
  'TRUNCATED',
  'TOO_LARGE',
  'TOO_LONG',
  'TOO_MANY_FRAMES',
  'TIMEOUT',
  'ABORTED',
  'INTERNAL',
]);

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly code: DecodeErrorCode;
  /** What libav said (its last logged error, or its text for the error code), when it spoke. */
  readonly libavMessage?: string;
  /** The libav error code behind the failure, when there was one. */
  readonly averror?: number;
  /** True only for TIMEOUT: the same call may succeed with more time or less load. */
  readonly retryable: boolean;

  constructor(
    code: DecodeErrorCode,
    message: string,
    details: { libavMessage?: string; averror?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = code === 'TIMEOUT';
    if (details.libavMessage) this.libavMessage = details.libavMessage;
    if (details.averror) this.averror = details.averror;
  }
}

// libav error codes (FFERRTAG and AVERROR(errno) on Linux) and what they mean for a caller.
const LIBAV_CODES: ReadonlyMap<number, DecodeErrorCode> = new Map([
  [-1094995529, 'CORRUPT_INPUT'], // AVERROR_INVALIDDATA
  [-541478725, 'TRUNCATED'], // AVERROR_EOF where more was expected
  [-1128613112, 'UNSUPPORTED_CODEC'], // AVERROR_DECODER_NOT_FOUND
  [-1296385272, 'UNSUPPORTED_FORMAT'], // AVERROR_DEMUXER_NOT_FOUND
  [-1163346256, 'UNSUPPORTED_CODEC'], // AVERROR_PATCHWELCOME: a feature libav does not implement
  [-1414092869, 'ABORTED'], // AVERROR_EXIT
  [-12, 'TOO_LARGE'], // AVERROR(ENOMEM): over the allocation cap
  [-2, 'NOT_FOUND'], // AVERROR(ENOENT)
]);

/** Maps a libav error code to a DecodeErrorCode (INTERNAL when it means nothing more specific). */
export function codeForLibavError(averror: number): DecodeErrorCode {
  return LIBAV_CODES.get(averror) ?? 'INTERNAL';
}

function isNativeFailure(err: unknown): err is NativeFailure {
  return err instanceof Error && typeof (err as Partial<NativeFailure>).reason === 'string';
}

/** The one error factory: whatever a native call threw or rejected with, as a DecodeError. */
export function toDecodeError(err: unknown): DecodeError {
  if (err instanceof DecodeError) return err;
  if (isNativeFailure(err)) {
    const code: DecodeErrorCode = CODES.has(err.reason)
      ? (err.reason as DecodeErrorCode)
      : codeForLibavError(err.averror);
    return new DecodeError(code, err.message, {
      ...(err.libavMessage ? { libavMessage: err.libavMessage } : {}),
      averror: err.averror,
    });
  }
  if (err instanceof TypeError)
    return new DecodeError('INVALID_ARGUMENT', err.message, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new DecodeError('INTERNAL', `unexpected failure in the decoder: ${message}`, {
    cause: err,
  });
}
