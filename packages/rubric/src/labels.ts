import { RUBRIC } from './generated/rubric.js';
import type { RubricSource } from './types.js';

/**
 * The six label texts in model-boss order: `[explicit+, explicit−, suggestive+, suggestive−,
 * quality+, quality−]`. Send them as-is; the raw scores come back in the same order.
 */
export function labels(rubric: Pick<RubricSource, 'dimensions'> = RUBRIC): string[] {
  return rubric.dimensions.flatMap((d) => [d.positive, d.negative]);
}

/** Names for the six raw scores, for messages: `['explicit+', 'explicit−', …]`. */
export function rawScoreNames(rubric: Pick<RubricSource, 'dimensions'> = RUBRIC): string[] {
  return rubric.dimensions.flatMap((d) => [`${d.id}+`, `${d.id}−`]);
}
