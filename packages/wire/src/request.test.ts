import { describe, expect, it } from 'vitest';
import { type ClassifyOptions, ClassifyQuerySchema, encodeClassifyQuery } from './request.js';

const read = (o: ClassifyOptions) =>
  ClassifyQuerySchema.parse(Object.fromEntries(encodeClassifyQuery(o)));

describe('encodeClassifyQuery', () => {
  it('writes what ClassifyQuerySchema reads back', () => {
    expect(read({ keyframes: 6, scorers: ['moderation', 'scene'], reuse: false })).toEqual({
      keyframes: 6,
      scorers: ['moderation', 'scene'],
      reuse: false,
    });
    expect(read({ keyframes: null })).toEqual({ keyframes: null });
    expect(read({})).toEqual({});
  });

  it('sends a fingerprint-only pin as rubric_fingerprint, any other pin as JSON', () => {
    const fp = 'a'.repeat(64);
    expect(encodeClassifyQuery({ rubric: { fingerprint: fp } }).toString()).toBe(
      `rubric_fingerprint=${fp}`,
    );
    const pin = { version: '1.0.0', thresholds: { explicit: 0.6, suggestive: 0.7 } };
    const q = read({ rubric: pin });
    expect(JSON.parse(q.rubric ?? '')).toEqual(pin);
  });

  it('is refused by the schema when out of range', () => {
    const q = Object.fromEntries(encodeClassifyQuery({ keyframes: 0 }));
    expect(ClassifyQuerySchema.safeParse(q).success).toBe(false);
  });
});
