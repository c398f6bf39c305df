import { checkScore } from './check.js';
import { RubricInputError } from './errors.js';
import { RUBRIC } from './generated/rubric.js';
import { rawScoreNames } from './labels.js';
import type { NormalizedScores, RubricSource } from './types.js';

/**
 * One contrastive pair's score: `pos / (pos + neg)`, computed exactly so in float64 (parity with
 * other languages depends on it), and 0.5 when both are 0 (the model prefers neither text).
 * Throws `RubricInputError` for NaN or a score outside [0, 1].
 */
export function normalizePair(pos: number, neg: number): number {
  const p = checkScore(pos, 'positive score');
  const n = checkScore(neg, 'negative score');
  return normalizeChecked(p, n);
}

function normalizeChecked(pos: number, neg: number): number {
  const sum = pos + neg;
  return sum === 0 ? 0.5 : pos / sum;
}

/**
 * Turns the six raw model-boss scores (label order, see `labels()`) into the three normalized
 * dimension scores. Throws `RubricInputError` naming the problem: not an array, not exactly six
 * scores, NaN or a non-number, or a score outside [0, 1].
 */
export function normalizeScores(
  raw: readonly number[],
  rubric: Pick<RubricSource, 'dimensions'> = RUBRIC,
): NormalizedScores {
  const names = rawScoreNames(rubric);
  if (!Array.isArray(raw)) {
    throw new RubricInputError('not_an_array', `raw scores must be an array, got ${typeof raw}`);
  }
  if (raw.length !== names.length) {
    throw new RubricInputError(
      'wrong_count',
      `expected ${names.length} raw scores (${names.join(', ')}), got ${raw.length}`,
    );
  }
  const s = raw.map((v, i) => checkScore(v, `raw score ${i} (${names[i]})`));
  return {
    explicit: normalizeChecked(s[0] as number, s[1] as number),
    suggestive: normalizeChecked(s[2] as number, s[3] as number),
    quality: normalizeChecked(s[4] as number, s[5] as number),
  };
}
