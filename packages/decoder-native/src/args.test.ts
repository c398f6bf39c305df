import { describe, it } from 'vitest';
import { expectDecodeError, fixture } from '../test/helpers.js';
import { grabFrames, probe, scanScenes } from './index.js';

describe('arguments are checked before the addon', () => {
  it.each([
    ['a number as input', () => probe(42 as never)],
    ['an empty path', () => probe('')],
    ['a path with NUL', () => probe('a\0b')],
    ['a non-signal', () => probe(fixture('h264.mp4'), { signal: {} as never })],
    ['negative limits', () => probe(fixture('h264.mp4'), { limits: { timeoutMs: -5 } })],
    ['threshold 0', () => scanScenes(fixture('h264.mp4'), { threshold: 0 })],
    ['threshold > 1', () => scanScenes(fixture('h264.mp4'), { threshold: 1.5 })],
    ['fast not boolean', () => scanScenes(fixture('h264.mp4'), { fast: 'yes' as never })],
    ['workers negative', () => scanScenes(fixture('h264.mp4'), { workers: -1 })],
    ['workers fractional', () => scanScenes(fixture('h264.mp4'), { workers: 1.5 })],
    ['times not an array', () => grabFrames(fixture('h264.mp4'), 1 as never)],
    ['a negative time', () => grabFrames(fixture('h264.mp4'), [-1])],
    ['a NaN time', () => grabFrames(fixture('h264.mp4'), [Number.NaN])],
    ['maxSide not an integer', () => grabFrames(fixture('h264.mp4'), [0], { maxSide: 10.5 })],
    ['maxSide too small', () => grabFrames(fixture('h264.mp4'), [0], { maxSide: 2 })],
  ] as [string, () => Promise<unknown>][])('%s -> INVALID_ARGUMENT', async (_name, call) => {
    await expectDecodeError(Promise.resolve().then<unknown>(call), 'INVALID_ARGUMENT');
  });
});
