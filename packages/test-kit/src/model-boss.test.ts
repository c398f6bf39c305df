import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ModelBossStandIn, scoresForColour, startModelBoss } from './model-boss.js';

const LABELS = ['e+', 'e-', 's+', 's-', 'q+', 'q-'];

async function jpegOf(r: number, g: number, b: number): Promise<string> {
  const jpeg = await sharp({
    create: { width: 16, height: 16, channels: 3, background: { r, g, b } },
  })
    .jpeg()
    .toBuffer();
  return jpeg.toString('base64');
}

function score(boss: ModelBossStandIn, body: unknown): Promise<Response> {
  return fetch(`${boss.url}/v1/vision/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the model-boss stand-in', () => {
  let boss: ModelBossStandIn;
  beforeEach(async () => {
    boss = await startModelBoss();
  });
  afterEach(() => boss.close());

  it('scores by colour: red explicit, yellow suggestive, anything else safe', async () => {
    const verdicts: string[] = [];
    for (const [r, g, b] of [
      [220, 20, 20],
      [220, 210, 30],
      [30, 60, 200],
    ] as const) {
      const res = await score(boss, { model: 'm', image: await jpegOf(r, g, b), labels: LABELS });
      expect(res.status).toBe(200);
      const { model, scores } = (await res.json()) as { model: string; scores: number[] };
      expect(model).toBe('m');
      expect(scores).toHaveLength(6);
      const [ep = 0, en = 0, sp = 0, sn = 0] = scores;
      verdicts.push(ep > en ? 'explicit' : sp > sn ? 'suggestive' : 'safe');
    }
    expect(verdicts).toEqual(['explicit', 'suggestive', 'safe']);
    expect(boss.scored).toBe(3);
    expect(boss.received).toEqual(Array(3).fill({ model: 'm', labels: LABELS }));
    expect(boss.seen[0]?.r).toBeGreaterThan(200);
  });

  it('rates quality by redness', () => {
    expect(scoresForColour(250, 0, 0)[4]).toBeGreaterThan(scoresForColour(100, 100, 100)[4] ?? 1);
  });

  it('fails on purpose: failNext with Retry-After, 502 and 503 modes, reject, reset', async () => {
    const image = await jpegOf(0, 0, 0);
    const req = { model: 'm', image, labels: LABELS };
    boss.failNext(2, 429, '7');
    for (let i = 0; i < 2; i++) {
      const res = await score(boss, req);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
    }
    boss.mode = '502';
    expect((await score(boss, req)).status).toBe(502);
    boss.mode = '503';
    const busy = await score(boss, req);
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '1']);
    boss.mode = 'reject';
    expect((await score(boss, req)).status).toBe(400);
    boss.mode = 'reset';
    await expect(score(boss, req)).rejects.toThrow();
    boss.mode = 'ok';
    expect((await score(boss, req)).status).toBe(200);
    expect(boss.requests).toBe(7);
    expect(boss.scored).toBe(1);
  });

  it('refuses a malformed request, answers 404 elsewhere, and claims another model when told', async () => {
    expect((await score(boss, { model: 'm', image: 'x' })).status).toBe(400);
    expect((await score(boss, { model: 'm', image: 'x', labels: ['a'] })).status).toBe(422);
    expect(
      (await score(boss, { model: 'm', image: 'bm90IGEganBlZw==', labels: LABELS })).status,
    ).toBe(502);
    expect((await fetch(`${boss.url}/other`)).status).toBe(404);
    boss.answerModel = 'other';
    const res = await score(boss, { model: 'm', image: await jpegOf(9, 9, 9), labels: LABELS });
    expect(((await res.json()) as { model: string }).model).toBe('other');
  });

  it('stalls until closed, and counts concurrent requests', async () => {
    boss.latencyMs = 1000; // long enough that all three overlap on a busy machine
    const image = await jpegOf(9, 9, 9);
    await Promise.all([1, 2, 3].map(() => score(boss, { model: 'm', image, labels: LABELS })));
    expect(boss.maxConcurrent).toBe(3);
    boss.mode = 'stall';
    const stalled = score(boss, { model: 'm', image, labels: LABELS }).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((r) => setTimeout(r, 100));
    await boss.close();
    expect(await stalled).toBe('cut off');
    boss = await startModelBoss(); // afterEach closes one
  });
});
