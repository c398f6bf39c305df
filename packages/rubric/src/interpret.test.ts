import { describe, expect, it } from 'vitest';
import { RUBRIC } from './generated/rubric.js';
import { explicitnessRank, interpretFrame, scoreFrame } from './interpret.js';
import { labels } from './labels.js';

const T = { thresholds: { explicit: 0.6, suggestive: 0.7 } };

describe('interpretFrame', () => {
  it('is explicit at or above the explicit threshold (inclusive)', () => {
    expect(interpretFrame({ explicit: 0.6, suggestive: 0 }, T)).toBe('explicit');
    expect(interpretFrame({ explicit: 0.99, suggestive: 0 }, T)).toBe('explicit');
    expect(interpretFrame({ explicit: 0.5999999999999999, suggestive: 0 }, T)).toBe('sfw');
  });

  it('is suggestive at or above the suggestive threshold when not explicit', () => {
    expect(interpretFrame({ explicit: 0.1, suggestive: 0.7 }, T)).toBe('suggestive');
    expect(interpretFrame({ explicit: 0.1, suggestive: 0.7 - 2 ** -53 }, T)).toBe('sfw');
  });

  it('lets explicit win when both thresholds are reached', () => {
    expect(interpretFrame({ explicit: 0.6, suggestive: 1 }, T)).toBe('explicit');
  });

  it('uses the generated rubric by default', () => {
    const { explicit, suggestive } = RUBRIC.thresholds;
    expect(interpretFrame({ explicit, suggestive: 0 })).toBe('explicit');
    expect(interpretFrame({ explicit: 0, suggestive })).toBe('suggestive');
    expect(interpretFrame({ explicit: 0, suggestive: 0 })).toBe('sfw');
  });

  it('refuses NaN instead of reading it as sfw', () => {
    expect(() => interpretFrame({ explicit: Number.NaN, suggestive: 0 }, T)).toThrow(
      /explicit score is NaN/,
    );
    expect(() => interpretFrame({ explicit: 0, suggestive: 2 }, T)).toThrow(/outside/);
  });
});

describe('scoreFrame', () => {
  it('normalizes then interprets', () => {
    // explicit 0.0213 / 0.0355 = 0.5999999999999999 in float64: just under 0.6.
    const rubric = { dimensions: RUBRIC.dimensions, thresholds: T.thresholds };
    expect(scoreFrame([0.0213, 0.0142, 0.7, 0.3, 0.375, 0.125], rubric)).toEqual({
      explicit: 0.5999999999999999,
      suggestive: 0.7,
      quality: 0.75,
      explicitness: 'suggestive',
    });
    expect(() => scoreFrame([0.1, 0.1], rubric)).toThrow(/expected 6 raw scores/);
  });
});

describe('explicitnessRank', () => {
  it('orders sfw < suggestive < explicit', () => {
    expect([
      explicitnessRank('sfw'),
      explicitnessRank('suggestive'),
      explicitnessRank('explicit'),
    ]).toEqual([0, 1, 2]);
    expect(() => explicitnessRank('nsfw' as never)).toThrow(/unknown explicitness "nsfw"/);
  });
});

describe('labels', () => {
  it('flattens the pairs in model-boss order', () => {
    const [e, s, q] = RUBRIC.dimensions;
    expect(labels()).toEqual([
      e.positive,
      e.negative,
      s.positive,
      s.negative,
      q.positive,
      q.negative,
    ]);
    expect(RUBRIC.dimensions.map((d) => d.id)).toEqual(['explicit', 'suggestive', 'quality']);
  });

  it('returns a fresh array each call', () => {
    const a = labels();
    a.pop();
    expect(labels()).toHaveLength(6);
  });
});
