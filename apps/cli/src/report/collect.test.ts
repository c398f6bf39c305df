import { describe, expect, it } from 'vitest';
import { errorLine, resultLine } from '../testing/report-records.js';
import { ReportCollector } from './collect.js';
import { parseRecord } from './record.js';

function collect(lines: unknown[]): ReportCollector {
  const c = new ReportCollector();
  lines.forEach((l, i) => {
    const p = parseRecord(l, i + 1);
    if ('video' in p) c.add(p.video);
    else c.addUnrecognised();
  });
  return c;
}

const ex = (path: string, nsfw: number) =>
  resultLine({
    path,
    explicitness: 'explicit',
    frames: [{ t: 1, scene: 0, explicitness: 'explicit', nsfw }],
  });

describe('ReportCollector', () => {
  it('counts videos by verdict and failure code, and sums scorer calls and durations', () => {
    const s = collect([
      ex('a.mp4', 0.9),
      resultLine({ path: 'b.mp4', explicitness: 'suggestive', duration: 10 }),
      resultLine({
        path: 'c.mp4',
        frames: [
          { t: 1, scene: 0 },
          { t: 2, scene: 1 },
        ],
      }),
      errorLine({ path: 'd.mp4', code: 'truncated' }),
      errorLine({ path: 'e.mp4', code: 'no_video_stream' }),
      errorLine({ path: 'f.mp4', code: 'truncated' }),
    ]).summary();
    expect(s.videos).toBe(6);
    expect(s.byStatus).toEqual({ explicit: 1, suggestive: 1, failed: 3, sfw: 1 });
    expect(s.failureCodes).toEqual([
      { name: 'truncated', videos: 2 },
      { name: 'no_video_stream', videos: 1 },
    ]);
    expect(s.scorerCalls).toBe(1 + 1 + 2);
    expect(s.totalDurationSec).toBe(4 + 10 + 4);
    expect(s.scorers).toEqual([{ name: 'model-boss:siglip2', videos: 3 }]);
    expect(s.rubrics).toHaveLength(1);
    expect(s.warnings).toEqual([]);
  });

  it('keeps one row per video: a result beats any error, otherwise the later line wins', () => {
    const c = collect([
      errorLine({ path: 'a.mp4', sha256: 'A', code: 'scorer_unavailable', retryable: true }),
      resultLine({ path: 'a.mp4', sha256: 'A', explicitness: 'suggestive' }),
      errorLine({ path: 'renamed-a.mp4', sha256: 'A', code: 'timeout', retryable: true }),
      errorLine({ path: 'b.mp4', sha256: 'B', code: 'timeout', retryable: true }),
      errorLine({ path: 'b.mp4', sha256: 'B', code: 'truncated' }),
      errorLine({ path: 'gone.mp4', sha256: null, code: 'not_found' }),
      errorLine({ path: 'gone.mp4', sha256: null, code: 'not_found' }),
    ]);
    const rows = c.videos().map((v) => [v.path, v.status, v.error?.code ?? null]);
    expect(rows).toEqual([
      ['a.mp4', 'suggestive', null],
      ['b.mp4', 'failed', 'truncated'],
      ['gone.mp4', 'failed', 'not_found'],
    ]);
    expect(c.summary().lines).toEqual({ read: 7, unreadable: 0, unrecognised: 0, superseded: 4 });
  });

  it('orders rows for review: explicit, suggestive, failed, sfw; higher nsfw first, then path', () => {
    const order = collect([
      resultLine({ path: 'z-sfw.mp4' }),
      errorLine({ path: 'failed.mp4', code: 'truncated' }),
      ex('b-mild.mp4', 0.7),
      resultLine({ path: 'sugg.mp4', explicitness: 'suggestive' }),
      ex('c-strong.mp4', 0.99),
      ex('a-mild.mp4', 0.7),
      resultLine({ path: 'a-sfw.mp4' }),
    ])
      .videos()
      .map((v) => v.path);
    expect(order).toEqual([
      'c-strong.mp4',
      'a-mild.mp4',
      'b-mild.mp4',
      'sugg.mp4',
      'failed.mp4',
      'a-sfw.mp4',
      'z-sfw.mp4',
    ]);
  });

  it('warns when the file mixes scorers or rubrics, or has lines it could not read', () => {
    const c = collect([
      resultLine({ path: 'a.mp4', scorer: 'model-boss:siglip2' }),
      resultLine({ path: 'b.mp4', scorer: 'local:nsfwjs' }),
      resultLine({ path: 'c.mp4', rubric: { version: '0.9.0', fingerprint: 'b'.repeat(64) } }),
      { not: 'a record' },
    ]);
    c.addUnreadable();
    const s = c.summary();
    expect(s.scorers.map((x) => [x.name, x.videos])).toEqual([
      ['model-boss:siglip2', 2],
      ['local:nsfwjs', 1],
    ]);
    expect(s.rubrics.map((r) => [r.version, r.videos])).toEqual([
      ['1.0.0', 2],
      ['0.9.0', 1],
    ]);
    expect(s.warnings).toHaveLength(3);
    expect(s.warnings[0]).toMatch(/mix 2 scorers .*model-boss:siglip2: 2, local:nsfwjs: 1/);
    expect(s.warnings[1]).toMatch(
      /mix 2 rubrics .*1\.0\.0 ffffffffffff: 2, 0\.9\.0 bbbbbbbbbbbb: 1/,
    );
    expect(s.warnings[2]).toMatch(/^2 lines of the file could not be read/);
  });

  it('adds up departures only when results carry them', () => {
    const none = collect([resultLine({ path: 'a.mp4' })]).summary();
    expect(none.departures).toBeNull();
    const some = collect([
      resultLine({ path: 'a.mp4', samplingExtra: { departures: 3, departures_scored: 2 } }),
      resultLine({ path: 'b.mp4', samplingExtra: { departures: 1, departures_scored: 1 } }),
      resultLine({ path: 'c.mp4' }),
    ]).summary();
    expect(some.departures).toEqual({ found: 4, scored: 3 });
  });
});
