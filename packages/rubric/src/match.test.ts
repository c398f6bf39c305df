import { describe, expect, it } from 'vitest';
import { RUBRIC } from './generated/rubric.js';
import { checkRubricPin } from './match.js';

const copy = () => JSON.parse(JSON.stringify(RUBRIC)) as Record<string, unknown>;

describe('checkRubricPin', () => {
  it('accepts our own rubric, with or without the fingerprint, extra keys ignored', () => {
    expect(checkRubricPin(copy())).toEqual({ ok: true });
    const { fingerprint: _, ...bare } = copy();
    expect(checkRubricPin({ ...bare, extra: 1, version: '0.0.1' })).toEqual({ ok: true });
  });

  it('refuses another fingerprint, naming both versions', () => {
    const result = checkRubricPin({ version: '0.9.0', fingerprint: 'f'.repeat(64) });
    expect(result).toEqual({
      ok: false,
      kind: 'mismatch',
      reason: `rubric fingerprint differs (theirs 0.9.0, ours ${RUBRIC.version})`,
      theirs: { version: '0.9.0', fingerprint: 'f'.repeat(64) },
    });
  });

  it('refuses a changed label, order or threshold', () => {
    const label = copy();
    const second = (label.dimensions as { positive: string }[])[1];
    if (!second) throw new Error('the rubric has a second dimension');
    second.positive = 'this is a photo of a cat.';
    // Even under our own fingerprint: a mirror that drifted is caught.
    expect(checkRubricPin(label)).toMatchObject({
      ok: false,
      kind: 'mismatch',
      reason: expect.stringMatching(/^dimensions\[1\]\.positive differs \(theirs 1/),
    });
    delete label.fingerprint;
    expect(checkRubricPin(label)).toMatchObject({ ok: false, kind: 'mismatch' });
    expect(checkRubricPin({ fingerprint: RUBRIC.fingerprint })).toEqual({ ok: true });

    const order = copy();
    delete order.fingerprint;
    (order.dimensions as unknown[]).reverse();
    expect(checkRubricPin(order)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^dimensions\[0\]\.id differs/),
    });

    const looser = copy();
    delete looser.fingerprint;
    looser.thresholds = { ...RUBRIC.thresholds, explicit: 0.99 };
    expect(checkRubricPin(looser)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^thresholds\.explicit differs/),
    });
  });

  it('calls a non-object invalid', () => {
    expect(checkRubricPin('imajin-content')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(checkRubricPin({ fingerprint: 42 })).toMatchObject({ ok: false, kind: 'invalid' });
  });
});
