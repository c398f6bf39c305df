// A caller may pin its rubric (docs/http-api.md). The comparison itself is @imajin/rubric's, so the
// service and every consumer refuse the same mismatches; this file only turns a refusal into
// the 409 the HTTP contract names. We never score with what the caller sent, so a pin can only
// refuse, never loosen the gate.
import { checkRubricPin, type RubricDefinition } from '@imajin/rubric';
import { RubricMismatchError } from './errors/rubric-mismatch-error.js';

export type RubricLike = RubricDefinition;

export interface RubricPin {
  version?: string | undefined;
  fingerprint?: string | undefined;
  dimensions?: readonly { id: string; positive: string; negative: string }[] | undefined;
  thresholds?: { explicit: number; suggestive: number } | undefined;
}

/**
 * Throws RubricMismatchError (409) naming both versions when the pin is not our rubric.
 * (@imajin/rubric's checkRubricPin only says whether it matches.)
 */
export function assertRubricPin(pin: RubricPin | undefined, ours: RubricLike): void {
  if (pin === undefined) return;
  const check = checkRubricPin(pin, ours);
  if (check.ok) return;
  throw new RubricMismatchError(`rubric mismatch: ${check.reason}`, {
    details: {
      rubric: {
        requested: check.theirs,
        ours: { version: ours.version, fingerprint: ours.fingerprint },
      },
    },
  });
}
