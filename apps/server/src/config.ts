// Configuration from the environment, validated once at start-up. A wrong value stops the
// process with a message naming the variable, never a silent default.

import { MAX_KEYFRAMES } from '@imajin/pipeline';
import { z } from 'zod';
import { type CallbackConfig, readCallbackConfig } from './callbacks/config.js';
import { ConfigError } from './errors/config-error.js';
import { parseBytes, parseSeconds } from './units.js';

const MiB = 1024 ** 2;

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min)
    .max(max, `must be at most ${max}`);
const bytes = z.string().transform((s, ctx) => {
  const n = parseBytes(s);
  if (n === undefined || n < 1)
    ctx.addIssue({ code: 'custom', message: 'must be a size such as 52428800, 50MiB or 50MB' });
  return n ?? 0;
});
const seconds = z.string().transform((s, ctx) => {
  const n = parseSeconds(s);
  if (n === undefined || n <= 0)
    ctx.addIssue({ code: 'custom', message: 'must be a duration such as 30, 30s, 500ms or 30m' });
  return n ?? 0;
});
const flag = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: int(0, 65535).default(8080),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, _ . - only')
    .default('imajin'),
  QUEUE_NAME: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, _ . - only')
    .default('classify-video'),
  SCORER: z.enum(['local', 'model-boss']).optional(),
  MODEL_BOSS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  MODEL_BOSS_TIMEOUT: seconds.default(30),
  MODEL_BOSS_MAX_IN_FLIGHT: int(1, 1024).default(8),
  MODEL_BOSS_RETRIES: int(0, 10).default(2),
  MAX_UPLOAD_BYTES: bytes.default(512 * MiB),
  MAX_JSON_BYTES: bytes.default(300 * MiB),
  SYNC_MAX_BYTES: bytes.default(50 * MiB),
  SYNC_MAX_DURATION: seconds.default(30),
  SYNC_SLOT_WAIT: seconds.default(5),
  KEYFRAMES_MIN: int(1, MAX_KEYFRAMES).default(3),
  KEYFRAMES_MAX: int(1, MAX_KEYFRAMES).default(16),
  MAX_GAP: seconds.default(4),
  JOB_TTL: seconds.default(24 * 3600),
  RETRY_WINDOW: seconds.default(30 * 60),
  RETRY_BACKOFF_MIN: seconds.default(2),
  RETRY_BACKOFF_MAX: seconds.default(60),
  BREAKER_THRESHOLD: int(1, 1000).default(3),
  BREAKER_OPEN: seconds.default(30),
  QUEUE_MAX_DEPTH: int(1).default(1000),
  QUEUE_MAX_BYTES: bytes.default(4096 * MiB),
  OVERLOAD_RETRY_AFTER: seconds.default(30),
  JOBS_PER_WORKER: int(1, 64).default(3),
  DECODE_THREADS: int(1, 128).default(4),
  LOCK_DURATION: seconds.default(30),
  STALLED_INTERVAL: seconds.default(30),
  MAX_STALLED_COUNT: int(0, 100).default(3),
  DRAIN_TIMEOUT: seconds.default(60),
  IN_PROCESS_WORKER: flag.default(true),
  API_TOKENS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ScorerConfig =
  | { kind: 'local' }
  | { kind: 'model-boss'; url: string; timeoutMs: number; maxInFlight: number; retries: number };

export interface Config {
  production: boolean;
  host: string;
  port: number;
  redisUrl: string;
  redisPrefix: string;
  queueName: string;
  scorer: ScorerConfig;
  /** Set when the scorer was chosen by default rather than by SCORER (shown at start-up and in /readyz). */
  scorerWarning: string | null;
  limits: {
    uploadBytes: number;
    jsonBytes: number;
    syncBytes: number;
    syncDurationSec: number;
    syncSlotWaitMs: number;
  };
  band: { min: number; max: number };
  maxGapSec: number;
  jobTtlSec: number;
  retry: { windowMs: number; backoffMinMs: number; backoffMaxMs: number };
  breaker: { threshold: number; openMs: number };
  backpressure: { maxDepth: number; maxBytes: number; retryAfterSec: number };
  worker: {
    inProcess: boolean;
    concurrency: number;
    decodeThreads: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    maxStalledCount: number;
    drainTimeoutMs: number;
  };
  apiTokens: string[];
  logLevel: string;
  /** Webhooks (CALLBACK_*): see callbacks/config.ts. */
  callbacks: CallbackConfig;
}

/** Reads and checks the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(env)'}: ${i.message}${describe(present, i.path)}`,
    );
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  if (production && !e.SCORER)
    problems.push('SCORER: must be set explicitly (local or model-boss) when NODE_ENV=production');
  const kind = e.SCORER ?? (e.MODEL_BOSS_URL ? 'model-boss' : 'local');
  if (kind === 'model-boss' && !e.MODEL_BOSS_URL)
    problems.push('MODEL_BOSS_URL: required when SCORER=model-boss');
  if (e.KEYFRAMES_MIN > e.KEYFRAMES_MAX)
    problems.push(`KEYFRAMES_MIN: ${e.KEYFRAMES_MIN} is above KEYFRAMES_MAX ${e.KEYFRAMES_MAX}`);
  if (e.RETRY_BACKOFF_MIN > e.RETRY_BACKOFF_MAX)
    problems.push('RETRY_BACKOFF_MIN: is above RETRY_BACKOFF_MAX');
  const callbacks = readCallbackConfig(present, production);
  problems.push(...callbacks.problems);
  if (problems.length) throw new ConfigError(problems);

  const scorer: ScorerConfig =
    kind === 'model-boss'
      ? {
          kind,
          url: e.MODEL_BOSS_URL as string,
          timeoutMs: e.MODEL_BOSS_TIMEOUT * 1000,
          maxInFlight: e.MODEL_BOSS_MAX_IN_FLIGHT,
          retries: e.MODEL_BOSS_RETRIES,
        }
      : { kind: 'local' };
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    queueName: e.QUEUE_NAME,
    scorer,
    scorerWarning:
      kind === 'local' && !e.SCORER
        ? "MODEL_BOSS_URL is not set: using the embedded local scorer, whose calibration is not model-boss's (set SCORER=local to silence this)"
        : null,
    limits: {
      uploadBytes: e.MAX_UPLOAD_BYTES,
      jsonBytes: e.MAX_JSON_BYTES,
      syncBytes: e.SYNC_MAX_BYTES,
      syncDurationSec: e.SYNC_MAX_DURATION,
      syncSlotWaitMs: e.SYNC_SLOT_WAIT * 1000,
    },
    band: { min: e.KEYFRAMES_MIN, max: e.KEYFRAMES_MAX },
    maxGapSec: e.MAX_GAP,
    jobTtlSec: Math.ceil(e.JOB_TTL),
    retry: {
      windowMs: e.RETRY_WINDOW * 1000,
      backoffMinMs: e.RETRY_BACKOFF_MIN * 1000,
      backoffMaxMs: e.RETRY_BACKOFF_MAX * 1000,
    },
    breaker: { threshold: e.BREAKER_THRESHOLD, openMs: e.BREAKER_OPEN * 1000 },
    backpressure: {
      maxDepth: e.QUEUE_MAX_DEPTH,
      maxBytes: e.QUEUE_MAX_BYTES,
      retryAfterSec: Math.ceil(e.OVERLOAD_RETRY_AFTER),
    },
    worker: {
      inProcess: e.IN_PROCESS_WORKER,
      concurrency: e.JOBS_PER_WORKER,
      decodeThreads: e.DECODE_THREADS,
      lockDurationMs: e.LOCK_DURATION * 1000,
      stalledIntervalMs: e.STALLED_INTERVAL * 1000,
      maxStalledCount: e.MAX_STALLED_COUNT,
      drainTimeoutMs: e.DRAIN_TIMEOUT * 1000,
    },
    apiTokens: (e.API_TOKENS ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    callbacks: callbacks.config,
  };
}

function describe(env: Record<string, string | undefined>, path: readonly PropertyKey[]): string {
  const key = path[0];
  const value = typeof key === 'string' ? env[key] : undefined;
  if (
    value === undefined ||
    key === 'API_TOKENS' ||
    key === 'CALLBACK_SECRET' ||
    key === 'REDIS_URL'
  )
    return '';
  return ` (got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)})`;
}
