// Whether a new job may come in: not while the scorer is known to be down (the ingester
// retries a 503), and not past the queue's depth or byte budget (instead of filling Redis).
import { OverloadedError } from '../errors/overloaded-error.js';
import { ScorerDownError } from '../errors/scorer-down-error.js';
import { formatBytes } from '../units.js';
import type { Breaker } from './breaker.js';
import { type ClassifyQueue, queueDepth } from './queue.js';
import type { QueuedBytes } from './queued-bytes.js';

export interface AdmissionLimits {
  maxDepth: number;
  maxBytes: number;
  retryAfterSec: number;
}

export async function checkScorer(breaker: Breaker): Promise<void> {
  const openMs = await breaker.openFor();
  if (openMs > 0) {
    throw new ScorerDownError(
      'the scorer (model-boss) is unavailable; retry after the Retry-After delay',
      {
        retryAfterSec: Math.max(1, Math.ceil(openMs / 1000)),
      },
    );
  }
}

export async function checkBackpressure(
  queue: ClassifyQueue,
  queued: QueuedBytes,
  limits: AdmissionLimits,
  incomingBytes: number,
): Promise<void> {
  const [depth, bytes] = await Promise.all([queueDepth(queue), queued.total()]);
  if (depth.total >= limits.maxDepth) {
    throw new OverloadedError(
      `the queue is full (${depth.total} jobs waiting or running); retry later`,
      {
        retryAfterSec: limits.retryAfterSec,
      },
    );
  }
  if (bytes + incomingBytes > limits.maxBytes) {
    throw new OverloadedError(
      `queued video is over its budget (${formatBytes(limits.maxBytes)}); retry later`,
      {
        retryAfterSec: limits.retryAfterSec,
      },
    );
  }
}
