// The test kit's contract-valid result, parsed with @imajin/wire's schema, for the loopback
// service to answer with.
import { RUBRIC } from '@imajin/rubric';
import { sampleResult } from '@imajin/test-kit';
import { type ClassifyResult, ClassifyResultSchema } from '@imajin/wire';

export function validResult(explicit = false): ClassifyResult {
  return ClassifyResultSchema.parse(sampleResult(RUBRIC, explicit));
}
