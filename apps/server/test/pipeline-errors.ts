// Errors shaped like @imajin/pipeline's (recognised by name, like the server does).
// TEMPORARY until the pipeline lands; then the tests throw the real classes.
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.code === 'TIMEOUT';
  }
}

export class ScorerUnavailableError extends Error {
  override readonly name = 'ScorerUnavailableError';
  readonly code = 'scorer_unavailable';
  readonly retryable = true;
}

export class ScorerRejectedError extends Error {
  override readonly name = 'ScorerRejectedError';
  readonly code = 'scorer_rejected';
  readonly retryable = false;
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
