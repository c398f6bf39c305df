/**
 * `@imajin/rubric/parity`: the shipped parity vectors and a runner, so another implementation
 * of the rubric (the photo path, another language's port) can prove it computes the same verdicts.
 */
export {
  type ParityFailure,
  type ParityImplementation,
  type ParityReport,
  runParityVectors,
} from './run.js';
export {
  FrameCaseSchema,
  InvalidCaseSchema,
  loadParityVectors,
  type ParityCase,
  type ParityVectors,
  ParityVectorsSchema,
  VECTORS_FILE,
  VideoCaseSchema,
} from './vectors.js';
