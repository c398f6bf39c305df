// The e2e tests' shared set-up around the built server process.
import {
  type ClientOptions,
  createClient,
  type ImajinClient,
  ServiceUnavailableError,
} from '@imajin/client';
import {
  type ModelBossStandIn,
  type ServerProcess,
  startModelBoss,
  troubleLines,
} from '@imajin/test-kit';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed } from 'vitest';
import { dropTestPrefix, REDIS_URL, testPrefix } from './redis.js';
import { startServer } from './server-process.js';

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

/**
 * Model-boss failures that surface within a test's patience: no scorer retries, a short job
 * backoff, a breaker that opens after two failures for a second. Add MODEL_BOSS_TIMEOUT and
 * RETRY_WINDOW to taste.
 */
export const QUICK_OUTAGE_ENV: Readonly<Record<string, string>> = {
  MODEL_BOSS_RETRIES: '0',
  RETRY_BACKOFF_MIN: '200ms',
  RETRY_BACKOFF_MAX: '600ms',
  BREAKER_THRESHOLD: '2',
  BREAKER_OPEN: '1s',
};

/** `err` is what a POST gets while the breaker is open: a retryable 503 with a Retry-After. */
export function expectScorerOutage(err: unknown): void {
  expect(err).toBeInstanceOf(ServiceUnavailableError);
  expect(err).toMatchObject({ status: 503, error_code: 'scorer_unavailable', retryable: true });
  expect((err as ServiceUnavailableError).retryAfterMs).toBeGreaterThanOrEqual(1000);
}

/** Prints the warnings and errors of `procs()` when a test of the enclosing describe fails. */
export function printLogsOnFailure(procs: () => (ServerProcess | undefined)[]): void {
  beforeEach(() => {
    onTestFailed(() =>
      console.error(`server logs (warnings and errors):\n${troubleLines(...procs())}`),
    );
  });
}

/** What e2eStack() sets up; the fields are filled in by its beforeAll. */
export interface E2eStack {
  readonly prefix: string;
  boss: ModelBossStandIn;
  /** The server the tests talk to (API, and a worker unless `env` says otherwise). */
  server: ServerProcess;
  /** The server's environment, for more processes on the same prefix. */
  env: Record<string, string>;
  /** Processes a test started besides `server` (startWorker() puts its workers here). */
  others: ServerProcess[];
  /** A `--worker-only` process on the same prefix, with `extra` on top of `env`. */
  startWorker(extra?: Record<string, string>): Promise<ServerProcess>;
}

export interface E2eOptions {
  /** The stand-in's options (its latency). */
  boss?: Parameters<typeof startModelBoss>[0];
  /** On top of sharedRedisEnv; a function when it needs what an earlier beforeAll started. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** How the processes are stopped afterwards: SIGTERM (drain, the default) or SIGKILL. */
  stopWith?: 'SIGTERM' | 'SIGKILL';
}

/**
 * Registers, in the enclosing describe, the set-up every e2e file shares: the model-boss
 * stand-in, the built server on the tests' Redis under a prefix of its own (`name`), its logs
 * printed when a test fails; afterwards every process stopped, the stand-in closed and the
 * prefix dropped. A describe's own beforeAll registered after this call runs after it.
 */
export function e2eStack(name: string, options: E2eOptions = {}): E2eStack {
  const stack = { prefix: testPrefix(name), others: [] as ServerProcess[] } as E2eStack;
  stack.startWorker = async (extra = {}) => {
    const worker = await startServer({ ...stack.env, ...extra }, ['--worker-only']);
    stack.others.push(worker);
    return worker;
  };
  printLogsOnFailure(() => [stack.server, ...stack.others]);
  beforeAll(async () => {
    stack.boss = await startModelBoss(options.boss);
    const extra = typeof options.env === 'function' ? options.env() : options.env;
    stack.env = sharedRedisEnv(stack.prefix, stack.boss.url, extra);
    stack.server = await startServer(stack.env);
  });
  afterAll(async () => {
    await Promise.all([stack.server, ...stack.others].map((p) => p?.stop(options.stopWith)));
    await stack.boss?.close();
    await dropTestPrefix(stack.prefix);
  });
  return stack;
}

/**
 * The ingester's client (@imajin/client) for a server under test: it polls briskly, and, as in
 * production, retries nothing unless `options` asks.
 */
export function ingesterClient(url: string, options: Partial<ClientOptions> = {}): ImajinClient {
  return createClient({ baseUrl: url, poll: { firstMs: 100, maxMs: 500 }, ...options });
}
