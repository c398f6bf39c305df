// The OpenAPI description of the routes, from the same zod schemas the handlers validate with.
// Bodies are read as streams (size limits), so these specs document rather than validate.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AcceptedSchema, ErrorSchema, JobEnvelopeSchema } from '../schemas/envelope.js';
import { ClassifyBodySchema } from '../schemas/request.js';
import { ClassifyResultSchema } from '../schemas/result.js';

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});
const retryAfter = {
  'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds' },
};

const QueryDoc = z.object({
  keyframes: z
    .string()
    .optional()
    .openapi({ description: '"null" (scene-aware, default) or N evenly spaced frames' }),
  scorers: z
    .string()
    .optional()
    .openapi({ description: 'comma-separated: moderation, quality, scene' }),
  rubric_fingerprint: z
    .string()
    .optional()
    .openapi({ description: 'pin our rubric by fingerprint (409 if it differs)' }),
  rubric: z.string().optional().openapi({ description: 'a rubric pin as JSON text' }),
  reuse: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'false: do not reuse an identical job' }),
  callback_url: z.string().optional().openapi({
    description: 'POST /classify-video only: where to POST the envelope when the job ends',
  }),
});

const body = {
  required: true,
  content: {
    'application/json': { schema: ClassifyBodySchema },
    'video/*': { schema: { type: 'string' as const, format: 'binary' } },
    'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } },
  },
};

const common = {
  400: err(
    'bad request: malformed JSON, missing or non-base64 video_base64, wrong types, unknown scorers value, empty video',
  ),
  401: err('API_TOKENS is set and no valid bearer token was sent'),
  409: err('rubric_mismatch: the pinned rubric is not ours (both versions named)'),
  413: err('payload_too_large'),
};

export function describeRoutes(app: OpenAPIHono): void {
  const reg = app.openAPIRegistry;
  reg.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  reg.register('ClassifyResult', ClassifyResultSchema);
  reg.registerPath(
    createRoute({
      method: 'post',
      path: '/classify-video',
      summary: 'Queue a video for classification',
      description:
        'JSON with video_base64, or the raw file (video/* or application/octet-stream) with options in the query string.',
      request: { query: QueryDoc, body },
      responses: {
        202: {
          description: 'queued (or the id of an identical live job)',
          content: { 'application/json': { schema: AcceptedSchema } },
        },
        ...common,
        503: { ...err('overloaded, or the scorer is known to be down'), headers: retryAfter },
      },
    }),
  );
  reg.registerPath(
    createRoute({
      method: 'post',
      path: '/classify-video/sync',
      summary: 'Classify a short video and wait for the result',
      request: { query: QueryDoc, body },
      responses: {
        200: {
          description: 'done, result inline',
          content: { 'application/json': { schema: JobEnvelopeSchema } },
        },
        ...common,
        422: err('over the sync duration limit (too_long) or undecodable (the decoder’s code)'),
        502: err('scorer_rejected'),
        503: { ...err('scorer unavailable, or no free slot'), headers: retryAfter },
      },
    }),
  );
  reg.registerPath(
    createRoute({
      method: 'get',
      path: '/classify-video/{job_id}',
      summary: 'A job’s status and result',
      request: { params: z.object({ job_id: z.uuid() }) },
      responses: {
        200: {
          description: 'the job',
          content: { 'application/json': { schema: JobEnvelopeSchema } },
        },
        404: err('unknown or expired job id'),
      },
    }),
  );
  for (const [path, summary] of [
    ['/healthz', 'the process is up'],
    ['/readyz', 'Redis reachable; persistence, scorer and model-boss reachability reported'],
    ['/metrics', 'Prometheus metrics'],
  ] as const) {
    reg.registerPath(
      createRoute({ method: 'get', path, summary, responses: { 200: { description: 'ok' } } }),
    );
  }
}

export function openApiDocument(app: OpenAPIHono, version: string): Record<string, unknown> {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'imajin-video classify',
      version,
      description: 'Classify a video the way the platform classifies a photo.',
    },
    security: [{ bearer: [] }],
  }) as unknown as Record<string, unknown>;
}
