import { describe, expect, it } from 'vitest';
import { classifyVideo } from './classify.js';
import { MAX_KEYFRAMES } from './keyframe-limit.js';

const scorer = { name: 'test:never', score: async () => [], close: async () => {} };

describe('the keyframe limit', () => {
  it('refuses a band over MAX_KEYFRAMES before any decoding, with a message naming the bound', async () => {
    // Not a video at all: the options are refused before the bytes are looked at.
    await expect(
      classifyVideo(Buffer.from('not read'), { scorer, band: { min: 3, max: 1000 } }),
    ).rejects.toThrow(new RegExp(`band max 1000 is over the limit of ${MAX_KEYFRAMES}`));
    expect(MAX_KEYFRAMES).toBe(32);
  });

  it('accepts a band up to the limit (the video is what fails then)', async () => {
    await expect(
      classifyVideo(Buffer.from('not a video'), { scorer, band: { min: 3, max: MAX_KEYFRAMES } }),
    ).rejects.toMatchObject({ name: 'DecodeError' });
  });
});
