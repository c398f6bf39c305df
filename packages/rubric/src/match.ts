import { RUBRIC } from './generated/rubric.js';
import type { RubricDefinition } from './types.js';

/** The outcome of comparing a caller's pinned rubric with ours. */
export type RubricPinCheck =
  | { ok: true }
  | {
      ok: false;
      /** `invalid`: not a rubric at all; `mismatch`: a rubric, but not ours. */
      kind: 'invalid' | 'mismatch';
      /** Names the first difference and both versions. */
      reason: string;
      theirs: { version: string | null; fingerprint: string | null };
    };

/**
 * Checks a rubric a caller sent to pin ours (`rubric` in a request: docs/http-api.md). With a
 * `fingerprint`, that must equal ours; without one, the dimensions (ids, labels, order) and the
 * thresholds must equal ours. Stricter than trusting the fingerprint alone: when a caller sends
 * a matching fingerprint *and* dimensions or thresholds, those must match too, so a mirror that
 * drifted under a copied fingerprint is caught. Other keys are ignored. Never score with the
 * caller's rubric: this only decides whether to refuse (409 `rubric_mismatch`).
 */
export function checkRubricPin(
  candidate: unknown,
  ours: RubricDefinition = RUBRIC,
): RubricPinCheck {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return fail('invalid', 'rubric must be an object', {}, ours);
  }
  const c = candidate as Record<string, unknown>;
  if (c.fingerprint !== undefined) {
    if (typeof c.fingerprint !== 'string') {
      return fail('invalid', 'rubric fingerprint must be a string', c, ours);
    }
    if (c.fingerprint !== ours.fingerprint)
      return fail('mismatch', 'rubric fingerprint differs', c, ours);
  }
  const pinnedByFingerprint = c.fingerprint !== undefined;
  const difference =
    (pinnedByFingerprint && c.dimensions === undefined
      ? null
      : dimensionsDifference(c.dimensions, ours)) ??
    (pinnedByFingerprint && c.thresholds === undefined
      ? null
      : thresholdsDifference(c.thresholds, ours));
  return difference === null ? { ok: true } : fail('mismatch', difference, c, ours);
}

function dimensionsDifference(dims: unknown, ours: RubricDefinition): string | null {
  if (!Array.isArray(dims) || dims.length !== ours.dimensions.length) {
    return `dimensions must be ${ours.dimensions.length} label pairs`;
  }
  for (const [i, mine] of ours.dimensions.entries()) {
    const d = dims[i] as Record<string, unknown> | null | undefined;
    for (const key of ['id', 'positive', 'negative'] as const) {
      if (d?.[key] !== mine[key]) return `dimensions[${i}].${key} differs`;
    }
  }
  return null;
}

function thresholdsDifference(thresholds: unknown, ours: RubricDefinition): string | null {
  const t = thresholds as Record<string, unknown> | null | undefined;
  for (const key of ['explicit', 'suggestive'] as const) {
    if (t?.[key] !== ours.thresholds[key]) return `thresholds.${key} differs`;
  }
  return null;
}

function fail(
  kind: 'invalid' | 'mismatch',
  reason: string,
  c: Record<string, unknown>,
  ours: RubricDefinition,
): RubricPinCheck {
  const version = typeof c.version === 'string' ? c.version : null;
  return {
    ok: false,
    kind,
    reason: `${reason} (theirs ${version ?? '(no version)'}, ours ${ours.version})`,
    theirs: { version, fingerprint: typeof c.fingerprint === 'string' ? c.fingerprint : null },
  };
}
