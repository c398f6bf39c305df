// Resubmission: the same bytes with the same options, rubric and scorer map to one job while
// that job is queued, processing or done (within the TTL); a failed one is run again.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';
import type { JobOptions } from './options.js';
import { type JobRecord, toFields } from './records.js';

export function dedupeKey(
  videoSha256: string,
  options: JobOptions,
  rubricFingerprint: string,
  scorer: string,
): string {
  const identity = JSON.stringify([
    videoSha256,
    options.keyframes,
    options.scorers,
    rubricFingerprint,
    scorer,
  ]);
  return createHash('sha256').update(identity).digest('hex');
}

// KEYS: dedupe key, the new job's record. ARGV: job id, ttl seconds, job key prefix, fields.
// The holder's record key is built from the prefix: one Redis, as BullMQ needs anyway.
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder then
  local status = redis.call('HGET', ARGV[3] .. holder, 'status')
  if status and status ~= 'failed' then return {holder, status} end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
redis.call('EXPIRE', KEYS[2], ARGV[2])
return false`;

export class Dedupe {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSec: number,
  ) {}

  /**
   * Claims `key` for the new job `rec` and creates its record in the same step (one Lua
   * script), so no request can ever see the key held by a job that has no record yet.
   * Returns the live job that already holds the key (queued, processing or done), or null
   * when `rec` now holds it. A failed or expired holder is taken over.
   */
  async claim(
    key: string,
    rec: JobRecord,
  ): Promise<{ job_id: string; status: 'queued' | 'processing' | 'done' } | null> {
    const live = (await this.redis.eval(
      CLAIM,
      2,
      this.keys.dedupe(key),
      this.keys.job(rec.job_id),
      rec.job_id,
      String(this.ttlSec),
      this.keys.job(''),
      ...toFields({ ...rec }),
    )) as [string, string] | null;
    if (!live) return null;
    return { job_id: live[0], status: live[1] as 'queued' | 'processing' | 'done' };
  }

  /** Keeps the key alive as long as the finished job's record. */
  async refresh(key: string): Promise<void> {
    await this.redis.expire(this.keys.dedupe(key), this.ttlSec);
  }
}
