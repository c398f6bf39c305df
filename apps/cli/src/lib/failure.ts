import type { ErrorInfo } from '../types.js';

/**
 * The wire-level description of a per-input failure. Errors that already carry
 * `{error, error_code, retryable}` (the server's) keep it; file-system errors get their own
 * codes; everything else goes through the pipeline's `errorInfo` when it is loaded.
 */
export function describeFailure(
  err: unknown,
  pipelineErrorInfo?: (e: unknown) => ErrorInfo,
): ErrorInfo {
  if (isErrorInfo(err))
    return { error: err.error, error_code: err.error_code, retryable: err.retryable };
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT')
    return { error: messageOf(err), error_code: 'not_found', retryable: false };
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') {
    return { error: messageOf(err), error_code: 'unreadable', retryable: false };
  }
  if (pipelineErrorInfo) return pipelineErrorInfo(err);
  return { error: messageOf(err), error_code: 'internal', retryable: false };
}

function isErrorInfo(e: unknown): e is ErrorInfo {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.error === 'string' &&
    typeof o.error_code === 'string' &&
    typeof o.retryable === 'boolean'
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The wire rule for decoder errors (the decoder's code in lower case; only `timeout` is
 * retryable), for commands that load the decoder alone and not the pipeline.
 */
export function describeDecodeFailure(err: unknown): ErrorInfo {
  const e = err as {
    name?: unknown;
    code?: unknown;
    retryable?: unknown;
    message?: unknown;
  } | null;
  if (e?.name === 'DecodeError' && typeof e.code === 'string') {
    return {
      error: String(e.message),
      error_code: e.code.toLowerCase(),
      retryable: e.retryable === true,
    };
  }
  return describeFailure(err);
}
