// How `imajin-video report` scales: a synthetic backfill JSONL of N videos (real 1280x720 JPEG
// posters made by ffmpeg, inline as base64 the way the backfill writes them today; 3–16 scored
// frames each), turned into a page by the built bin (the whole process, timed), then opened in
// headless Chromium from disk: time to load, to filter, to search and to sort all rows.
//   pnpm --filter @imajin/cli bench            (N = 1000 and 3000; not in CI)
//   pnpm --filter @imajin/cli bench -- 500     (other sizes)
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { resultLine } from '../src/testing/report-records.js';
import { BIN } from '../src/testing/run-cli.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1000, 3000];

/** A small seeded generator, so every run measures the same file. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function posters(dir: string): Promise<string[]> {
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=1:d=8',
    '-q:v',
    '3',
    join(dir, 'p%d.jpg'),
  ]);
  return Promise.all(
    Array.from({ length: 8 }, (_, i) => readFile(join(dir, `p${i + 1}.jpg`), 'base64')),
  );
}

async function jsonl(dir: string, n: number, jpegs: string[]): Promise<string> {
  const rand = rng(n);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const duration = 3 + rand() * 120;
    const count = 3 + Math.floor(rand() * 14);
    const explicitAt = rand() < 0.15 ? Math.floor(rand() * count) : -1;
    const frames = Array.from({ length: count }, (_, k) => ({
      t: ((k + 0.5) / count) * duration,
      scene: k,
      explicitness: (k === explicitAt ? 'explicit' : 'sfw') as 'explicit' | 'sfw',
      nsfw: k === explicitAt ? 0.9 : rand() * 0.4,
    }));
    const t = frames[explicitAt]?.t;
    lines.push(
      JSON.stringify(
        resultLine({
          path: `videos/${String(i % 40).padStart(2, '0')}/clip-${i}.mp4`,
          sha256: `${i}`.padStart(64, '0'),
          explicitness: explicitAt >= 0 ? 'explicit' : 'sfw',
          duration,
          frames,
          sceneCount: count,
          segments: t !== undefined ? [{ start: t - 1, end: t + 1 }] : [],
          posterB64: jpegs[i % jpegs.length] as string,
        }),
      ),
    );
  }
  const path = join(dir, `results-${n}.jsonl`);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs the bin; returns its wall and CPU time and its peak RSS. */
function report(
  file: string,
  out: string,
): Promise<{ ms: number; cpuMs: number; maxRssMb: number }> {
  const rss = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxrss '+u.maxRSS+' cpu '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', rss, BIN, 'report', file, '-o', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`report exited ${code}: ${err}`));
      const kb = Number(/maxrss (\d+)/.exec(err)?.[1] ?? Number.NaN);
      const cpuUs = Number(/ cpu (\d+)/.exec(err)?.[1] ?? Number.NaN);
      resolve({ ms: performance.now() - t0, cpuMs: cpuUs / 1000, maxRssMb: kb / 1024 });
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'imajin-report-bench-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const jpegs = await posters(dir);
  console.log(
    `poster JPEG: ${(Buffer.from(jpegs[0] as string, 'base64').length / 1024).toFixed(0)} KB (1280x720)`,
  );
  for (const n of SIZES) {
    const file = await jsonl(dir, n, jpegs);
    const out = join(dir, `report-${n}.html`);
    const made = await report(file, out);
    const jsonlBytes = (await stat(file)).size;
    const pageBytes = (await stat(out)).size;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The renderer's main-thread busy time (CDP Performance.TaskDuration) besides wall time:
    // on a shared machine the wall clock measures the neighbours as much as the page.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busyMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN);
    };
    const t0 = performance.now();
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    const loadMs = performance.now() - t0;
    const loadBusyMs = await busyMs();
    const dclMs = Number(
      await page.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`),
    );
    // Each interaction timed in the page, through the next frame (layout and paint included).
    // (A string, so that this Node-typed file need not know the DOM's types.)
    const timed = (action: string): Promise<number> =>
      page.evaluate(`(async () => {
        const t = performance.now();
        const q = document.getElementById('q');
        if (${JSON.stringify(action)} === 'filter') document.querySelector('[data-filter="sfw"]').click();
        if (${JSON.stringify(action)} === 'search') {
          q.value = 'clip-12';
          q.dispatchEvent(new Event('input'));
        }
        if (${JSON.stringify(action)} === 'sort') document.querySelector('[data-sort="duration"]').click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t;
      })()`);
    const busy = async (action: string) => {
      const before = await busyMs();
      const wall = await timed(action);
      return `${wall.toFixed(0)} ms (busy ${((await busyMs()) - before).toFixed(0)})`;
    };
    const filterMs = await busy('filter');
    const searchMs = await busy('search');
    const sortMs = await busy('sort');
    const rows = await page.locator('li[data-path]').count();
    await page.close();
    console.log(
      [
        `${n} videos (${rows} rows):`,
        `report ${(made.ms / 1000).toFixed(1)} s wall, ${(made.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${made.maxRssMb.toFixed(0)} MB;`,
        `page ${(pageBytes / 2 ** 20).toFixed(2)} MB (${(pageBytes / n / 1024).toFixed(1)} KB a video,`,
        `${(pageBytes / jsonlBytes).toFixed(3)}x the ${(jsonlBytes / 2 ** 20).toFixed(1)} MB JSONL);`,
        `Chromium: DOMContentLoaded ${dclMs.toFixed(0)} ms, load ${loadMs.toFixed(0)} ms (main thread busy ${loadBusyMs.toFixed(0)} ms);`,
        `filter ${filterMs}, search ${searchMs}, sort ${sortMs}`,
      ].join(' '),
    );
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
