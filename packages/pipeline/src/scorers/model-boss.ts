// The model-boss adapter: the only file that knows its wire format (docs/operations.md).
//   POST {url}/v1/vision/score  { model, image: <base64 JPEG>, labels }  →  200 { model, scores }
// 502/503/504/429/other 5xx, connection errors, timeouts and unreadable 200s are transient:
// retried with exponential backoff and jitter, honouring Retry-After, then
// ScorerUnavailableError. Any other 4xx is our bug: ScorerRejectedError at once, logged loudly.
// It never asks model-boss to load, pin or unload a model: residency is model-boss's job.

import { z } from 'zod';
import { ScorerRejectedError, ScorerUnavailableError } from '../errors.js';
import { backoffMs, parseRetryAfter, sleep } from './backoff.js';
import type { ScoreInput, Scorer, ScorerLogger } from './scorer.js';
import { Semaphore } from './semaphore.js';

export interface ModelBossConfig {
  /** Base URL, e.g. http://model-boss:8080 (a trailing slash is fine). */
  url: string;
  /** The model-boss model id (the rubric's `model`). */
  model: string;
  /** The labels sent with every frame (the rubric's six, flattened). */
  labels: readonly string[];
  /** Per attempt, including reading the answer. Default 20 000. */
  timeoutMs?: number;
  /** Calls in flight at once through this scorer. Default 2. */
  maxInFlight?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** First backoff step; it doubles per retry up to retryCapMs. Defaults 250 and 5 000. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** A Retry-After longer than this ends retrying at once (the job retries later). Default 30. */
  maxRetryAfterSec?: number;
  logger?: ScorerLogger;
}

const DEFAULTS = {
  timeoutMs: 20_000,
  maxInFlight: 2,
  retries: 4,
  retryBaseMs: 250,
  retryCapMs: 5_000,
  maxRetryAfterSec: 30,
};

type Attempt = { scores: number[] } | { transient: string; retryAfterSec?: number };

export function createModelBossScorer(config: ModelBossConfig): Scorer {
  const cfg = {
    ...DEFAULTS,
    ...stripUndefined(config),
    url: config.url,
    model: config.model,
    labels: config.labels,
  };
  const endpoint = new URL(
    'v1/vision/score',
    cfg.url.endsWith('/') ? cfg.url : `${cfg.url}/`,
  ).toString();
  const logger = cfg.logger ?? console;
  const slots = new Semaphore(cfg.maxInFlight);
  const answerSchema = z.object({
    model: z.string().optional(),
    scores: z.array(z.number().min(0).max(1)).length(cfg.labels.length),
  });

  async function attempt(body: string, signal: AbortSignal | undefined): Promise<Attempt> {
    const release = await slots.acquire(signal);
    try {
      const timeout = AbortSignal.timeout(cfg.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let res: Response;
      let text: string;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: combined,
        });
        text = await res.text();
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        return { transient: describeFailure(err, cfg.timeoutMs) };
      }
      const retryAfterSec = parseRetryAfter(res.headers.get('retry-after'));
      if (res.status === 429 || res.status >= 500) {
        return {
          transient: `HTTP ${res.status}`,
          ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
        };
      }
      if (res.status >= 400) {
        const message = `model-boss rejected our request: HTTP ${res.status} from ${endpoint}: ${text.slice(0, 300)}`;
        logger.error(`[pipeline] SCORER REJECTED (our bug, not retried): ${message}`);
        throw new ScorerRejectedError(message, res.status);
      }
      if (res.status !== 200) return { transient: `unexpected HTTP ${res.status}` };
      const answer = answerSchema.safeParse(safeJson(text));
      if (!answer.success) return { transient: `unreadable answer: ${text.slice(0, 120)}` };
      if (answer.data.model !== undefined && answer.data.model !== cfg.model) {
        // A different model means a different calibration: refuse rather than mis-gate.
        const message = `model-boss scored with model "${answer.data.model}", we asked for "${cfg.model}"`;
        logger.error(`[pipeline] SCORER REJECTED: ${message}`);
        throw new ScorerRejectedError(message, res.status);
      }
      return { scores: answer.data.scores };
    } finally {
      release();
    }
  }

  return {
    name: `model-boss:${cfg.model}`,
    async score(frame: ScoreInput, signal?: AbortSignal): Promise<number[]> {
      const body = JSON.stringify({
        model: cfg.model,
        image: frame.jpeg.toString('base64'),
        labels: cfg.labels,
      });
      for (let n = 0; ; n++) {
        const outcome = await attempt(body, signal);
        if ('scores' in outcome) return outcome.scores;
        const hint = outcome.retryAfterSec;
        const delay = Math.max(backoffMs(n, cfg.retryBaseMs, cfg.retryCapMs), (hint ?? 0) * 1000);
        if (n >= cfg.retries || (hint !== undefined && hint > cfg.maxRetryAfterSec)) {
          throw new ScorerUnavailableError(
            `model-boss at ${cfg.url} unavailable after ${n + 1} attempt(s): ${outcome.transient}`,
            { retryAfterSec: hint ?? Math.max(1, Math.ceil(delay / 1000)) },
          );
        }
        await sleep(delay, signal);
      }
    },
    async close() {},
  };
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  const cause =
    err instanceof Error
      ? (err.cause as { code?: string; message?: string } | undefined)
      : undefined;
  const detail =
    cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return `connection failed (${detail})`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
