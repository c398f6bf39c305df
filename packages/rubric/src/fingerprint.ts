import { createHash } from 'node:crypto';
import { RubricInputError } from './errors.js';

/** Top-level keys of `rubric.json` that are not part of what the fingerprint covers. */
export const UNFINGERPRINTED_KEYS = ['fingerprint', '$comment'] as const;

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as `Array#sort` does) at every level,
 * no whitespace, strings and numbers exactly as `JSON.stringify` writes them. This is RFC 8785
 * (JCS) for the values a rubric holds, so other languages can reproduce it with a JCS library.
 * Throws `RubricInputError` for values JSON cannot hold (non-finite numbers, undefined, functions…).
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RubricInputError('not_json', `${path} is ${value}, which JSON cannot hold`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => canonicalJson(item, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], `${path}.${key}`)}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    return canonicalJson({ ...(value as object) }, path);
  }
  throw new RubricInputError('not_json', `${path} is a ${typeof value}, which JSON cannot hold`);
}

/**
 * The rubric fingerprint: lowercase hex SHA-256 of the UTF-8 canonical JSON of the artifact
 * without its `fingerprint` and `$comment` keys. Those two keys are ignored if present, so both
 * a bare source object and a whole `rubric.json` give the same answer.
 */
export function computeFingerprint(artifact: object): string {
  const covered: Record<string, unknown> = { ...(artifact as Record<string, unknown>) };
  for (const key of UNFINGERPRINTED_KEYS) delete covered[key];
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}
