// Job records: one Redis hash per job, with a TTL refreshed on every write. A record that is
// done or failed is final: a late writer (a worker whose job was recovered elsewhere) cannot
// turn it back, which the Lua update enforces atomically.

import type { ClassifyResult, JobEnvelope, JobStatus } from '@imajin/wire';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';
import type { JobOptions } from './options.js';

export interface JobRecord {
  job_id: string;
  status: JobStatus;
  result: ClassifyResult | null;
  error: string | null;
  error_code: string | null;
  retryable: boolean | null;
  created_at: number;
  updated_at: number;
  options: JobOptions;
  bytes: number;
  /** Set while the scorer is failing: the retry window runs from here. */
  outage_since: number | null;
  /** The rubric the API accepted the job under (records written before this field: null). */
  rubric_fingerprint: string | null;
}

export type RecordPatch = Partial<
  Omit<JobRecord, 'job_id' | 'created_at' | 'options' | 'bytes' | 'rubric_fingerprint'>
>;

// ARGV: force ('1'|'0'), ttl seconds, then field/value pairs.
const UPDATE = `
local cur = redis.call('HGET', KEYS[1], 'status')
if not cur then return 0 end
if (cur == 'done' or cur == 'failed') and ARGV[1] ~= '1' then return -1 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

const JSON_FIELDS = new Set(['result', 'options']);

/** A record (or patch) as the hash's field/value pairs. */
export function toFields(patch: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out.push(k, v === null ? '' : JSON_FIELDS.has(k) ? JSON.stringify(v) : String(v));
  }
  return out;
}

function fromFields(h: Record<string, string>): JobRecord {
  const str = (k: string) => (h[k] ? (h[k] as string) : null);
  const num = (k: string) => (h[k] ? Number(h[k]) : null);
  return {
    job_id: h.job_id as string,
    status: h.status as JobStatus,
    result: h.result ? (JSON.parse(h.result) as ClassifyResult) : null,
    error: str('error'),
    error_code: str('error_code'),
    retryable: h.retryable ? h.retryable === 'true' : null,
    created_at: num('created_at') ?? 0,
    updated_at: num('updated_at') ?? 0,
    options: h.options ? (JSON.parse(h.options) as JobOptions) : { keyframes: null, scorers: [] },
    bytes: num('bytes') ?? 0,
    outage_since: num('outage_since'),
    rubric_fingerprint: str('rubric_fingerprint'),
  };
}

export class JobRecords {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSec: number,
  ) {}

  async create(rec: JobRecord): Promise<void> {
    const key = this.keys.job(rec.job_id);
    await this.redis
      .multi()
      .hset(key, ...toFields({ ...rec }))
      .expire(key, this.ttlSec)
      .exec();
  }

  async get(id: string): Promise<JobRecord | null> {
    const h = await this.redis.hgetall(this.keys.job(id));
    return h.status ? fromFields(h) : null;
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(this.keys.job(id));
  }

  /** Applies the patch unless the record is gone or final; says which happened. */
  async update(
    id: string,
    patch: RecordPatch,
    opts: { force?: boolean } = {},
  ): Promise<'updated' | 'missing' | 'final'> {
    const fields = toFields({ ...patch, updated_at: Date.now() });
    const r = await this.redis.eval(
      UPDATE,
      1,
      this.keys.job(id),
      opts.force ? '1' : '0',
      String(this.ttlSec),
      ...fields,
    );
    return r === 1 ? 'updated' : r === 0 ? 'missing' : 'final';
  }
}

export function isFinal(status: JobStatus): boolean {
  return status === 'done' || status === 'failed';
}

export function toEnvelope(rec: JobRecord): JobEnvelope {
  return {
    job_id: rec.job_id,
    status: rec.status,
    result: rec.result,
    error: rec.error,
    error_code: rec.error_code,
    retryable: rec.retryable,
    // The result's once done: the worker that judged it may run another rubric than the API.
    rubric_fingerprint: rec.result?.rubric_fingerprint ?? rec.rubric_fingerprint,
  };
}
