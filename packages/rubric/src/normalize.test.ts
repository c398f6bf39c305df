import { describe, expect, it } from 'vitest';
import { RubricInputError } from './errors.js';
import { normalizePair, normalizeScores } from './normalize.js';

describe('normalizePair', () => {
  it('is s+ / (s+ + s-)', () => {
    expect(normalizePair(0.375, 0.125)).toBe(0.75); // dyadic: exact in float64
    expect(normalizePair(0.3, 0.1)).toBe(0.7499999999999999); // float64 result, not the decimal 0.75
    expect(normalizePair(0.25, 0.75)).toBe(0.25);
    expect(normalizePair(1, 0)).toBe(1);
    expect(normalizePair(0, 1)).toBe(0);
    expect(normalizePair(0.0213, 0.0142)).toBe(0.5999999999999999); // float64, not decimal
  });

  it('is 0.5 when both are 0', () => {
    expect(normalizePair(0, 0)).toBe(0.5);
  });

  it('refuses NaN and scores outside [0, 1]', () => {
    expect(() => normalizePair(Number.NaN, 0.1)).toThrow(/positive score is NaN/);
    expect(() => normalizePair(0.1, 1.01)).toThrow(/negative score is 1.01, outside \[0, 1\]/);
    expect(() => normalizePair(-0.5, 0.1)).toThrow(RubricInputError);
    expect(() => normalizePair(Number.POSITIVE_INFINITY, 0)).toThrow(/outside/);
  });
});

describe('normalizeScores', () => {
  it('normalizes the three pairs in label order', () => {
    expect(normalizeScores([0.375, 0.125, 0, 0, 0.25, 0.75])).toEqual({
      explicit: 0.75,
      suggestive: 0.5,
      quality: 0.25,
    });
  });

  const problem = (raw: unknown) => {
    try {
      normalizeScores(raw as number[]);
    } catch (err) {
      expect(err).toBeInstanceOf(RubricInputError);
      const e = err as RubricInputError;
      expect(e.name).toBe('RubricInputError');
      return { problem: e.problem, message: e.message };
    }
    throw new Error('expected a RubricInputError');
  };

  it('names a wrong count', () => {
    expect(problem([0.1, 0.2, 0.3, 0.4, 0.5])).toEqual({
      problem: 'wrong_count',
      message:
        'expected 6 raw scores (explicit+, explicit−, suggestive+, suggestive−, quality+, quality−), got 5',
    });
    expect(problem([]).problem).toBe('wrong_count');
    expect(problem(new Array(7).fill(0.1)).problem).toBe('wrong_count');
  });

  it('names the NaN score and its label', () => {
    expect(problem([0.1, 0.1, 0.1, Number.NaN, 0.1, 0.1])).toEqual({
      problem: 'not_a_number',
      message: 'raw score 3 (suggestive−) is NaN, not a number',
    });
    expect(problem([0.1, 0.1, 0.1, 0.1, null, 0.1]).message).toBe(
      'raw score 4 (quality+) is object null, not a number',
    );
    expect(problem([0.1, '0.5', 0.1, 0.1, 0.1, 0.1]).problem).toBe('not_a_number');
  });

  it('names a score outside [0, 1]', () => {
    expect(problem([1.5, 0.1, 0.1, 0.1, 0.1, 0.1])).toEqual({
      problem: 'out_of_range',
      message: 'raw score 0 (explicit+) is 1.5, outside [0, 1]',
    });
    expect(problem([0.1, 0.1, 0.1, 0.1, 0.1, -0.001]).message).toMatch(/raw score 5 \(quality−\)/);
  });

  it('refuses something that is not an array', () => {
    expect(problem('0.1,0.2').problem).toBe('not_an_array');
  });
});
