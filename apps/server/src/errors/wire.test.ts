import type { DecodeErrorCode } from '@imajin/decoder-native';
import { DecodeError, ScorerRejectedError, ScorerUnavailableError } from '@imajin/pipeline';
import type { KnownErrorCode } from '@imajin/wire';
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from './bad-request-error.js';
import { OverloadedError } from './overloaded-error.js';
import { toWireError } from './wire.js';

describe('toWireError', () => {
  it('maps our errors by name with their status, code and Retry-After', () => {
    expect(toWireError(new BadRequestError('no'))).toMatchObject({
      status: 400,
      body: { error: 'no', error_code: 'bad_request', retryable: false },
    });
    expect(toWireError(new OverloadedError('busy', { retryAfterSec: 7 }))).toMatchObject({
      status: 503,
      retryAfterSec: 7,
      body: { retryable: true },
    });
    // Recognised by name, not prototype: a copy that crossed a thread boundary still maps.
    expect(
      toWireError({ name: 'BadRequestError', message: 'plain', status: 400, code: 'bad_request' })
        .status,
    ).toBe(400);
  });

  it('maps pipeline errors: decoder code lower-cased (422), scorer unavailable 503, rejected 502', () => {
    expect(toWireError(new DecodeError('TRUNCATED', 'short'))).toMatchObject({
      status: 422,
      body: { error_code: 'truncated', retryable: false },
    });
    expect(toWireError(new DecodeError('TIMEOUT', 'slow')).body.retryable).toBe(true);
    expect(toWireError(new ScorerUnavailableError('502'))).toMatchObject({
      status: 503,
      body: { error_code: 'scorer_unavailable', retryable: true },
    });
    expect(toWireError(new ScorerRejectedError('400', 400))).toMatchObject({
      status: 502,
      body: { error_code: 'scorer_rejected' },
    });
  });

  it('maps Redis trouble to 503 and anything else to a generic 500 without its message', () => {
    expect(
      toWireError(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toMatchObject({ status: 503, body: { error_code: 'redis_unavailable', retryable: true } });
    const w = toWireError(new TypeError('secret internals at /src/thing.ts:12'));
    expect(w).toMatchObject({
      status: 500,
      internal: true,
      body: { error: 'internal error', error_code: 'internal', retryable: false },
    });
    expect(toWireError('a string').status).toBe(500);
  });

  it('maps every Redis error reply that is not our own mistake to 503 redis_unavailable, by type', () => {
    for (const reply of [
      'MISCONF Errors writing to the AOF file: No space left on device',
      'MISCONF Redis is configured to save RDB snapshots, but it is currently not able to persist on disk.',
      'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.',
      'NOREPLICAS Not enough good replicas to write.',
      'MOVED 3999 127.0.0.1:6381',
      'CLUSTERDOWN The cluster is down',
      'ERR string exceeds maximum allowed size (proto-max-bulk-len)',
      'SOMETHINGNEW a reply no version of this code has seen',
    ]) {
      const w = toWireError(new ReplyError(reply));
      expect(w, reply).toMatchObject({
        status: 503,
        retryAfterSec: 5,
        internal: false,
        body: { error_code: 'redis_unavailable', retryable: true },
      });
    }
    // A lost connection, as ioredis reports it (an errno code, or its own fixed text).
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toWireError(reset).status).toBe(503);
    expect(toWireError(new Error('Connection is closed.')).status).toBe(503);
    // A malformed command of ours is a bug: retrying cannot help.
    expect(
      toWireError(
        new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
      ),
    ).toMatchObject({ status: 500, body: { error_code: 'internal', retryable: false } });
    // The message alone does not make an error a Redis fault.
    expect(toWireError(new Error('MISCONF in a message of ours')).status).toBe(500);
  });
});

// The decoder's codes reach the wire lower-cased: each must be one @imajin/wire knows, so the
// OpenAPI document and the client's types list it. (Type-checked by `pnpm typecheck`.)
const decoderCodesAreKnown: Lowercase<DecodeErrorCode> extends KnownErrorCode ? true : false = true;
void decoderCodesAreKnown;
