// Optional bearer-token auth (API_TOKENS). Tokens are compared as SHA-256 digests with
// timingSafeEqual, against every configured token, so timing says nothing about a token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../errors/unauthorized-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerAuth(tokens: readonly string[]): MiddlewareHandler {
  const digests = tokens.map(digest);
  return async (c, next) => {
    if (digests.length === 0) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const offered = digest(match?.[1] ?? '');
    let ok = false;
    for (const d of digests) ok = timingSafeEqual(d, offered) || ok;
    if (!ok || !match) {
      throw new UnauthorizedError(
        match ? 'invalid bearer token' : 'missing bearer token (Authorization: Bearer <token>)',
        {
          headers: { 'WWW-Authenticate': 'Bearer realm="imajin-video"' },
        },
      );
    }
    return next();
  };
}
