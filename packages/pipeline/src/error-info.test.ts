import { describe, expect, it } from 'vitest';
import { errorInfo } from './error-info.js';
import { ScorerRejectedError, ScorerUnavailableError } from './errors.js';

/** Shaped like @imajin/decoder-native's DecodeError, as it arrives from a worker thread. */
const decodeError = (code: string) =>
  Object.assign(new Error(`decode failed: ${code}`), { name: 'DecodeError', code });

describe('errorInfo', () => {
  it('lower-cases decoder codes; only a decode timeout is retryable', () => {
    expect(errorInfo(decodeError('TRUNCATED'))).toEqual({
      error: 'decode failed: TRUNCATED',
      error_code: 'truncated',
      retryable: false,
    });
    expect(errorInfo(decodeError('TIMEOUT'))).toMatchObject({
      error_code: 'timeout',
      retryable: true,
    });
  });

  it('maps scorer errors by name, so a plain copy from another thread still maps', () => {
    expect(errorInfo(new ScorerUnavailableError('down'))).toEqual({
      error: 'down',
      error_code: 'scorer_unavailable',
      retryable: true,
    });
    expect(errorInfo(new ScorerRejectedError('HTTP 400', 400))).toMatchObject({
      error_code: 'scorer_rejected',
      retryable: false,
    });
    const copied = { name: 'ScorerUnavailableError', message: 'down' };
    expect(errorInfo(copied)).toMatchObject({ error_code: 'scorer_unavailable' });
  });

  it('calls an abort aborted and anything else internal', () => {
    expect(errorInfo(new DOMException('stop', 'AbortError'))).toMatchObject({
      error_code: 'aborted',
      retryable: true,
    });
    expect(errorInfo(new TypeError('x is undefined'))).toEqual({
      error: 'x is undefined',
      error_code: 'internal',
      retryable: false,
    });
    expect(errorInfo('boom')).toEqual({ error: 'boom', error_code: 'internal', retryable: false });
  });
});
