// The e2e tests' shared set-up around the built server process.
import { type ClientOptions, createClient, type ImajinClient } from '@imajin/client';
import { type ServerProcess, troubleLines } from '@imajin/test-kit';
import { beforeEach, onTestFailed } from 'vitest';
import { REDIS_URL } from './redis.js';

/**
 * The environment of a server on the tests' Redis, with keys and queue under `prefix` of its
 * own, scoring with the model-boss stand-in at `bossUrl`.
 */
export function sharedRedisEnv(
  prefix: string,
  bossUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    REDIS_URL: REDIS_URL as string,
    REDIS_PREFIX: prefix,
    QUEUE_NAME: prefix,
    SCORER: 'model-boss',
    MODEL_BOSS_URL: bossUrl,
    ...extra,
  };
}

/** Prints the warnings and errors of `procs()` when a test of the enclosing describe fails. */
export function printLogsOnFailure(procs: () => (ServerProcess | undefined)[]): void {
  beforeEach(() => {
    onTestFailed(() =>
      console.error(`server logs (warnings and errors):\n${troubleLines(...procs())}`),
    );
  });
}

/**
 * The ingester's client (@imajin/client) for a server under test: it polls briskly, and, as in
 * production, retries nothing unless `options` asks.
 */
export function ingesterClient(url: string, options: Partial<ClientOptions> = {}): ImajinClient {
  return createClient({ baseUrl: url, poll: { firstMs: 100, maxMs: 500 }, ...options });
}
