// `report` as users run it: the built bin on a JSONL written here, with the lines a backfill can
// leave (base64 posters, poster paths, retries, fields it may gain, a cut-off or foreign line).
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine, resultLine } from '../testing/report-records.js';
import { runCli } from '../testing/run-cli.js';

const TRACE = new URL('../testing/trace-loads.mjs', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-report-cmd-'));
  await mkdir(join(dir, 'posters'));
  const jpeg = await sharp({
    create: { width: 640, height: 360, channels: 3, background: '#a03030' },
  })
    .jpeg()
    .toBuffer();
  await writeFile(join(dir, 'posters', 'sha-b.jpg'), jpeg);
  const lines = [
    resultLine({
      path: 'a.mp4',
      sha256: 'sha-a',
      explicitness: 'explicit',
      posterB64: jpeg.toString('base64'),
      frames: [{ t: 1, scene: 0, explicitness: 'explicit' }],
      segments: [{ start: 0, end: 2 }],
    }),
    resultLine({
      path: 'b.mp4',
      sha256: 'sha-b',
      poster: 'posters/sha-b.jpg',
      samplingExtra: { departures: 2, departures_scored: 2 },
    }),
    errorLine({ path: 'c.mp4', sha256: 'sha-c', code: 'scorer_unavailable', retryable: true }),
    errorLine({ path: 'c.mp4', sha256: 'sha-c', code: 'truncated' }),
    { some: 'other tool' },
  ].map((l) => JSON.stringify(l));
  await writeFile(join(dir, 'results.jsonl'), `${lines.join('\n')}\n{"path":"d.mp4","res`);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const rowsOf = (html: string) =>
  [...html.matchAll(/<li class="v [a-z]+" data-path="([^"]+)"/g)].map((m) => m[1]);

describe('imajin-video report', () => {
  it('writes the page (exit 0), one row per video, naming the lines it skipped', async () => {
    const trace = join(dir, 'trace.txt');
    const r = await runCli(['report', 'results.jsonl', '-o', 'report.html'], {
      cwd: dir,
      nodeArgs: ['--import', TRACE],
      env: { IMAJIN_TRACE_LOADS: trace },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/line 5: no "path", skipped/);
    expect(r.stderr).toMatch(/line 6: not JSON, skipped/);
    expect(r.stderr).toMatch(
      /3 videos \(explicit 1, suggestive 0, sfw 1, failed 1\) written to report\.html/,
    );
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(rowsOf(html)).toEqual(['a.mp4', 'c.mp4', 'b.mp4']);
    expect(html).toContain('<code class="error-code">truncated</code>');
    expect(html).toContain('departures 2 (2 scored)');
    // Both poster forms become inline thumbnails; the one on disk is linked too.
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2);
    expect(html).toContain('<a href="posters/sha-b.jpg"');
    expect(html).toContain('2 shown, 0 missing');
    expect(html).toMatch(/2 lines of the file could not be read/);
    // Self-contained: nothing fetched from elsewhere.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The report loads neither the decoder nor the scoring model.
    const loaded = await readFile(trace, 'utf8');
    expect(loaded).not.toMatch(/decoder-native|@imajin\/pipeline|nsfwjs|tfjs/);
  });

  it('uses --posters <dir> for lines that carry neither base64 nor a path', async () => {
    const line = resultLine({ path: 'b.mp4', sha256: 'sha-b' });
    await writeFile(join(dir, 'bare.jsonl'), `${JSON.stringify(line)}\n`);
    const r = await runCli(['report', 'bare.jsonl', '-o', 'bare.html', '--posters', 'posters'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(join(dir, 'bare.html'), 'utf8');
    expect(html).toContain('<a href="posters/sha-b.jpg"');
    expect(html).toContain('1 shown, 0 missing');
  });

  it('names the first lines it skipped and counts the rest; a page of no videos is still a page', async () => {
    await writeFile(join(dir, 'junk.jsonl'), 'not json\n'.repeat(8));
    const r = await runCli(['report', 'junk.jsonl', '-o', 'junk.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/: not JSON, skipped/g)).toHaveLength(5);
    expect(r.stderr).toMatch(/…and 3 more lines skipped/);
    const html = await readFile(join(dir, 'junk.html'), 'utf8');
    expect(rowsOf(html)).toEqual([]);
    expect(html).toContain('No backfill records in this file.');
    expect(html).toMatch(/8 lines of the file could not be read/);
  });

  it('is a usage error (exit 2) without a readable JSONL, an output, or with a --posters that is no folder', async () => {
    const missing = await runCli(['report', 'nope.jsonl', '-o', 'x.html'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.jsonl is not a file/);
    expect((await runCli(['report', 'results.jsonl'], { cwd: dir })).code).toBe(2);
    const posters = await runCli(
      ['report', 'results.jsonl', '-o', 'x.html', '--posters', 'results.jsonl'],
      {
        cwd: dir,
      },
    );
    expect(posters.code).toBe(2);
    expect(await stat(join(dir, 'x.html')).catch(() => null)).toBeNull();
  });

  it('exits 1 and leaves no half page when the output cannot be written', async () => {
    const r = await runCli(['report', 'results.jsonl', '-o', 'no-such-dir/report.html'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write no-such-dir\/report\.html/);
  });
});
