import { checkScore } from './check.js';
import { RubricInputError } from './errors.js';
import { RUBRIC } from './generated/rubric.js';
import { normalizeScores } from './normalize.js';
import type { Explicitness, FrameVerdict, NormalizedScores, RubricSource } from './types.js';

/**
 * A frame's class from its normalized scores: `explicit` if `explicit >= thresholds.explicit`,
 * else `suggestive` if `suggestive >= thresholds.suggestive`, else `sfw`. Both comparisons are
 * inclusive: a score exactly at a threshold reaches it. Throws `RubricInputError` for a score that
 * is NaN or outside [0, 1], which would otherwise read as `sfw` and under-claim.
 */
export function interpretFrame(
  scores: Pick<NormalizedScores, 'explicit' | 'suggestive'>,
  rubric: Pick<RubricSource, 'thresholds'> = RUBRIC,
): Explicitness {
  if (checkScore(scores.explicit, 'explicit score') >= rubric.thresholds.explicit)
    return 'explicit';
  if (checkScore(scores.suggestive, 'suggestive score') >= rubric.thresholds.suggestive) {
    return 'suggestive';
  }
  return 'sfw';
}

/** Normalize six raw model-boss scores and interpret them: one frame's whole verdict. */
export function scoreFrame(
  raw: readonly number[],
  rubric: Pick<RubricSource, 'dimensions' | 'thresholds'> = RUBRIC,
): FrameVerdict {
  const scores = normalizeScores(raw, rubric);
  return { ...scores, explicitness: interpretFrame(scores, rubric) };
}

/** The order of the classes: `sfw` 0 < `suggestive` 1 < `explicit` 2. */
export function explicitnessRank(e: Explicitness): 0 | 1 | 2 {
  switch (e) {
    case 'sfw':
      return 0;
    case 'suggestive':
      return 1;
    case 'explicit':
      return 2;
    default:
      throw new RubricInputError('bad_frame', `unknown explicitness ${JSON.stringify(e)}`);
  }
}
