// Where a job's callbacks stand: one Redis hash per job, a field per target URL (a job has
// several when resubmissions named different URLs), plus `latest`, the target GET reports.
// Only the delivery of a target writes its state after registration, one attempt at a time.
import { createHash } from 'node:crypto';
import type { CallbackState } from '@imajin/wire';
import type { Redis } from 'ioredis';
import type { Keys } from '../jobs/keys.js';

export type DeliveryState = CallbackState['state'];

/** What GET /classify-video/{id} shows as `callback` (@imajin/wire's CallbackState). */
export type CallbackSummary = CallbackState;

export interface TargetState extends CallbackState {
  url: string;
  /** Epoch ms of the first attempt: the retry window runs from here. */
  first_attempt_at: number | null;
}

/** A short stable id for a URL (BullMQ job ids cannot hold ':'). */
export function targetId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

// KEYS: the hash. ARGV: target id, initial state JSON, ttl seconds.
const REGISTER = `
redis.call('HSETNX', KEYS[1], 't:' .. ARGV[1], ARGV[2])
redis.call('HSET', KEYS[1], 'latest', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

export class CallbackStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** Long enough to outlive the job record and the whole retry window. */
    private readonly ttlSec: number,
  ) {}

  /** Adds `url` as a target of the job (once: a URL already there keeps its state). */
  async register(jobId: string, url: string): Promise<string> {
    const id = targetId(url);
    const initial: TargetState = {
      url,
      state: 'pending',
      attempts: 0,
      last_status: null,
      last_error: null,
      next_attempt_at: null,
      first_attempt_at: null,
    };
    await this.redis.eval(
      REGISTER,
      1,
      this.keys.callbacks(jobId),
      id,
      JSON.stringify(initial),
      String(this.ttlSec),
    );
    return id;
  }

  async get(jobId: string, target: string): Promise<TargetState | null> {
    const raw = await this.redis.hget(this.keys.callbacks(jobId), `t:${target}`);
    return raw ? (JSON.parse(raw) as TargetState) : null;
  }

  async set(jobId: string, target: string, state: TargetState): Promise<void> {
    const key = this.keys.callbacks(jobId);
    await this.redis
      .multi()
      .hset(key, `t:${target}`, JSON.stringify(state))
      .expire(key, this.ttlSec)
      .exec();
  }

  /** Every target of the job, by id. */
  async all(jobId: string): Promise<Map<string, TargetState>> {
    const h = await this.redis.hgetall(this.keys.callbacks(jobId));
    const out = new Map<string, TargetState>();
    for (const [field, value] of Object.entries(h))
      if (field.startsWith('t:')) out.set(field.slice(2), JSON.parse(value) as TargetState);
    return out;
  }

  /** The latest registered target's state, as GET shows it; null when the job has none. */
  async summary(jobId: string): Promise<CallbackSummary | null> {
    const key = this.keys.callbacks(jobId);
    const latest = await this.redis.hget(key, 'latest');
    const raw = latest ? await this.redis.hget(key, `t:${latest}`) : null;
    if (!raw) return null;
    const t = JSON.parse(raw) as TargetState;
    return {
      state: t.state,
      attempts: t.attempts,
      last_status: t.last_status,
      last_error: t.last_error,
      next_attempt_at: t.next_attempt_at,
    };
  }
}
