// The OpenAPI document. The classify routes add themselves when they are mounted
// (`app.openapi(spec, handler)`: the document shows the schemas the routes check); this file adds
// what they cannot: the bearer scheme, the JSON request body they name by reference, and the
// open routes. scripts/generate-openapi.ts builds the same document without a running service
// (documentOnly) and commits it as openapi.json; a test checks the live one equals it.
import { OpenAPIHono } from '@hono/zod-openapi';
import { ClassifyRequestSchema } from '@imajin/wire';
import type { z } from 'zod';
import { statusSpec } from './routes/status.js';
import { submitSpec } from './routes/submit.js';
import { syncSpec } from './routes/sync.js';

/** The routes' declarations, in the order the app mounts them. */
export const CLASSIFY_ROUTES = [syncSpec, submitSpec, statusSpec] as const;

const OPEN_ROUTES = [
  ['/healthz', 'the process is up'],
  ['/readyz', 'Redis reachable; persistence, scorer and model-boss reachability reported'],
  ['/metrics', 'Prometheus metrics'],
] as const;

/**
 * Adds a named schema (its zod `.meta({ id })` names it) to the registry's components.
 * `registry.register()` would call the schema's `.openapi()`, which exists only on schemas made
 * after @hono/zod-openapi patched zod: @imajin/wire's are plain zod and may be made before. The
 * generator reads `.meta()` ids itself, so the definition is pushed as register() would.
 */
function addSchema(app: OpenAPIHono, schema: z.ZodType): void {
  const defs = (app.openAPIRegistry as unknown as { _definitions?: unknown[] })._definitions;
  if (!Array.isArray(defs)) throw new Error('@asteasolutions/zod-to-openapi changed its registry');
  defs.push({ type: 'schema', schema });
}

export function describeRoutes(app: OpenAPIHono): void {
  const reg = app.openAPIRegistry;
  reg.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  addSchema(app, ClassifyRequestSchema);
  for (const [path, summary] of OPEN_ROUTES) {
    reg.registerPath({ method: 'get', path, summary, responses: { 200: { description: 'ok' } } });
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

/** The document of an app with every route declared but none mounted (for the generator). */
export function documentOnly(version: string): Record<string, unknown> {
  const app = new OpenAPIHono();
  describeRoutes(app);
  for (const spec of CLASSIFY_ROUTES) app.openAPIRegistry.registerPath(spec);
  return openApiDocument(app, version);
}

/** The key that marks the committed openapi.json as generated (absent from the live document). */
export const GENERATED_MARK = 'x-generated';
