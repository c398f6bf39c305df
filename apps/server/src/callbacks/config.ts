// The callback settings (CALLBACK_* variables), read by loadConfig (../config.ts).
import { parseSeconds } from '../units.js';
import { AllowList } from './allow-list.js';

export interface CallbackConfig {
  /** Off when CALLBACK_SECRET is unset: a callback_url is then refused with 400. */
  enabled: boolean;
  /** The first signs; all are accepted by verifyCallback (rotation). Never logged. */
  secrets: string[];
  allowList: AllowList;
  /** Attempts stop this long after the first one (the last lands at the window's end). */
  retryWindowMs: number;
  /** The delay before the second attempt; each later delay doubles, with ±20% jitter. */
  firstRetryMs: number;
  /** No delay between attempts is longer than this. */
  maxRetryDelayMs: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Deliveries in flight per worker process. */
  concurrency: number;
  /** Test hook (IMAJIN_TEST_HOLD_AFTER_JOB_END): see test-hook.ts. Refused in production. */
  holdAfterJobEnd: boolean;
}

const DURATIONS = {
  CALLBACK_RETRY_WINDOW: 24 * 3600,
  CALLBACK_FIRST_RETRY: 5,
  CALLBACK_MAX_RETRY_DELAY: 3600,
  CALLBACK_CONNECT_TIMEOUT: 5,
  CALLBACK_TIMEOUT: 15,
} as const;

/** Reads the CALLBACK_* variables; problems name the variable, like loadConfig's. */
export function readCallbackConfig(
  env: Record<string, string | undefined>,
  production: boolean,
): { config: CallbackConfig; problems: string[] } {
  const problems: string[] = [];
  const ms = {} as Record<keyof typeof DURATIONS, number>;
  for (const [name, fallback] of Object.entries(DURATIONS) as [keyof typeof DURATIONS, number][]) {
    const raw = env[name];
    const sec = raw === undefined || raw === '' ? fallback : parseSeconds(raw);
    if (sec === undefined || sec <= 0) {
      problems.push(
        `${name}: must be a duration such as 30, 30s, 500ms, 30m or 24h (got ${JSON.stringify(raw)})`,
      );
      ms[name] = fallback * 1000;
    } else ms[name] = Math.round(sec * 1000);
  }
  const secrets = (env.CALLBACK_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let allowList = new AllowList('');
  try {
    allowList = new AllowList(env.CALLBACK_ALLOWED_HOSTS ?? '');
  } catch (err) {
    problems.push(`CALLBACK_ALLOWED_HOSTS: ${(err as Error).message}`);
  }
  const concurrency = Number(env.CALLBACK_CONCURRENCY ?? '16');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    problems.push('CALLBACK_CONCURRENCY: must be a whole number from 1 to 256');
  const hold =
    env.IMAJIN_TEST_HOLD_AFTER_JOB_END === '1' || env.IMAJIN_TEST_HOLD_AFTER_JOB_END === 'true';
  if (hold && production)
    problems.push('IMAJIN_TEST_HOLD_AFTER_JOB_END: a test hook, refused when NODE_ENV=production');
  return {
    config: {
      enabled: secrets.length > 0,
      secrets,
      allowList,
      retryWindowMs: ms.CALLBACK_RETRY_WINDOW,
      firstRetryMs: ms.CALLBACK_FIRST_RETRY,
      maxRetryDelayMs: ms.CALLBACK_MAX_RETRY_DELAY,
      connectTimeoutMs: ms.CALLBACK_CONNECT_TIMEOUT,
      totalTimeoutMs: ms.CALLBACK_TIMEOUT,
      concurrency,
      holdAfterJobEnd: hold,
    },
    problems,
  };
}
