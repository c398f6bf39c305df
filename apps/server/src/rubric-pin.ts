// A caller may pin its rubric: if the pin has a fingerprint it must equal ours; otherwise its
// dimensions (ids, labels, order) and thresholds must equal ours, extra keys ignored. We never
// score with what the caller sent, so a pin can only refuse, never loosen the gate.
import { RubricMismatchError } from './errors/rubric-mismatch-error.js';

export interface RubricLike {
  version: string;
  fingerprint: string;
  dimensions: readonly { id: string; positive: string; negative: string }[];
  thresholds: { explicit: number; suggestive: number };
}

export interface RubricPin {
  version?: string | undefined;
  fingerprint?: string | undefined;
  dimensions?: readonly { id: string; positive: string; negative: string }[] | undefined;
  thresholds?: { explicit: number; suggestive: number } | undefined;
}

function whyDifferent(pin: RubricPin, ours: RubricLike): string | null {
  if (pin.fingerprint !== undefined) {
    return pin.fingerprint.toLowerCase() === ours.fingerprint ? null : 'fingerprint differs';
  }
  if (!pin.dimensions || !pin.thresholds)
    return 'the pin has no fingerprint, and no dimensions and thresholds to compare';
  if (pin.dimensions.length !== ours.dimensions.length) return 'a different number of dimensions';
  for (const [i, mine] of ours.dimensions.entries()) {
    const theirs = pin.dimensions[i];
    if (theirs?.id !== mine.id)
      return `dimension ${i} is ${JSON.stringify(theirs?.id)}, ours is ${JSON.stringify(mine.id)}`;
    if (theirs.positive !== mine.positive || theirs.negative !== mine.negative)
      return `labels of dimension "${mine.id}" differ`;
  }
  if (pin.thresholds.explicit !== ours.thresholds.explicit) return 'the explicit threshold differs';
  if (pin.thresholds.suggestive !== ours.thresholds.suggestive)
    return 'the suggestive threshold differs';
  return null;
}

/** Throws RubricMismatchError (409) naming both versions when the pin is not our rubric. */
export function checkRubricPin(pin: RubricPin | undefined, ours: RubricLike): void {
  if (pin === undefined) return;
  const why = whyDifferent(pin, ours);
  if (why === null) return;
  const theirs = { version: pin.version ?? null, fingerprint: pin.fingerprint ?? null };
  throw new RubricMismatchError(
    `rubric mismatch: the request pins rubric ${theirs.version ?? '(no version)'}, this service runs ${ours.version} (${why})`,
    {
      details: {
        rubric: {
          requested: theirs,
          ours: { version: ours.version, fingerprint: ours.fingerprint },
        },
      },
    },
  );
}
