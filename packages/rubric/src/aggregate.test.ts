import { describe, expect, it } from 'vitest';
import { aggregateVideo } from './aggregate.js';
import { RubricInputError } from './errors.js';
import type { Explicitness, FrameVerdict } from './types.js';

const f = (explicitness: Explicitness, quality: number, explicit = 0.1): FrameVerdict => ({
  explicit,
  suggestive: 0.1,
  quality,
  explicitness,
});

describe('aggregateVideo', () => {
  it('takes the MAX explicitness: one explicit frame among many sfw makes the video explicit', () => {
    const frames = [
      f('sfw', 0.5),
      f('sfw', 0.6),
      f('explicit', 0.9, 0.95),
      f('sfw', 0.7),
      f('sfw', 0.2),
    ];
    expect(aggregateVideo(frames)).toEqual({
      explicitness: 'explicit',
      is_explicit: true,
      quality_score: 0.9, // max over all frames, the explicit one included
      poster_frame_index: 3, // the best sfw frame, never the explicit one
    });
  });

  it('is suggestive, not explicit, when the worst frame is suggestive', () => {
    const result = aggregateVideo([f('sfw', 0.4), f('suggestive', 0.8, 0.3)]);
    expect(result.explicitness).toBe('suggestive');
    expect(result.is_explicit).toBe(false);
    expect(result.poster_frame_index).toBe(0);
  });

  it('breaks a quality tie among sfw frames by the earliest frame', () => {
    expect(aggregateVideo([f('sfw', 0.1), f('sfw', 0.8), f('sfw', 0.8)]).poster_frame_index).toBe(
      1,
    );
  });

  it('without sfw frames picks the least explicit: lowest class, then lowest explicit score', () => {
    const frames = [
      f('explicit', 0.9, 0.7),
      f('suggestive', 0.9, 0.4),
      f('suggestive', 0.2, 0.3), // lowest explicit score of the lowest class present
      f('explicit', 0.99, 0.61),
    ];
    expect(aggregateVideo(frames).poster_frame_index).toBe(2);
    expect(
      aggregateVideo([f('explicit', 0.5, 0.9), f('explicit', 0.1, 0.65)]).poster_frame_index,
    ).toBe(1);
  });

  it('breaks an explicit-score tie among non-sfw frames by the earliest frame', () => {
    const frames = [f('explicit', 0.5, 0.9), f('suggestive', 0.1, 0.2), f('suggestive', 0.9, 0.2)];
    expect(aggregateVideo(frames).poster_frame_index).toBe(1);
  });

  it('refuses no frames instead of calling an empty video sfw', () => {
    expect(() => aggregateVideo([])).toThrow(RubricInputError);
    expect(() => aggregateVideo([])).toThrow(/at least one frame/);
  });

  it('refuses a frame with a bad score or class', () => {
    expect(() => aggregateVideo([f('sfw', 0.5), f('sfw', Number.NaN)])).toThrow(
      /frame 1 quality score is NaN/,
    );
    expect(() => aggregateVideo([f('nsfw' as Explicitness, 0.5)])).toThrow(
      /frame 0 has unknown explicitness "nsfw"/,
    );
  });
});
