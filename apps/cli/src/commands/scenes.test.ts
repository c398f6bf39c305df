import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { garbageFile, makeClip } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

const TRACE = new URL('../testing/trace-loads.mjs', import.meta.url).pathname;
let dir: string;
let clip: string;
let insert: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-scenes-'));
  clip = await makeClip(join(dir, 'three.mp4'), [
    { seconds: 1.2, colour: '#c02020' },
    { seconds: 1.2, source: 'testsrc2' },
    { seconds: 1.6, colour: '#2040c0' },
  ]);
  // A third of a second of another picture inside one long shot.
  insert = await makeClip(join(dir, 'insert.mp4'), [
    { seconds: 2.5, source: 'testsrc2' },
    { seconds: 0.32, colour: '#c02020' },
    { seconds: 2.5, source: 'testsrc2' },
  ]);
  await garbageFile(join(dir, 'garbage.mp4'));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('imajin-video scenes', () => {
  it('--json prints the duration, the cuts and scenes that cover the video', async () => {
    const r = await runCli(['scenes', clip, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      duration_sec: number;
      cuts: number[];
      scenes: { start: number; end: number }[];
      departures: unknown[];
    };
    expect(Object.keys(out)).toEqual(['duration_sec', 'cuts', 'scenes', 'departures']);
    expect(out.duration_sec).toBeCloseTo(4, 1);
    expect(out.cuts).toHaveLength(2);
    expect(Math.abs((out.cuts[0] ?? 0) - 1.2)).toBeLessThanOrEqual(0.25);
    expect(Math.abs((out.cuts[1] ?? 0) - 2.4)).toBeLessThanOrEqual(0.25);
    expect(out.scenes).toHaveLength(3);
    expect(out.scenes[0]?.start).toBe(0);
    expect(out.scenes.at(-1)?.end).toBeCloseTo(out.duration_sec, 3);
    out.scenes.slice(1).forEach((s, i) => {
      expect(s.start).toBe(out.cuts[i]);
    });
  });

  it('reports a short insert as a departure: --json and the table', async () => {
    const json = await runCli(['scenes', insert, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      departures: { start: number; end: number; peak: number }[];
    };
    expect(out.departures).toHaveLength(1);
    const [d] = out.departures;
    expect(d?.start).toBeGreaterThanOrEqual(2.4);
    expect(d?.end).toBeLessThanOrEqual(2.95);
    expect(d?.peak).toBeGreaterThanOrEqual(2.5);
    expect(d?.peak).toBeLessThan(2.82);
    const table = await runCli(['scenes', insert]);
    expect(table.stdout).toMatch(/1 departure \(where the picture leaves the shot/);
    expect(table.stdout).toContain(d?.peak.toFixed(3));
  });

  it('prints a human table by default', async () => {
    const r = await runCli(['scenes', clip]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 scenes, 2 cuts/);
    expect(r.stdout).toMatch(/scene\s+start \(s\)\s+end \(s\)/);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(7);
  });

  it('reports an undecodable file with exit 1 and its error code', async () => {
    const r = await runCli(['scenes', join(dir, 'garbage.mp4'), '--json']);
    expect(r.code).toBe(1);
    const err = JSON.parse(r.stdout) as { error: string; error_code: string; retryable: boolean };
    expect(err.error_code).toMatch(/^[a-z_]+$/);
    expect(err.retryable).toBe(false);
    expect(r.stderr).toContain(err.error_code);
    const missing = await runCli(['scenes', join(dir, 'nope.mp4')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not_found');
  });

  it('never loads the scoring model (nsfwjs, tfjs) or the pipeline', async () => {
    const trace = join(dir, 'scenes-trace.txt');
    const r = await runCli(['scenes', clip], {
      nodeArgs: ['--import', TRACE],
      env: { IMAJIN_TRACE_LOADS: trace },
    });
    expect(r.code).toBe(0);
    const loaded = await readFile(trace, 'utf8');
    expect(loaded).toContain('decoder-native');
    expect(loaded).not.toMatch(/nsfwjs|tfjs|@tensorflow/);
    expect(loaded).not.toContain('packages/pipeline');
  });
});
