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
    const open = await this.openFor();
    if (open > 0) return { allowed: false, retryAfterMs: open };
    const failures = Number((await this.redis.get(this.keys.breakerFailures)) ?? 0);
    if (failures < this.cfg.threshold) return { allowed: true, probe: null };
    const token = randomUUID();
    // The probe's lease outlives a slow job; a crashed prober frees it when the lease ends.
    const lease = Math.max(this.cfg.openMs, 60_000);
    if ((await this.redis.set(this.keys.breakerProbe, token, 'PX', lease, 'NX')) === 'OK')
      return { allowed: true, probe: token };
    return {
      allowed: false,
      retryAfterMs: Math.min(
        Math.max(await this.redis.pttl(this.keys.breakerProbe), 250),
        this.cfg.openMs,
      ),
    };
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
