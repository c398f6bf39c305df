// Open routes (no auth): /healthz (the process is up), /readyz, /metrics.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { Metrics } from '../../metrics.js';
import { checkReadiness } from '../../readiness.js';

export function healthRoutes(
  app: OpenAPIHono,
  deps: { redis: Redis; config: Config; scorerName: string; metrics: Metrics; role: string },
): void {
  app.get('/healthz', (c) => c.json({ status: 'ok', role: deps.role }, 200));

  app.get('/readyz', async (c) => {
    const r = await checkReadiness(deps.redis, deps.config, deps.scorerName);
    return c.json(
      { status: r.ready ? 'ready' : 'not_ready', role: deps.role, ...r },
      r.ready ? 200 : 503,
    );
  });

  app.get('/metrics', async (c) => {
    const text = await deps.metrics.registry.metrics();
    return c.text(text, 200, { 'Content-Type': deps.metrics.registry.contentType });
  });
}
