import { describe, expect, it } from 'vitest';
import { buildEstimateReport, reportBands } from './estimate-report.js';

describe('estimate report', () => {
  it('puts the current band first and each extra band once', () => {
    expect(
      reportBands({ min: 3, max: 16 }, [
        { min: 2, max: 8 },
        { min: 3, max: 16 },
        { min: 2, max: 8 },
      ]),
    ).toEqual([
      { min: 3, max: 16 },
      { min: 2, max: 8 },
    ]);
  });

  it('totals calls per band, prices them and flags the figures as an upper bound', () => {
    const r = buildEstimateReport({
      bands: [
        { min: 3, max: 16 },
        { min: 1, max: 4 },
      ],
      keyframes: null,
      secPerCall: 0.05,
      videos: [
        { path: 'a.mp4', duration_sec: 10.0004, scenes: 5, departures: 1, calls: [5, 4] },
        { path: 'b.mp4', duration_sec: 2, scenes: 1, departures: 0, calls: [3, 1] },
        { path: 'c.mp4', duration_sec: 3, scenes: 1, departures: 0, calls: [3, 1] },
      ],
      failures: [{ path: 'bad.mp4', error: 'x', error_code: 'truncated', retryable: false }],
    });
    expect(r).toMatchObject({
      videos: 3,
      failed: 1,
      band: '3:16',
      total_calls: 11,
      gpu_seconds: 0.55,
      upper_bound: true,
      histogram: [
        { keyframes: 3, videos: 2 },
        { keyframes: 5, videos: 1 },
      ],
      bands: [
        { band: '3:16', total_calls: 11, gpu_seconds: 0.55 },
        { band: '1:4', total_calls: 6, gpu_seconds: 0.3 },
      ],
    });
    expect(r.per_video[0]).toEqual({
      path: 'a.mp4',
      duration_sec: 10,
      scenes: 5,
      departures: 1,
      keyframes: 5,
    });
    expect(r.dedupe).toMatch(/not counted/);
    expect(r.failures).toEqual([
      { path: 'bad.mp4', error: 'x', error_code: 'truncated', retryable: false },
    ]);
  });
});
