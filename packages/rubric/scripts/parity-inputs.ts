/*
 * Hand-chosen inputs for parity/vectors.json. Each case says what it is meant to show (`intent`);
 * the generator computes the exact expected values with this package's code and refuses to write
 * the file if any result contradicts the intent, so a rubric change that moves a case (e.g. a new
 * threshold) is caught here rather than silently changing what the vector tests.
 * Raw magnitudes mimic SigLIP sigmoid outputs, which are mostly well below 0.5.
 */
import type { RubricInputProblem } from '../src/errors.js';
import type { Explicitness, RubricThresholds } from '../src/types.js';

export interface FrameCaseInput {
  name: string;
  raw: number[];
  intent: Explicitness;
  /** Normalized scores that must come out exactly (e.g. a threshold hit on the dot). */
  exact?: { explicit?: number; suggestive?: number };
}
export interface InvalidCaseInput {
  name: string;
  raw: (number | null)[];
  intent: RubricInputProblem;
}
export interface VideoCaseInput {
  name: string;
  frames: number[][];
  intent: { explicitness: Explicitness; poster: number };
}

// Typical frames, reused by the video cases (quality q, explicit score e in the comments).
const sfwA = [0.0012, 0.0408, 0.0031, 0.0342, 0.06, 0.01]; // q 0.857
const sfwB = [0.002, 0.039, 0.004, 0.03, 0.09, 0.01]; // q 0.9
const sfwC = [0.0015, 0.04, 0.003, 0.033, 0.01, 0.04]; // q 0.2
const explicitX = [0.2113, 0.0041, 0.1498, 0.0102, 0.095, 0.005]; // e 0.981, q 0.95
const explicitW = [0.03, 0.01, 0.01, 0.01, 0.02, 0.03]; // e 0.75, q 0.4
const suggestiveY = [0.0104, 0.0297, 0.1201, 0.0148, 0.098, 0.002]; // e 0.259, q 0.98
const suggestiveZ = [0.005, 0.03, 0.09, 0.01, 0.03, 0.02]; // e 0.143, q 0.6
const zeros = [0, 0, 0, 0, 0, 0];

export function parityInputs(t: RubricThresholds) {
  // Raw pairs that land exactly on a threshold T: T + (1 - T) is exactly 1 for T in [0.5, 1].
  const atE = [t.explicit, 1 - t.explicit];
  const belowE = [t.explicit - 1e-9, 1 - t.explicit + 1e-9];
  const atS = [t.suggestive, 1 - t.suggestive];
  const belowS = [t.suggestive - 1e-9, 1 - t.suggestive + 1e-9];
  const calm = [0.01, 0.09]; // 0.1: far below any threshold
  const mid = [0.2, 0.2];

  // biome-ignore format: one case per line reads as a table
  const frames: FrameCaseInput[] = [
    { name: 'clear sfw frame', raw: [0.0012, 0.0408, 0.0031, 0.0342, 0.0815, 0.0097], intent: 'sfw' },
    { name: 'clear explicit frame', raw: [0.2113, 0.0041, 0.1498, 0.0102, 0.0187, 0.0304], intent: 'explicit' },
    { name: 'suggestive, not explicit', raw: [0.0104, 0.0297, 0.1201, 0.0148, 0.0503, 0.0497], intent: 'suggestive' },
    { name: 'explicit and suggestive both reached: explicit wins', raw: [0.3, 0.01, 0.4, 0.01, 0.05, 0.05], intent: 'explicit' },
    { name: 'all six scores 0: every pair is 0.5', raw: zeros, intent: 'sfw' },
    { name: 'explicit pair both 0: 0.5, not an error', raw: [0, 0, 0.02, 0.01, 0.3, 0.1], intent: 'sfw' },
    { name: 'positive 0, negative > 0: score 0', raw: [0, 0.5, 0, 0.25, 0, 1], intent: 'sfw' },
    { name: 'negative 0, positive > 0: score 1', raw: [0.5, 0, 0.25, 0, 1, 0], intent: 'explicit' },
    { name: 'tiny positive against 0 negative: score 1', raw: [1e-12, 0, 0, 1e-12, 0.5, 0.5], intent: 'explicit' },
    { name: 'all six scores 1', raw: [1, 1, 1, 1, 1, 1], intent: 'sfw' },
    { name: 'subnormal scores', raw: [5e-324, 5e-324, 5e-324, 0, 0, 5e-324], intent: 'suggestive' },
    { name: 'explicit exactly at threshold (inclusive)', raw: [...atE, ...calm, ...mid], intent: 'explicit', exact: { explicit: t.explicit } },
    { name: 'explicit just below threshold', raw: [...belowE, ...calm, ...mid], intent: 'sfw' },
    { name: 'suggestive exactly at threshold (inclusive)', raw: [...calm, ...atS, ...mid], intent: 'suggestive', exact: { suggestive: t.suggestive } },
    { name: 'suggestive just below threshold', raw: [...calm, ...belowS, ...mid], intent: 'sfw' },
    { name: 'explicit just below, suggestive at threshold', raw: [...belowE, ...atS, ...mid], intent: 'suggestive' },
    // Decimal 3:2 is 0.6 on paper, but float64 gives 0.5999999999999999: no tolerance, no decimals.
    { name: 'float64 rounds a 3:2 ratio just under 0.6', raw: [0.0213, 0.0142, ...calm, ...mid], intent: 'sfw' },
    // Decimal 7:3 is 0.7 on paper, float64 gives 0.7000000000000001.
    { name: 'float64 rounds a 7:3 ratio just over 0.7', raw: [...calm, 0.021, 0.009, ...mid], intent: 'suggestive' },
  ];

  // biome-ignore format: one case per line reads as a table
  const invalid: InvalidCaseInput[] = [
    { name: 'five scores', raw: [0.1, 0.1, 0.1, 0.1, 0.1], intent: 'wrong_count' },
    { name: 'seven scores', raw: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], intent: 'wrong_count' },
    { name: 'no scores', raw: [], intent: 'wrong_count' },
    { name: 'a score above 1', raw: [0.1, 1.5, 0.1, 0.1, 0.1, 0.1], intent: 'out_of_range' },
    { name: 'a negative score', raw: [0.1, 0.1, -0.01, 0.1, 0.1, 0.1], intent: 'out_of_range' },
    { name: 'a null score', raw: [0.1, 0.1, 0.1, 0.1, null, 0.1], intent: 'not_a_number' },
  ];

  // biome-ignore format: one case per line reads as a table
  const videos: VideoCaseInput[] = [
    { name: 'one explicit frame among many sfw', frames: [sfwA, sfwC, sfwA, explicitX, sfwB, sfwC, sfwA, sfwC], intent: { explicitness: 'explicit', poster: 4 } },
    { name: 'all sfw: poster is the highest quality', frames: [sfwC, sfwA, sfwB, sfwC], intent: { explicitness: 'sfw', poster: 2 } },
    { name: 'sfw quality tie: earliest frame is the poster', frames: [sfwC, sfwB, sfwA, sfwB], intent: { explicitness: 'sfw', poster: 1 } },
    { name: 'best quality is suggestive: poster is the best sfw frame', frames: [sfwC, suggestiveY, sfwA], intent: { explicitness: 'suggestive', poster: 2 } },
    { name: 'no sfw frame: poster is the suggestive frame with the lowest explicit score', frames: [explicitX, suggestiveY, suggestiveZ, explicitX], intent: { explicitness: 'explicit', poster: 2 } },
    { name: 'no sfw frame, all explicit: lowest explicit score', frames: [explicitX, explicitW, explicitX], intent: { explicitness: 'explicit', poster: 1 } },
    { name: 'no sfw frame, explicit score tie: earliest', frames: [explicitX, suggestiveZ, suggestiveY, suggestiveZ], intent: { explicitness: 'explicit', poster: 1 } },
    { name: 'all suggestive: not explicit', frames: [suggestiveY, suggestiveZ], intent: { explicitness: 'suggestive', poster: 1 } },
    { name: 'single sfw frame', frames: [sfwA], intent: { explicitness: 'sfw', poster: 0 } },
    { name: 'single explicit frame', frames: [explicitX], intent: { explicitness: 'explicit', poster: 0 } },
    { name: 'last frame exactly at the explicit threshold', frames: [sfwA, sfwB, [...atE, ...calm, ...mid]], intent: { explicitness: 'explicit', poster: 1 } },
    { name: 'all-zero frames: all 0.5, earliest is the poster', frames: [zeros, zeros, zeros], intent: { explicitness: 'sfw', poster: 0 } },
  ];

  return { frames, invalid, videos };
}
