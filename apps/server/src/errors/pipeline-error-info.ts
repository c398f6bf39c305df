// The pipeline's wire mapping for its own errors: the decoder's code lower-cased (`timeout`
// retryable), scorer_unavailable (retryable), scorer_rejected; anything else is internal.
// TEMPORARY local mirror of @imajin/pipeline's errorInfo until that package lands.
export function pipelineErrorInfo(err: unknown): {
  error: string;
  error_code: string;
  retryable: boolean;
} {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (e.name === 'DecodeError' && typeof e.code === 'string') {
    return { error: message, error_code: e.code.toLowerCase(), retryable: e.code === 'TIMEOUT' };
  }
  if (e.name === 'ScorerUnavailableError')
    return { error: message, error_code: 'scorer_unavailable', retryable: true };
  if (e.name === 'ScorerRejectedError')
    return { error: message, error_code: 'scorer_rejected', retryable: false };
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return { error: message || 'aborted', error_code: 'aborted', retryable: true };
  return { error: message, error_code: 'internal', retryable: false };
}
