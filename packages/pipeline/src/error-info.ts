// The wire-level mapping of any error to `{ error, error_code, retryable }`
// (docs/http-api.md, "Errors").

export interface ErrorInfo {
  error: string;
  error_code: string;
  retryable: boolean;
}

function field(err: object, key: string): unknown {
  return (err as Record<string, unknown>)[key];
}

export function errorInfo(err: unknown): ErrorInfo {
  if (typeof err !== 'object' || err === null) {
    return { error: String(err), error_code: 'internal', retryable: false };
  }
  const name = field(err, 'name');
  const message = typeof field(err, 'message') === 'string' ? String(field(err, 'message')) : '';
  const code = field(err, 'code');
  if (name === 'DecodeError' && typeof code === 'string') {
    // The decoder's own code, lower-cased; only a decode timeout is worth retrying.
    return { error: message, error_code: code.toLowerCase(), retryable: code === 'TIMEOUT' };
  }
  if (name === 'ScorerUnavailableError') {
    return { error: message, error_code: 'scorer_unavailable', retryable: true };
  }
  if (name === 'ScorerRejectedError') {
    return { error: message, error_code: 'scorer_rejected', retryable: false };
  }
  if (name === 'AbortError' || name === 'TimeoutError') {
    // Cancelled by the caller (shutdown, client gone): the job itself did not fail.
    return { error: message || 'aborted', error_code: 'aborted', retryable: true };
  }
  return { error: message || String(name ?? 'error'), error_code: 'internal', retryable: false };
}
