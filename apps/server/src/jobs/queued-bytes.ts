// Bytes of video waiting in Redis, for backpressure. Per-job entries make release idempotent:
// a job that ends twice (recovered after a crash) is not subtracted twice.
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

const ADD =
  "if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then redis.call('INCRBY', KEYS[1], ARGV[2]) end return 1";
const REMOVE = `
local n = redis.call('HGET', KEYS[2], ARGV[1])
if not n then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('DECRBY', KEYS[1], n) < 0 then redis.call('SET', KEYS[1], 0) end
return 1`;

// Grows a job's entry while its upload streams in, unless the total would pass the budget.
const RESERVE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2])
redis.call('INCRBY', KEYS[1], ARGV[2])
return 1`;

export class QueuedBytes {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async add(id: string, bytes: number): Promise<void> {
    await this.redis.eval(ADD, 2, this.keys.queuedBytes, this.keys.queuedBytesByJob, id, bytes);
  }

  /**
   * Counts `bytes` more for job `id` as its upload arrives (a chunked body declares no
   * length), in one step with the budget check; false when they would pass `maxBytes`.
   * `add` for the same id afterwards keeps what was reserved.
   */
  async reserve(id: string, bytes: number, maxBytes: number): Promise<boolean> {
    const k = this.keys;
    return (
      (await this.redis.eval(
        RESERVE,
        2,
        k.queuedBytes,
        k.queuedBytesByJob,
        id,
        bytes,
        maxBytes,
      )) === 1
    );
  }

  async remove(id: string): Promise<void> {
    await this.redis.eval(REMOVE, 2, this.keys.queuedBytes, this.keys.queuedBytesByJob, id);
  }

  async total(): Promise<number> {
    return Number((await this.redis.get(this.keys.queuedBytes)) ?? 0);
  }
}
