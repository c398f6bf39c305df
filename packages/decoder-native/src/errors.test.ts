import { describe, expect, it } from 'vitest';
import { codeForLibavError, DecodeError, toDecodeError } from './errors.js';
import { explainLoadFailure, mismatchedLibraries } from './loader.js';

function nativeFailure(reason: string, averror: number, libavMessage?: string): Error {
  return Object.assign(new Error('native says no'), { reason, averror, libavMessage });
}

describe('toDecodeError', () => {
  it('keeps the reason the addon gave', () => {
    const err = toDecodeError(nativeFailure('TRUNCATED', 0, 'moov atom not found'));
    expect(err).toBeInstanceOf(DecodeError);
    expect(err).toMatchObject({
      name: 'DecodeError',
      code: 'TRUNCATED',
      libavMessage: 'moov atom not found',
      retryable: false,
    });
  });

  it('maps bare libav codes', () => {
    expect(toDecodeError(nativeFailure('LIBAV', -1094995529)).code).toBe('CORRUPT_INPUT');
    expect(toDecodeError(nativeFailure('LIBAV', -12)).code).toBe('TOO_LARGE');
    expect(toDecodeError(nativeFailure('LIBAV', -1414092869)).code).toBe('ABORTED');
    expect(toDecodeError(nativeFailure('LIBAV', -5)).code).toBe('INTERNAL');
    expect(codeForLibavError(-1128613112)).toBe('UNSUPPORTED_CODEC');
  });

  it('only TIMEOUT is retryable', () => {
    expect(toDecodeError(nativeFailure('TIMEOUT', 0)).retryable).toBe(true);
    expect(new DecodeError('ABORTED', 'x').retryable).toBe(false);
  });

  it('turns TypeErrors from the addon into INVALID_ARGUMENT and anything else into INTERNAL', () => {
    expect(toDecodeError(new TypeError('times must be a Float64Array')).code).toBe(
      'INVALID_ARGUMENT',
    );
    const internal = toDecodeError(new RangeError('boom'));
    expect(internal.code).toBe('INTERNAL');
    expect(internal.cause).toBeInstanceOf(RangeError);
  });
});

describe('explainLoadFailure', () => {
  it('names the missing libav library and the apt command', () => {
    const err = explainLoadFailure(
      new Error('libavcodec.so.59: cannot open shared object file: No such file or directory'),
    );
    expect(err.problem).toBe('missing-library');
    expect(err.message).toMatch(/libavcodec\.so\.59/);
    expect(err.message).toMatch(/apt-get install/);
  });

  it('says to rebuild on an ABI mismatch', () => {
    const err = explainLoadFailure(
      new Error('/x/imajin_decoder.node: undefined symbol: avcodec_send_packet'),
    );
    expect(err.problem).toBe('abi-mismatch');
    expect(err.message).toMatch(/pnpm --filter @imajin\/decoder-native build/);
  });

  it('says to build when the binary is missing', () => {
    const missing = Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' });
    const err = explainLoadFailure(missing, '/nowhere/imajin_decoder.node');
    expect(err.problem).toBe('missing-binary');
    expect(err.message).toMatch(/scripts\/setup\.sh/);
  });

  it('compares libav majors built against and loaded', () => {
    const same = { built: '59.37.100', loaded: '59.37.100' };
    const versions = {
      avformat: same,
      avcodec: { built: '59.37.100', loaded: '60.3.100' },
      avutil: same,
      swscale: same,
      avfilter: same,
      ffmpeg: '5.1',
    };
    expect(mismatchedLibraries(versions)).toEqual(['libavcodec built 59.37.100, loaded 60.3.100']);
  });

  it('leaves libavfilter out until it is opened', () => {
    const same = { built: '59.37.100', loaded: '59.37.100' };
    const notOpened = { built: '8.44.100', loaded: 'not opened' };
    const versions = {
      avformat: same,
      avcodec: same,
      avutil: same,
      swscale: same,
      avfilter: notOpened,
      ffmpeg: '5.1',
    };
    expect(mismatchedLibraries(versions)).toEqual([]);
    expect(
      mismatchedLibraries({ ...versions, avfilter: { built: '8.44.100', loaded: '9.1.100' } }),
    ).toEqual(['libavfilter built 8.44.100, loaded 9.1.100']);
  });
});
