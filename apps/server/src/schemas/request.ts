// Request options: the JSON body, and the same options as query parameters for raw uploads.
import { z } from '@hono/zod-openapi';

export const SCORER_VALUES = ['moderation', 'quality', 'scene'] as const;

export const KeyframesSchema = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .nullable()
  .describe('null = scene-aware; N = N evenly spaced frames, clamped to the band');
export const ScorersSchema = z
  .array(z.enum(SCORER_VALUES))
  .max(16)
  .describe('the consumer’s values; v1 always runs the whole rubric and echoes them');
export const RubricPinSchema = z
  .looseObject({
    version: z.string().optional(),
    fingerprint: z.string().optional(),
    dimensions: z
      .array(z.looseObject({ id: z.string(), positive: z.string(), negative: z.string() }))
      .optional(),
    thresholds: z.looseObject({ explicit: z.number(), suggestive: z.number() }).optional(),
  })
  .describe(
    'pins the caller’s rubric: fingerprint must equal ours, else dimensions and thresholds must',
  )
  .openapi('RubricPin');

// --- callbacks (webhooks): POST /classify-video only; checked against the allow-list later ---
export const CallbackUrlSchema = z
  .string()
  .describe(
    'http(s) URL POSTed the job envelope, signed, when the job ends; its host must be on CALLBACK_ALLOWED_HOSTS',
  );
// --- end callbacks ---

export const ClassifyBodySchema = z
  .object({
    video_base64: z.string().describe('the video file, base64 (a data: URL prefix is accepted)'),
    keyframes: KeyframesSchema.optional(),
    scorers: ScorersSchema.optional(),
    rubric: RubricPinSchema.optional(),
    reuse: z.boolean().optional().describe('false: run again even if the same job exists'),
    callback_url: CallbackUrlSchema.optional(),
  })
  .openapi('ClassifyRequest');

export const ClassifyQuerySchema = z
  .object({
    keyframes: z
      .union([z.literal('null'), z.string().regex(/^\d+$/, 'must be a whole number or null')])
      .optional()
      .transform((v) =>
        v === undefined || v === 'null' ? (v === 'null' ? null : undefined) : Number(v),
      )
      .pipe(KeyframesSchema.optional()),
    scorers: z
      .string()
      .optional()
      .transform((v) =>
        v === undefined
          ? undefined
          : v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
      )
      .pipe(ScorersSchema.optional()),
    rubric_fingerprint: z.string().optional(),
    rubric: z.string().optional().describe('a rubric pin as JSON text'),
    reuse: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    callback_url: CallbackUrlSchema.optional(),
  })
  .openapi('ClassifyQuery');

/** The options a job runs with (what the dedupe key and the pipeline see). */
export interface JobOptions {
  keyframes: number | null;
  scorers: string[];
}
