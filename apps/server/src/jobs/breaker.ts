// The scorer circuit breaker, kept in Redis so every worker and API process shares it.
// closed → (a run of `threshold` transient scorer failures) → open for `openMs`
// → half-open: one probe goes through (model-boss has no health route; a real job is the
// probe) → closed on its success, open again on its failure.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

export type Admission =
  | { allowed: true; probe: string | null }
  | { allowed: false; retryAfterMs: number };

// KEYS: failures, open, probe. ARGV: threshold, openMs, memoryMs.
const FAILURE = `
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('DEL', KEYS[3])
if n >= tonumber(ARGV[1]) then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end
return n`;

// One step, so no caller can read "not open" and then take the probe just after a failing
// probe reopened the breaker. KEYS: failures, open, probe. ARGV: threshold, token, leaseMs.
// Returns {1, ''} (closed), {1, token} (the probe), or {0, retryAfterMs}.
const ADMIT = `
local open = redis.call('PTTL', KEYS[2])
if open > 0 then return {0, open} end
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures < tonumber(ARGV[1]) then return {1, ''} end
if redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3], 'NX') then return {1, ARGV[2]} end
return {0, math.max(redis.call('PTTL', KEYS[3]), 250)}`;

const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export class Breaker {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly cfg: { threshold: number; openMs: number },
  ) {}

  /** Milliseconds until the breaker lets a probe through; 0 when it is not open. */
  async openFor(): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.keys.breakerOpen));
  }

  /** May a job call the scorer now? In half-open state only one caller (the probe) may. */
  async admit(): Promise<Admission> {
    const token = randomUUID();
    // The probe's lease outlives a slow job; a crashed prober frees it when the lease ends.
    const lease = Math.max(this.cfg.openMs, 60_000);
    const k = this.keys;
    const [allowed, value] = (await this.redis.eval(
      ADMIT,
      3,
      k.breakerFailures,
      k.breakerOpen,
      k.breakerProbe,
      this.cfg.threshold,
      token,
      lease,
    )) as [number, number | string];
    if (allowed === 1) return { allowed: true, probe: value === '' ? null : String(value) };
    return { allowed: false, retryAfterMs: Math.min(Number(value), this.cfg.openMs) };
  }

  /** A transient scorer failure; returns the run length so far. */
  async failure(): Promise<number> {
    const memoryMs = Math.max(this.cfg.openMs * 10, 600_000);
    const k = this.keys;
    return Number(
      await this.redis.eval(
        FAILURE,
        3,
        k.breakerFailures,
        k.breakerOpen,
        k.breakerProbe,
        this.cfg.threshold,
        this.cfg.openMs,
        memoryMs,
      ),
    );
  }

  /** The scorer answered: close the breaker. */
  async success(): Promise<void> {
    const k = this.keys;
    if (Number(await this.redis.exists(k.breakerFailures, k.breakerOpen, k.breakerProbe)) > 0) {
      await this.redis.del(k.breakerFailures, k.breakerOpen, k.breakerProbe);
    }
  }

  /** The probe ended without reaching the scorer (e.g. an undecodable video): let another try. */
  async releaseProbe(token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.keys.breakerProbe, token);
  }
}
