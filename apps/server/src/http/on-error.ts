// The one error handler: every failure leaves as `{error, error_code, retryable}` JSON with
// the right status (and Retry-After on 503s) — never HTML, a bare 5xx or a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toWireError } from '../errors/wire.js';
import type { Logger } from '../logger.js';

export function errorResponder(logger: Logger) {
  return (err: Error, c: Context) => {
    const w = toWireError(err);
    const where = {
      method: c.req.method,
      path: c.req.path,
      status: w.status,
      error_code: w.body.error_code,
    };
    if (w.internal) logger.error({ ...where, err }, 'request failed on our side');
    else logger.info({ ...where, error: w.body.error }, 'request refused');
    if (w.retryAfterSec !== undefined) c.header('Retry-After', String(w.retryAfterSec));
    for (const [k, v] of Object.entries(w.headers ?? {})) c.header(k, v);
    // No `Connection: close` on a 413: closing with the body unread makes the kernel reset the
    // connection, and the client often saw EPIPE ("unreachable", retryable) instead of the 413.
    // The Node adapter drains the rest for at most 500 ms / 64 MiB, then closes.
    return c.json(w.body, w.status as ContentfulStatusCode);
  };
}
