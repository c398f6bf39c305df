/** What was wrong with the input, as a stable word callers can branch on. */
export type RubricInputProblem =
  | 'not_an_array'
  | 'wrong_count'
  | 'not_a_number'
  | 'out_of_range'
  | 'no_frames'
  | 'bad_frame'
  | 'not_json';

/**
 * Bad input to a rubric function: wrong number of scores, NaN, a score outside [0, 1], no frames…
 * The message names the offending value and where it was; `problem` is the machine-readable kind.
 * Recognise it by `instanceof` or by `name` (prototypes do not survive worker threads).
 */
export class RubricInputError extends Error {
  override readonly name = 'RubricInputError';
  readonly problem: RubricInputProblem;

  constructor(problem: RubricInputProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
