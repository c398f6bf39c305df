import { MAX_KEYFRAMES as PIPELINE_MAX } from '@imajin/pipeline';
import { describe, expect, it } from 'vitest';
import { collectBand, formatBand, MAX_KEYFRAMES, parseBand } from './band.js';

describe('parseBand', () => {
  it('reads min:max and a single n as n:n', () => {
    expect(parseBand('3:16')).toEqual({ min: 3, max: 16 });
    expect(parseBand(' 4 : 8 ')).toEqual({ min: 4, max: 8 });
    expect(parseBand('5')).toEqual({ min: 5, max: 5 });
  });

  it.each(['', 'a:b', '3-16', '0:4', '9:3', '1:5000', '-1:3', '2.5:4'])('refuses %j', (text) => {
    expect(() => parseBand(text)).toThrow();
  });

  it('collects repeated bands in order and formats them back', () => {
    const bands = collectBand('2:8', collectBand('3:16'));
    expect(bands.map(formatBand)).toEqual(['3:16', '2:8']);
  });

  it('bounds max by the pipeline’s MAX_KEYFRAMES (32): the memory a band costs', () => {
    expect(MAX_KEYFRAMES).toBe(PIPELINE_MAX);
    expect(parseBand('3:32')).toEqual({ min: 3, max: 32 });
    expect(() => parseBand('3:33')).toThrow(/max must be at most 32/);
    expect(() => parseBand('3:1000')).toThrow(/max must be at most 32/);
  });
});
