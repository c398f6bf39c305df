import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, computeFingerprint } from './fingerprint.js';
import { RUBRIC } from './generated/rubric.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const rubricJson = JSON.parse(
  readFileSync(new URL('../rubric.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 'x' }], a: { d: true, c: null } })).toBe(
      '{"a":{"c":null,"d":true},"b":[3,{"a":"x","z":1}]}',
    );
  });

  it('writes numbers and strings as JSON.stringify does (RFC 8785 for these values)', () => {
    expect(canonicalJson([0.6, 1, 1e21, 5e-324, -0, 'é"\n'])).toBe(
      '[0.6,1,1e+21,5e-324,0,"é\\"\\n"]',
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: [Number.NaN] })).toThrow(/\$\.a\[0\] is NaN/);
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$\.a is a undefined/);
    expect(() => canonicalJson(new Date(0))).toThrow(/JSON cannot hold/);
  });
});

describe('computeFingerprint', () => {
  it('is the lowercase hex SHA-256 of the canonical JSON', () => {
    // Known answer: SHA-256 of the two bytes "{}".
    expect(computeFingerprint({})).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    expect(computeFingerprint({ b: 1, a: [2] })).toBe(sha256('{"a":[2],"b":1}'));
  });

  it('ignores the top-level fingerprint and $comment keys', () => {
    const base = { name: 'x', version: '1.0.0' };
    expect(computeFingerprint({ ...base, fingerprint: 'abc', $comment: 'hi' })).toBe(
      computeFingerprint(base),
    );
  });

  it('recomputed from rubric.json by hand equals the file and the TS constant', () => {
    const { fingerprint, $comment, ...covered } = rubricJson;
    expect(typeof $comment).toBe('string');
    // Canonical JSON written out independently of canonicalJson(): keys sorted by hand.
    const dims = (covered.dimensions as { id: string; positive: string; negative: string }[])
      .map(
        (d) =>
          `{"id":${JSON.stringify(d.id)},"negative":${JSON.stringify(d.negative)},"positive":${JSON.stringify(d.positive)}}`,
      )
      .join(',');
    const t = covered.thresholds as { explicit: number; suggestive: number };
    const canonical =
      `{"dimensions":[${dims}],"model":${JSON.stringify(covered.model)},"name":${JSON.stringify(covered.name)},` +
      `"thresholds":{"explicit":${t.explicit},"suggestive":${t.suggestive}},"version":${JSON.stringify(covered.version)}}`;
    expect(canonicalJson(covered)).toBe(canonical);
    expect(sha256(canonical)).toBe(fingerprint);
    expect(RUBRIC.fingerprint).toBe(fingerprint);
    expect(RUBRIC.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a label changes', () => {
    const { fingerprint: _, ...covered } = JSON.parse(JSON.stringify(RUBRIC));
    covered.dimensions[0].positive += ' ';
    expect(computeFingerprint(covered)).not.toBe(RUBRIC.fingerprint);
  });
});
