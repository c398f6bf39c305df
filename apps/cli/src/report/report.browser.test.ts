// The report of a real backfill, opened from disk in headless Chromium (Debian's `chromium`,
// installed by scripts/setup.sh; nothing downloads a browser). Videos are made with ffmpeg,
// classified by the built CLI against the loopback model-boss (red frames read as explicit,
// yellow as suggestive), and the page's DOM is checked against the JSONL the backfill wrote.
// A screenshot is left in apps/cli/.artifacts/ for people to look at.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  garbageFile,
  type ModelBossStandIn,
  makeClip,
  startModelBoss,
  truncatedCopy,
} from '@imajin/test-kit';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillRecord } from '../lib/resume.js';
import { runCli } from '../testing/run-cli.js';

/** The page's globals, for code evaluated in it (this package's types do not include the DOM). */
type DomGlobal = { document: { activeElement: unknown } };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../../.artifacts/', import.meta.url).pathname;

let dir: string;
let mb: ModelBossStandIn;
let browser: Browser;
let page: Page;
let records: BackfillRecord[];
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-report-'));
  const clips = join(dir, 'clips');
  await mkdir(join(clips, 'day2'), { recursive: true });
  mb = await startModelBoss();
  const explicit = await makeClip(join(clips, 'insert.mp4'), [
    { seconds: 2, colour: '#2040c0' },
    { seconds: 1, colour: '#d01010' },
    { seconds: 2, source: 'testsrc2' },
  ]);
  await makeClip(join(clips, 'day2', 'yellow.mov'), [
    { seconds: 1.5, colour: '#e0d020' },
    { seconds: 1.5, source: 'smptebars' },
  ]);
  await makeClip(join(clips, 'bars.mp4'), [{ seconds: 2, source: 'smptebars' }]);
  await makeClip(join(clips, 'day2', 'test-pattern.mkv'), [
    { seconds: 1.5, source: 'testsrc2' },
    { seconds: 1.5, source: 'rgbtestsrc' },
    { seconds: 1, colour: '#30a040' },
  ]);
  await garbageFile(join(clips, 'garbage.mp4'));
  await truncatedCopy(explicit, 0.4, join(clips, 'truncated.mp4'));

  const out = join(dir, 'results.jsonl');
  const backfill = await runCli(
    ['backfill', 'clips', '--out', 'results.jsonl', '--posters', 'posters'].concat([
      '--scorer',
      'model-boss',
      '--model-boss-url',
      mb.url,
    ]),
    { cwd: dir },
  );
  expect(backfill.code, backfill.stderr).toBe(1); // two inputs cannot be decoded
  records = (await readFile(out, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BackfillRecord);

  const report = await runCli(
    ['report', 'results.jsonl', '-o', 'report.html', '--posters', 'posters'],
    {
      cwd: dir,
    },
  );
  expect(report.code, report.stderr).toBe(0);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await mb?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The tooltip and the row under it, for a close-up screenshot. */
async function tipArea() {
  const tip = await page.locator('#tip').boundingBox();
  if (!tip) throw new Error('no tooltip');
  const y = Math.max(0, tip.y - 20);
  return { x: 0, y, width: 1400, height: 140 };
}

const rowOf = (path: string) => page.locator(`li[data-path="${path}"]`);
const visiblePaths = () =>
  page.$$eval('li[data-path]', (els) =>
    // Laid out at all (a hidden row has no boxes), not just marked hidden.
    els.filter((e) => e.getClientRects().length > 0).map((e) => e.getAttribute('data-path')),
  );

describe('report, in Chromium', () => {
  it('has one row per video, carrying its path, and the counts of the backfill', async () => {
    const paths = await page.$$eval('li[data-path]', (els) =>
      els.map((e) => e.getAttribute('data-path')),
    );
    expect(paths.sort()).toEqual(records.map((r) => r.path).sort());
    expect(paths).toHaveLength(6);
    const count = (s: string) => page.textContent(`[data-count="${s}"]`);
    const verdicts = records.map((r) => r.result?.explicitness ?? 'failed');
    for (const s of ['explicit', 'suggestive', 'sfw', 'failed'])
      expect(Number(await count(s)), s).toBe(verdicts.filter((v) => v === s).length);
    expect(await count('explicit')).toBe('1');
    expect(await count('failed')).toBe('2');
    const calls = records.reduce((n, r) => n + (r.scorer_calls ?? 0), 0);
    expect(Number(await page.textContent('#scorer-calls'))).toBe(calls);
    expect(calls).toBe(mb.scored);
    expect(await page.locator('[data-scorer]').count()).toBe(1);
    expect(await page.locator('.warn').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('opens from disk: no request leaves file: and data: URLs', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
  });

  it('shows each failure with its error_code as text, and every result with a decoded poster', async () => {
    for (const r of records.filter((x) => x.error)) {
      await expect
        .poll(() => rowOf(r.path).locator('.error-code').textContent())
        .toBe(r.error?.error_code);
    }
    const widths = await page.$$eval(
      'li[data-status]:not([data-status=failed]) .poster img',
      (imgs) => imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(widths).toHaveLength(4);
    for (const w of widths) expect(w).toBeGreaterThan(0);
  });

  it('draws the explicit segment as a band at its time on the strip', async () => {
    const r = records.find((x) => x.result?.is_explicit);
    const seg = r?.result?.explicit_segments[0];
    if (!r?.result || !seg) throw new Error('the backfill found no explicit segment');
    // The red scene runs 2–3 s: its segment must lie around it (the backfill's part) …
    expect(seg.start).toBeLessThanOrEqual(2.1);
    expect(seg.end).toBeGreaterThanOrEqual(2.9);
    // … and the page must draw that segment where its seconds fall on the strip (ours).
    const track = await rowOf(r.path).locator('.track').boundingBox();
    const band = await rowOf(r.path).locator('.band').boundingBox();
    if (!track || !band) throw new Error('no strip or band on the page');
    const span = r.result.duration_sec;
    expect(band.x - track.x).toBeCloseTo((seg.start / span) * track.width, 0);
    expect(band.x + band.width - track.x).toBeCloseTo((seg.end / span) * track.width, 0);
    const explicitTicks = rowOf(r.path).locator('.tick.explicit');
    expect(await explicitTicks.count()).toBe(
      r.result.frames.filter((f) => f.explicitness === 'explicit').length,
    );
  });

  it('shows a frame’s time and scores on hover and on keyboard focus', async () => {
    const r = records.find((x) => x.result?.is_explicit);
    const frames = r?.result?.frames ?? [];
    const ticks = rowOf(r?.path ?? '').locator('.tick');
    await ticks.first().focus();
    await expect.poll(() => page.isVisible('#tip')).toBe(true);
    expect(await page.textContent('#tip')).toContain(`${frames[0]?.t.toFixed(2)} s`);
    await page.keyboard.press('ArrowRight');
    expect(
      await ticks
        .nth(1)
        .evaluate((e) => e === (globalThis as unknown as DomGlobal).document.activeElement),
    ).toBe(true);
    expect(await page.textContent('#tip')).toContain(`${frames[1]?.t.toFixed(2)} s`);
    await page.keyboard.press('Tab'); // leaves the strip: one tab stop per strip
    expect(await page.isVisible('#tip')).toBe(false);

    const red = frames.findIndex((f) => f.explicitness === 'explicit');
    await ticks.nth(red).hover();
    const tip = await page.textContent('#tip');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-tooltip.png'), clip: await tipArea() });
    expect(tip).toContain('explicit');
    expect(tip).toContain(`nsfw ${frames[red]?.nsfw.toFixed(2)}`);
    await page.mouse.move(0, 0);
  });

  it('filters by verdict, searches paths and sorts, with the keyboard', async () => {
    await page.focus('button[data-filter="failed"]');
    await page.keyboard.press('Enter');
    const failed = records.filter((r) => r.error).map((r) => r.path);
    let shown = await visiblePaths();
    expect(shown).toHaveLength(4);
    for (const p of failed) expect(shown).not.toContain(p);
    expect(await page.textContent('#shown')).toBe('4 of 6 shown');

    await page.keyboard.press('/');
    await page.keyboard.type('day2');
    shown = await visiblePaths();
    expect(shown.sort()).toEqual(
      records
        .map((r) => r.path)
        .filter((p) => p.includes('day2'))
        .sort(),
    );
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-search.png') });
    await page.keyboard.press('Escape');
    expect(await visiblePaths()).toHaveLength(4);

    await page.click('button[data-sort="duration"]');
    const order = await visiblePaths();
    const dur = (p: string | null) => records.find((r) => r.path === p)?.result?.duration_sec ?? -1;
    const durations = order.map(dur);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));

    await page.click('button[data-sort="verdict"]');
    await page.click('button[data-filter="failed"]'); // back on
    expect(await visiblePaths()).toHaveLength(6);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  });
});
