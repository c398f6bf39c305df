import { RubricInputError } from './errors.js';

/** Returns `value` if it is a number in [0, 1], else throws `RubricInputError` naming `what`. */
export function checkScore(value: unknown, what: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    const shown = typeof value === 'number' ? 'NaN' : `${typeof value} ${String(value)}`;
    throw new RubricInputError('not_a_number', `${what} is ${shown}, not a number`);
  }
  if (!(value >= 0 && value <= 1)) {
    throw new RubricInputError('out_of_range', `${what} is ${value}, outside [0, 1]`);
  }
  return value;
}
