import { freePort, type ModelBossStandIn, startModelBoss } from '@imajin/test-kit';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScorerRejectedError, ScorerUnavailableError } from '../errors.js';
import { createModelBossScorer, type ModelBossConfig } from './model-boss.js';

const LABELS = ['e+', 'e-', 's+', 's-', 'q+', 'q-'];
const rgb = { t: 0, width: 1, height: 1, data: new Uint8Array(3) };

async function jpegOf(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 36, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

function quietLogger() {
  const errors: string[] = [];
  return { errors, warn: () => {}, error: (m: string) => errors.push(m) };
}

describe('model-boss scorer', () => {
  let boss: ModelBossStandIn;
  let logger: ReturnType<typeof quietLogger>;
  const scorer = (extra: Partial<ModelBossConfig> = {}) =>
    createModelBossScorer({
      url: boss.url,
      model: 'siglip2-test',
      labels: LABELS,
      retryBaseMs: 5,
      logger,
      ...extra,
    });

  beforeEach(async () => {
    boss = await startModelBoss();
    logger = quietLogger();
  });
  afterEach(async () => {
    await boss.close();
  });

  it('sends the model, labels and JPEG and returns the six scores', async () => {
    const s = scorer();
    expect(s.name).toBe('model-boss:siglip2-test');
    const scores = await s.score({ jpeg: await jpegOf({ r: 230, g: 20, b: 20 }), rgb });
    expect(scores).toHaveLength(6);
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 1);
    expect(boss.received).toEqual([{ model: 'siglip2-test', labels: LABELS }]);
  });

  it('retries through a run of 502s and gets the answer', async () => {
    boss.failNext(3, 502);
    const scores = await scorer().score({ jpeg: await jpegOf({ r: 20, g: 20, b: 230 }), rgb });
    expect(scores[0]).toBeLessThan(scores[1] ?? 0);
    expect(boss.requests).toBe(4);
  });

  it('gives up with ScorerUnavailableError once retries are spent', async () => {
    boss.failNext(100, 503);
    const err = await scorer({ retries: 2 })
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect((err as ScorerUnavailableError).retryable).toBe(true);
    expect((err as Error).message).toMatch(/HTTP 503/);
    expect(boss.requests).toBe(3);
  });

  it('rejects a 400 at once, without retrying, and says so loudly', async () => {
    boss.mode = 'reject';
    const err = await scorer()
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerRejectedError);
    expect((err as ScorerRejectedError).status).toBe(400);
    expect((err as ScorerRejectedError).retryable).toBe(false);
    expect(boss.requests).toBe(1);
    expect(logger.errors.join('\n')).toMatch(/SCORER REJECTED.*HTTP 400/);
  });

  it('treats a stalled model-boss as a timeout and retries it', async () => {
    boss.mode = 'stall';
    const err = await scorer({ timeoutMs: 100, retries: 1 })
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect((err as Error).message).toMatch(/no answer within 100 ms/);
    expect(boss.requests).toBe(2);
  });

  it('retries a reset connection', async () => {
    boss.mode = 'reset';
    const pending = scorer({ retryBaseMs: 100 }).score({
      jpeg: await jpegOf({ r: 0, g: 0, b: 0 }),
      rgb,
    });
    await new Promise((r) => setTimeout(r, 30));
    boss.mode = 'ok';
    await expect(pending).resolves.toHaveLength(6);
    expect(boss.requests).toBeGreaterThanOrEqual(2);
  });

  it('reports a model-boss that is not listening as unavailable', async () => {
    const port = await freePort();
    const err = await createModelBossScorer({
      url: `http://127.0.0.1:${port}`,
      model: 'm',
      labels: LABELS,
      retries: 1,
      retryBaseMs: 5,
    })
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('waits as long as Retry-After asks', async () => {
    boss.failNext(1, 503, '1');
    const started = Date.now();
    await scorer({ retryBaseMs: 1 }).score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(boss.requests).toBe(2);
  });

  it('stops at once when Retry-After is longer than it will wait, passing the hint on', async () => {
    boss.failNext(1, 429, '120');
    const err = await scorer()
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerUnavailableError);
    expect((err as ScorerUnavailableError).retryAfterSec).toBe(120);
    expect(boss.requests).toBe(1);
  });

  it('keeps at most maxInFlight calls in flight', async () => {
    boss.latencyMs = 40;
    const s = scorer({ maxInFlight: 2 });
    const jpeg = await jpegOf({ r: 0, g: 200, b: 0 });
    await Promise.all(Array.from({ length: 8 }, () => s.score({ jpeg, rgb })));
    expect(boss.requests).toBe(8);
    expect(boss.maxConcurrent).toBe(2);
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    boss.mode = 'stall';
    const controller = new AbortController();
    const pending = scorer({ timeoutMs: 10_000 }).score(
      { jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 30);
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
  });

  it('refuses scores made with another model', async () => {
    boss.answerModel = 'some-other-model';
    const err = await scorer()
      .score({ jpeg: await jpegOf({ r: 0, g: 0, b: 0 }), rgb })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScorerRejectedError);
    expect((err as Error).message).toMatch(/some-other-model/);
  });
});
