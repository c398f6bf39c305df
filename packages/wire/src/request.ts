// The options of a classify request: the JSON body (`video_base64` and the options), or, for a
// raw upload, the same options as query parameters. encodeClassifyQuery writes what
// ClassifyQuerySchema reads, so a client and the server cannot disagree on the spelling.
import { z } from 'zod';

export const SCORER_VALUES = ['moderation', 'quality', 'scene'] as const;
export type ScorerValue = (typeof SCORER_VALUES)[number];

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
  .meta({
    id: 'RubricPin',
    description:
      'pins the caller’s rubric: fingerprint must equal ours, else dimensions and thresholds must',
  });
export type RubricPin = z.infer<typeof RubricPinSchema>;

export const CallbackUrlSchema = z
  .string()
  .max(2048)
  .describe(
    'POST /classify-video only: an http(s) URL the job envelope is POSTed to, signed, when the job ends; its host must be on the service’s CALLBACK_ALLOWED_HOSTS',
  );

const ReuseSchema = z.boolean().describe('false: run again even if the same job exists');

/** The options every submission may carry, whichever way it is sent. */
export const ClassifyOptionsSchema = z.object({
  keyframes: KeyframesSchema.optional(),
  scorers: ScorersSchema.optional(),
  rubric: RubricPinSchema.optional(),
  reuse: ReuseSchema.optional(),
  callback_url: CallbackUrlSchema.optional(),
});
export type ClassifyOptions = z.infer<typeof ClassifyOptionsSchema>;

/** The JSON body of POST /classify-video(/sync). The server streams `video_base64` out first. */
export const ClassifyRequestSchema = ClassifyOptionsSchema.extend({
  video_base64: z.string().describe('the video file, base64 (a data: URL prefix is accepted)'),
}).meta({ id: 'ClassifyRequest' });
export type ClassifyRequest = z.infer<typeof ClassifyRequestSchema>;

/** The query string of a raw upload (Content-Type video/* or application/octet-stream). */
export const ClassifyQuerySchema = z.object({
  keyframes: z
    .union([z.literal('null'), z.string().regex(/^\d+$/, 'must be a whole number or null')])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'null' ? null : Number(v)))
    .pipe(KeyframesSchema.optional())
    .meta({ description: '"null" (scene-aware, default) or N evenly spaced frames' }),
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
    .pipe(ScorersSchema.optional())
    .meta({ description: 'comma-separated: moderation, quality, scene' }),
  rubric_fingerprint: z
    .string()
    .optional()
    .meta({ description: 'pin our rubric by fingerprint (409 if it differs)' }),
  rubric: z.string().optional().meta({ description: 'a rubric pin as JSON text' }),
  reuse: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description: 'false: do not reuse an identical job' }),
  callback_url: CallbackUrlSchema.optional(),
});
export type ClassifyQuery = z.output<typeof ClassifyQuerySchema>;

/** The query string a raw upload with these options carries (what ClassifyQuerySchema reads). */
export function encodeClassifyQuery(o: ClassifyOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (o.keyframes !== undefined)
    q.set('keyframes', o.keyframes === null ? 'null' : String(o.keyframes));
  if (o.scorers !== undefined && o.scorers.length > 0) q.set('scorers', o.scorers.join(','));
  if (o.rubric !== undefined) {
    const keys = Object.keys(o.rubric);
    if (keys.length === 1 && keys[0] === 'fingerprint' && o.rubric.fingerprint !== undefined)
      q.set('rubric_fingerprint', o.rubric.fingerprint);
    else q.set('rubric', JSON.stringify(o.rubric));
  }
  if (o.reuse !== undefined) q.set('reuse', String(o.reuse));
  if (o.callback_url !== undefined) q.set('callback_url', o.callback_url);
  return q;
}
