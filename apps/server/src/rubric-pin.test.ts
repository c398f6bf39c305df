import { RUBRIC } from '@imajin/rubric';
import { describe, expect, it } from 'vitest';
import { assertRubricPin, type RubricLike } from './rubric-pin.js';

const ours: RubricLike = RUBRIC;
const firstDimension = () => {
  const first = ours.dimensions[0];
  if (!first) throw new Error('the rubric has no dimension');
  return first;
};
// A caller's copy: plain JSON, free to drift.
type MutableRubric = Record<string, unknown> & {
  version: string;
  fingerprint: string;
  dimensions: { id: string; positive: string; negative: string }[];
  thresholds: { explicit: number; suggestive: number };
};
const copy = () => JSON.parse(JSON.stringify(ours)) as MutableRubric;

describe('assertRubricPin', () => {
  it('accepts no pin, our fingerprint, or our dimensions and thresholds with extra keys', () => {
    expect(() => assertRubricPin(undefined, ours)).not.toThrow();
    expect(() => assertRubricPin({ fingerprint: ours.fingerprint }, ours)).not.toThrow();
    const { fingerprint: _f, ...noFingerprint } = { ...copy(), model: 'whatever', $comment: 'x' };
    expect(() => assertRubricPin(noFingerprint, ours)).not.toThrow();
  });

  it('refuses another fingerprint even when the labels match', () => {
    expect(() =>
      assertRubricPin({ ...copy(), fingerprint: 'f'.repeat(64), version: '0.0.1-theirs' }, ours),
    ).toThrow(`fingerprint differs (theirs 0.0.1-theirs, ours ${ours.version})`);
  });

  it('refuses our fingerprint carried by a copy whose labels drifted', () => {
    const drifted = copy();
    drifted.dimensions = [{ ...firstDimension(), positive: 'porn' }, ...ours.dimensions.slice(1)];
    expect(() => assertRubricPin(drifted, ours)).toThrow(/dimensions\[0\]\.positive differs/);
  });

  it('refuses different labels, order, thresholds, or nothing to compare', () => {
    const labels = copy();
    labels.dimensions = [{ ...firstDimension(), positive: 'porn' }, ...ours.dimensions.slice(1)];
    const order = copy();
    order.dimensions = [...ours.dimensions].reverse();
    const looser = copy();
    looser.thresholds = { ...ours.thresholds, explicit: ours.thresholds.explicit + 0.05 };
    for (const [pin, why] of [
      [labels, /dimensions\[0\]\.positive differs/],
      [order, /dimensions\[0\]\.id differs/],
      [looser, /thresholds\.explicit differs/],
      [{ version: '1.0.0' }, /dimensions must be 3 label pairs/],
    ] as const) {
      const { fingerprint: _f, ...p } = pin as Record<string, unknown>;
      let err: { status?: number; code?: string; message?: string; details?: unknown } = {};
      try {
        assertRubricPin(p, ours);
      } catch (e) {
        err = e as typeof err;
      }
      expect(err.status).toBe(409);
      expect(err.code).toBe('rubric_mismatch');
      expect(err.message).toMatch(why);
      expect(err.details).toMatchObject({
        rubric: { ours: { version: ours.version, fingerprint: ours.fingerprint } },
      });
    }
  });
});
