// The HTTP app: open health/metrics/docs routes, bearer-protected classify routes, one
// error handler. Built without a socket so tests can call app.request().
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { BadRequestError } from '../errors/bad-request-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Services } from '../services.js';
import { bearerAuth } from './auth.js';
import { errorResponder } from './on-error.js';
import { describeRoutes } from './openapi.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { statusRoute } from './routes/status.js';
import { submitRoute } from './routes/submit.js';
import { syncRoute } from './routes/sync.js';
import { describeIssues } from './submission.js';

export const API_VERSION = '1.0.0';

function accessLog(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : 'unmatched';
    metrics.httpRequests.inc({ route: `${c.req.method} ${route}`, status: String(c.res.status) });
    if (c.req.path === '/metrics' || c.req.path === '/healthz' || c.req.path === '/readyz') return;
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        job_id: c.res.headers.get('x-job-id') ?? undefined,
        ms: Math.round(performance.now() - started),
      },
      'http',
    );
  };
}

export function createApp(s: Services): OpenAPIHono {
  // A route's schema refusing its query or path answers our 400 error body (through onError),
  // never the library's own `{success: false, error}` shape.
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success)
        throw new BadRequestError(`invalid ${result.target}: ${describeIssues(result.error)}`);
    },
  });
  app.onError(errorResponder(s.logger));
  app.notFound((c) => {
    throw new NotFoundError(`no route ${c.req.method} ${c.req.path}`);
  });
  app.use('*', accessLog(s.logger, s.metrics));
  healthRoutes(app, {
    redis: s.redis,
    config: s.config,
    scorerName: s.engine.scorerName,
    metrics: s.metrics,
    role: 'api',
  });
  describeRoutes(app);
  docsRoutes(app, API_VERSION);
  app.use('/classify-video', bearerAuth(s.config.apiTokens));
  app.use('/classify-video/*', bearerAuth(s.config.apiTokens));
  syncRoute(app, s); // before /:id so "sync" is not read as a job id
  submitRoute(app, s);
  statusRoute(app, s);
  return app;
}
