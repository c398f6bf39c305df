import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { garbageFile, makeClip } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

const TRACE = new URL('../testing/trace-loads.mjs', import.meta.url).pathname;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-estimate-'));
  await mkdir(join(dir, 'videos', 'sub'), { recursive: true });
  await makeClip(join(dir, 'videos', 'a.mp4'), [
    { seconds: 1, colour: '#c02020' },
    { seconds: 1, source: 'testsrc2' },
    { seconds: 1, colour: '#2040c0' },
    { seconds: 1, source: 'smptebars' },
  ]);
  await makeClip(join(dir, 'videos', 'sub', 'b.mov'), [{ seconds: 2, source: 'testsrc2' }]);
  await garbageFile(join(dir, 'videos', 'broken.mkv'));
  await writeFile(join(dir, 'videos', 'notes.txt'), 'not a video');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Report {
  videos: number;
  failed: number;
  total_calls: number;
  gpu_seconds: number;
  upper_bound: boolean;
  dedupe: string;
  histogram: { keyframes: number; videos: number }[];
  per_video: { path: string; duration_sec: number; scenes: number; keyframes: number }[];
  bands: { band: string; total_calls: number; gpu_seconds: number }[];
  failures: { path: string; error_code: string }[];
}

describe('imajin-video estimate', () => {
  it('--json: keyframes per video and per band, GPU time, upper bound, the corrupt file reported (exit 1)', async () => {
    const r = await runCli([
      'estimate',
      join(dir, 'videos'),
      '--json',
      '--band',
      '1:2',
      '--band',
      '6:20',
      '--sec-per-call',
      '0.5',
    ]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.videos).toBe(2);
    expect(rep.failed).toBe(1);
    expect(rep.failures[0]?.path).toContain('broken.mkv');
    expect(rep.per_video.map((v) => v.path.slice(dir.length + 1))).toEqual([
      'videos/a.mp4',
      'videos/sub/b.mov',
    ]);
    const [a, b] = rep.per_video;
    expect(a?.scenes).toBe(4);
    expect(b?.scenes).toBe(1);
    // default band 3:16: one keyframe per scene, at least 3
    expect(a?.keyframes).toBe(4);
    expect(b?.keyframes).toBe(3);
    expect(rep.total_calls).toBe(7);
    expect(rep.gpu_seconds).toBeCloseTo(3.5, 6);
    expect(rep.bands.map((x) => x.band)).toEqual(['3:16', '1:2', '6:20']);
    expect(rep.bands[1]?.total_calls).toBeLessThanOrEqual(4);
    expect(rep.bands[2]?.total_calls).toBe(12);
    expect(rep.histogram).toEqual([
      { keyframes: 3, videos: 1 },
      { keyframes: 4, videos: 1 },
    ]);
    expect(rep.upper_bound).toBe(true);
    expect(rep.dedupe).toMatch(/not counted/);
  });

  it('prints a histogram, the bands and says the figures are an upper bound; reads list files', async () => {
    await writeFile(join(dir, 'list.txt'), '# the good ones\nvideos/a.mp4\nvideos/sub/b.mov\n');
    const r = await runCli(['estimate', join(dir, 'list.txt'), '--per-video']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 videos scanned, 0 failed/);
    expect(r.stdout).toMatch(/3 │ █+ 1/);
    expect(r.stdout).toMatch(/3:16 \(current\)\s+7/);
    expect(r.stdout).toMatch(/[Uu]pper bound/);
    expect(r.stdout).toContain('sub/b.mov');
    expect(r.stderr).toMatch(/\[2\/2\]/); // line logs, not a bar, when stderr is not a terminal
  });

  it('never loads the scoring model', async () => {
    const trace = join(dir, 'estimate-trace.txt');
    const r = await runCli(['estimate', join(dir, 'videos', 'a.mp4'), '--json'], {
      nodeArgs: ['--import', TRACE],
      env: { IMAJIN_TRACE_LOADS: trace },
    });
    expect(r.code).toBe(0);
    const loaded = await readFile(trace, 'utf8');
    expect(loaded).toContain('decoder-native');
    expect(loaded).not.toMatch(/nsfwjs|tfjs|@tensorflow/);
  });
});
