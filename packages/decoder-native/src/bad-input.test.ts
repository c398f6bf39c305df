import { describe, expect, it } from 'vitest';
import { expectDecodeError, fixture, fixtureBytes } from '../test/helpers.js';
import { type DecodeErrorCode, grabFrames, probe, scanScenes } from './index.js';

const calls = {
  probe: (input: Buffer | string) => probe(input),
  scanScenes: (input: Buffer | string) => scanScenes(input),
  grabFrames: (input: Buffer | string) => grabFrames(input, [0.5]),
};

const BAD: [string, DecodeErrorCode][] = [
  ['random.mp4', 'UNSUPPORTED_FORMAT'],
  ['png-renamed.mp4', 'UNSUPPORTED_FORMAT'],
  ['pdf-renamed.mp4', 'UNSUPPORTED_FORMAT'],
  ['audio.mp3', 'UNSUPPORTED_FORMAT'],
  ['audio-only.m4a', 'NO_VIDEO_STREAM'],
  ['truncated-faststart.mp4', 'TRUNCATED'],
  ['truncated-moov-end.mp4', 'TRUNCATED'],
  ['truncated.mkv', 'TRUNCATED'],
  ['huge-dimensions.avi', 'TOO_LARGE'],
  ['long-header.mkv', 'TOO_LONG'],
];

describe.each(Object.entries(calls))('%s on bad input', (_name, call) => {
  it.each(BAD)('%s -> %s (file and bytes)', async (name, code) => {
    const fromPath = await expectDecodeError(call(fixture(name)), code);
    expect(fromPath.message.length).toBeGreaterThan(0);
    expect(fromPath.retryable).toBe(false);
    await expectDecodeError(call(await fixtureBytes(name)), code);
  });

  it('empty bytes -> CORRUPT_INPUT', async () => {
    await expectDecodeError(call(Buffer.alloc(0)), 'CORRUPT_INPUT');
  });

  it('a missing file -> NOT_FOUND', async () => {
    await expectDecodeError(call(fixture('no-such-file.mp4')), 'NOT_FOUND');
  });

  it('a directory -> INVALID_ARGUMENT', async () => {
    await expectDecodeError(call(fixture('')), 'INVALID_ARGUMENT');
  });
});

describe('libav messages', () => {
  it('carry what libav said', async () => {
    const err = await expectDecodeError(probe(fixture('truncated-moov-end.mp4')), 'TRUNCATED');
    expect(err.libavMessage).toMatch(/moov atom not found/);
  });
});
