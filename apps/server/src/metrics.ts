// Prometheus metrics, one registry per runtime (tests build several in one process).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricSources {
  queueDepth(): Promise<{ waiting: number; delayed: number; active: number }>;
  queuedBytes(): Promise<number>;
  breakerOpenMs(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
  readonly jobs = new Counter({
    name: 'imajin_jobs_total',
    help: 'Jobs by outcome: accepted, reused, done, failed, retry (scorer outage), sync_done, sync_failed',
    labelNames: ['outcome', 'error_code'] as const,
    registers: [this.registry],
  });
  readonly jobSeconds = new Histogram({
    name: 'imajin_job_duration_seconds',
    help: 'Time to classify one video (decode + score), by path',
    labelNames: ['path'] as const,
    buckets: [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly videoSeconds = new Counter({
    name: 'imajin_video_seconds_total',
    help: 'Seconds of video classified',
    registers: [this.registry],
  });
  readonly scorerCalls = new Counter({
    name: 'imajin_scorer_calls_total',
    help: 'Frames sent to the scorer',
    registers: [this.registry],
  });
  readonly scorerFailures = new Counter({
    name: 'imajin_scorer_failures_total',
    help: 'Scorer calls that failed, by error code',
    labelNames: ['error_code'] as const,
    registers: [this.registry],
  });
  readonly callbacks = new Counter({
    name: 'imajin_callback_deliveries_total',
    help: 'Callback attempts by outcome: delivered, retried (failed, another attempt scheduled), given_up (window over, or refused by the allow-list)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'imajin_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'imajin_' });
  }

  /** Gauges read on each scrape from the queue, Redis and the breaker. */
  attach(sources: MetricSources): void {
    new Gauge({
      name: 'imajin_queue_depth',
      help: 'Jobs in the queue by state',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const d = await sources.queueDepth().catch(() => null);
        if (!d) return;
        for (const [state, n] of Object.entries(d)) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'imajin_queued_bytes',
      help: 'Bytes of video held in Redis for unfinished jobs',
      registers: [this.registry],
      async collect() {
        const n = await sources.queuedBytes().catch(() => null);
        if (n !== null) this.set(n);
      },
    });
    new Gauge({
      name: 'imajin_scorer_breaker_open',
      help: '1 while the scorer circuit breaker is open',
      registers: [this.registry],
      async collect() {
        const ms = await sources.breakerOpenMs().catch(() => null);
        if (ms !== null) this.set(ms > 0 ? 1 : 0);
      },
    });
  }
}
