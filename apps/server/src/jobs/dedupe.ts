// Resubmission: the same bytes with the same options, rubric and scorer map to one job while
// that job is queued, processing or done (within the TTL); a failed one is run again.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { JobOptions } from '../schemas/request.js';
import type { Keys } from './keys.js';
import type { JobRecords } from './records.js';

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

export class Dedupe {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly records: JobRecords,
    private readonly ttlSec: number,
  ) {}

  /**
   * Claims `key` for job `id`. Returns the live job that already holds it (and its status),
   * or null when `id` now holds it.
   */
  async claim(
    key: string,
    id: string,
  ): Promise<{ job_id: string; status: 'queued' | 'processing' | 'done' } | null> {
    const k = this.keys.dedupe(key);
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await this.redis.set(k, id, 'EX', this.ttlSec, 'NX')) === 'OK') return null;
      const holder = await this.redis.get(k);
      if (holder === null) continue; // expired between the two calls
      const rec = await this.records.get(holder);
      if (rec && rec.status !== 'failed') return { job_id: holder, status: rec.status };
      // A failed or expired job: take the key over, unless someone else just did.
      const swapped = await this.redis.eval(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 end return 0",
        1,
        k,
        holder,
        id,
        String(this.ttlSec),
      );
      if (swapped === 1) return null;
    }
    return null; // heavy contention on one key: run it rather than fail the request
  }

  /** Keeps the key alive as long as the finished job's record. */
  async refresh(key: string): Promise<void> {
    await this.redis.expire(this.keys.dedupe(key), this.ttlSec);
  }
}
