import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FrameScoreSchema, VideoAggregateSchema } from '../schema.js';

const RawSchema = z.array(z.number().nullable());

/** One frame: six raw model-boss scores → exact normalized scores and class. */
export const FrameCaseSchema = z.object({
  name: z.string(),
  kind: z.literal('frame'),
  raw_scores: RawSchema,
  expected: FrameScoreSchema,
});

/** Raw scores an implementation must refuse (wrong count, out of range, null). */
export const InvalidCaseSchema = z.object({
  name: z.string(),
  kind: z.literal('invalid'),
  raw_scores: RawSchema,
  expected: z.object({ error: z.string() }),
});

/** A video: each frame's raw scores → each frame's verdict and the video's aggregate. */
export const VideoCaseSchema = z.object({
  name: z.string(),
  kind: z.literal('video'),
  raw_scores: z.array(RawSchema).min(1),
  expected: VideoAggregateSchema.extend({ frames: z.array(FrameScoreSchema) }),
});

export const ParityVectorsSchema = z.object({
  $comment: z.string(),
  rubric_version: z.string(),
  rubric_fingerprint: z.string(),
  cases: z.array(
    z.discriminatedUnion('kind', [FrameCaseSchema, InvalidCaseSchema, VideoCaseSchema]),
  ),
});

export type ParityVectors = z.infer<typeof ParityVectorsSchema>;
export type ParityCase = ParityVectors['cases'][number];

/** Path of the shipped vectors, `<package>/parity/vectors.json` (same depth from src/ and dist/). */
export const VECTORS_FILE: string = fileURLToPath(
  new URL('../../parity/vectors.json', import.meta.url),
);

/** Reads and validates the vectors shipped with this package. */
export function loadParityVectors(): ParityVectors {
  return ParityVectorsSchema.parse(JSON.parse(readFileSync(VECTORS_FILE, 'utf8')));
}
