// /readyz: Redis reachable (required), Redis configured so jobs cannot vanish (noeviction +
// AOF: reported), the scorer configured (and a warning for the default local one), and
// model-boss reachability (reported, not required: the retry window covers an outage).
import type { Redis } from 'ioredis';
import type { Config } from './config.js';

export interface Readiness {
  ready: boolean;
  checks: {
    redis: { ok: boolean; error?: string };
    redis_persistence: { maxmemory_policy: string | null; aof: boolean | null; ok: boolean };
    scorer: { kind: string; name: string; ok: boolean };
    model_boss?: { reachable: boolean; status?: number; error?: string };
  };
  warnings: string[];
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

async function redisFacts(
  redis: Redis,
): Promise<Pick<Readiness['checks'], 'redis' | 'redis_persistence'> & { warnings: string[] }> {
  const warnings: string[] = [];
  try {
    await withTimeout(redis.ping(), 2000);
  } catch (err) {
    return {
      redis: { ok: false, error: (err as Error).message },
      redis_persistence: { maxmemory_policy: null, aof: null, ok: false },
      warnings,
    };
  }
  let policy: string | null = null;
  let aof: boolean | null = null;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1] ?? null;
  } catch {
    warnings.push('cannot read maxmemory-policy (CONFIG is disabled?): make sure it is noeviction');
  }
  try {
    const info = await redis.info('persistence');
    const m = /aof_enabled:(\d)/.exec(info);
    aof = m ? m[1] === '1' : null;
  } catch {
    warnings.push('cannot read INFO persistence: make sure AOF is on');
  }
  if (policy !== null && policy !== 'noeviction')
    warnings.push(
      `Redis maxmemory-policy is ${policy}: jobs and uploads can be evicted; use noeviction`,
    );
  if (aof === false)
    warnings.push('Redis AOF is off: a Redis restart loses queued jobs; use appendonly yes');
  return {
    redis: { ok: true },
    redis_persistence: {
      maxmemory_policy: policy,
      aof,
      ok: policy === 'noeviction' && aof === true,
    },
    warnings,
  };
}

async function modelBossReach(
  url: string,
): Promise<NonNullable<Readiness['checks']['model_boss']>> {
  // model-boss has no health route: any HTTP answer means the host is up.
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return { reachable: true, status: res.status };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { reachable: false, error: cause ?? (err as Error).message };
  }
}

export async function checkReadiness(
  redis: Redis,
  config: Config,
  scorerName: string,
): Promise<Readiness> {
  const [r, boss] = await Promise.all([
    redisFacts(redis),
    config.scorer.kind === 'model-boss'
      ? modelBossReach(config.scorer.url)
      : Promise.resolve(undefined),
  ]);
  const warnings = [...r.warnings];
  if (config.scorerWarning) warnings.push(config.scorerWarning);
  if (boss && !boss.reachable)
    warnings.push(`model-boss is unreachable (${boss.error}): jobs wait within the retry window`);
  return {
    ready: r.redis.ok,
    checks: {
      redis: r.redis,
      redis_persistence: r.redis_persistence,
      scorer: { kind: config.scorer.kind, name: scorerName, ok: true },
      ...(boss ? { model_boss: boss } : {}),
    },
    warnings,
  };
}
