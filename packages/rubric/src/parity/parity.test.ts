import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateVideo } from '../aggregate.js';
import { RUBRIC } from '../generated/rubric.js';
import { scoreFrame } from '../interpret.js';
import type { Explicitness, FrameVerdict, VideoAggregate } from '../types.js';
import { type ParityImplementation, runParityVectors } from './run.js';
import { loadParityVectors, type ParityCase } from './vectors.js';

const vectors = loadParityVectors();
const byName = (name: string): ParityCase => {
  const found = vectors.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no parity case "${name}"`);
  return found;
};
const ours: ParityImplementation = {
  scoreFrame: (raw) => scoreFrame(raw),
  aggregateVideo,
  rubricFingerprint: RUBRIC.fingerprint,
};

// An independent re-derivation, written without the package's code: sort-based, not a scan.
const ORDER: Explicitness[] = ['sfw', 'suggestive', 'explicit'];
function referenceFrame(raw: readonly (number | null)[]): FrameVerdict | 'error' {
  if (raw.length !== 6 || raw.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1)))
    return 'error';
  const r = raw as number[];
  const [e, s, q] = [0, 2, 4].map((i) => {
    const [p, n] = [r[i] as number, r[i + 1] as number];
    return p + n === 0 ? 0.5 : p / (p + n);
  }) as [number, number, number];
  const { explicit: te, suggestive: ts } = RUBRIC.thresholds;
  const explicitness = e >= te ? 'explicit' : s >= ts ? 'suggestive' : 'sfw';
  return { explicit: e, suggestive: s, quality: q, explicitness };
}
function referenceVideo(frames: FrameVerdict[]): VideoAggregate {
  const rank = (f: FrameVerdict) => ORDER.indexOf(f.explicitness);
  const indexed = frames.map((f, i) => ({ f, i }));
  const lowest = Math.min(...frames.map(rank));
  const [poster] = indexed
    .filter(({ f }) => rank(f) === lowest)
    .sort((a, b) =>
      lowest === 0
        ? b.f.quality - a.f.quality || a.i - b.i
        : a.f.explicit - b.f.explicit || a.i - b.i,
    );
  const worst = ORDER[Math.max(...frames.map(rank))] as Explicitness;
  return {
    explicitness: worst,
    is_explicit: worst === 'explicit',
    quality_score: Math.max(...frames.map((f) => f.quality)),
    poster_frame_index: poster?.i ?? -1,
  };
}

describe('parity vectors', () => {
  it('are for this rubric and cover the required edge cases', () => {
    expect(vectors.rubric_fingerprint).toBe(RUBRIC.fingerprint);
    expect(vectors.rubric_version).toBe(RUBRIC.version);
    expect(vectors.cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(vectors.cases.map((c) => c.name)).size).toBe(vectors.cases.length);
    for (const kind of ['frame', 'invalid', 'video']) {
      expect(vectors.cases.some((c) => c.kind === kind)).toBe(true);
    }
  });

  it('all pass against this package', async () => {
    const report = await runParityVectors(ours);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, passed: vectors.cases.length, skipped: [] });
  });

  it('are re-derived exactly by an independent reference', () => {
    for (const c of vectors.cases) {
      if (c.kind === 'invalid') {
        expect(referenceFrame(c.raw_scores), c.name).toBe('error');
      } else if (c.kind === 'frame') {
        expect(referenceFrame(c.raw_scores), c.name).toEqual(c.expected);
      } else {
        const frames = c.raw_scores.map(referenceFrame) as FrameVerdict[];
        expect(frames, c.name).toEqual(c.expected.frames);
        const { frames: _, ...aggregate } = c.expected;
        expect(referenceVideo(frames), c.name).toEqual(aggregate);
      }
    }
  });

  it('hold the values worked out by hand', () => {
    const frame = (name: string) => byName(name).expected as FrameVerdict;
    expect(frame('all six scores 0: every pair is 0.5')).toEqual({
      explicit: 0.5,
      suggestive: 0.5,
      quality: 0.5,
      explicitness: 'sfw',
    });
    expect(frame('positive 0, negative > 0: score 0')).toEqual({
      explicit: 0,
      suggestive: 0,
      quality: 0,
      explicitness: 'sfw',
    });
    expect(frame('negative 0, positive > 0: score 1')).toEqual({
      explicit: 1,
      suggestive: 1,
      quality: 1,
      explicitness: 'explicit',
    });
    // 0.6 / (0.6 + 0.4): the sum is exactly 1, so the score is exactly the threshold.
    expect(frame('explicit exactly at threshold (inclusive)')).toMatchObject({
      explicit: 0.6,
      explicitness: 'explicit',
    });
    expect(frame('suggestive exactly at threshold (inclusive)')).toMatchObject({
      suggestive: 0.7,
      explicitness: 'suggestive',
    });
    expect(frame('explicit just below threshold').explicit).toBeCloseTo(0.599999999, 12);
    expect(frame('explicit just below threshold').explicitness).toBe('sfw');
    // Checked in Python too: 0.0213 / 0.0355 == 0.5999999999999999, 0.021 / 0.03 == 0.7000000000000001.
    expect(frame('float64 rounds a 3:2 ratio just under 0.6')).toMatchObject({
      explicit: 0.5999999999999999,
      explicitness: 'sfw',
    });
    expect(frame('float64 rounds a 7:3 ratio just over 0.7')).toMatchObject({
      suggestive: 0.7000000000000001,
      explicitness: 'suggestive',
    });
    expect(frame('clear explicit frame').explicit).toBeCloseTo(0.2113 / 0.2154, 12);

    const video = (name: string) => byName(name).expected as VideoAggregate;
    expect(video('one explicit frame among many sfw')).toMatchObject({
      explicitness: 'explicit',
      is_explicit: true,
      poster_frame_index: 4,
    });
    expect(video('one explicit frame among many sfw').quality_score).toBeCloseTo(0.95, 12);
    expect(
      video('no sfw frame: poster is the suggestive frame with the lowest explicit score')
        .poster_frame_index,
    ).toBe(2);
    expect(video('no sfw frame, explicit score tie: earliest').poster_frame_index).toBe(1);
    expect(video('sfw quality tie: earliest frame is the poster').poster_frame_index).toBe(1);
    expect(byName('a null score').expected).toEqual({ error: 'not_a_number' });
  });

  it('are re-derived exactly by the Python reference shipped beside them', () => {
    const script = fileURLToPath(new URL('../../parity/reference.py', import.meta.url));
    const run = spawnSync('python3', [script], { encoding: 'utf8' });
    if (run.error)
      throw new Error(
        `python3 is needed for this check (scripts/setup.sh installs it): ${run.error.message}`,
      );
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, cases: vectors.cases.length, failures: [] });
    expect(run.status).toBe(0);
  });
});

describe('runParityVectors', () => {
  it('catches a strict > at the threshold', async () => {
    const strict = {
      scoreFrame: (raw: readonly number[]) => {
        const v = scoreFrame(raw);
        const { explicit: te, suggestive: ts } = RUBRIC.thresholds;
        const explicitness =
          v.explicit > te ? 'explicit' : v.suggestive > ts ? 'suggestive' : 'sfw';
        return { ...v, explicitness } as FrameVerdict;
      },
    };
    const report = await runParityVectors(strict);
    expect(report.ok).toBe(false);
    const failed = new Set(report.failures.map((f) => f.case));
    expect(failed).toContain('explicit exactly at threshold (inclusive)');
    expect(failed).toContain('suggestive exactly at threshold (inclusive)');
    expect(failed).not.toContain('clear sfw frame');
    expect(report.skipped.length).toBe(vectors.cases.filter((c) => c.kind === 'video').length);
  });

  it('catches rounding, a missing input check, a wrong poster rule and another rubric', async () => {
    const rounded = {
      scoreFrame: (raw: readonly number[]) => ({
        ...scoreFrame(raw),
        explicit: Number(scoreFrame(raw).explicit.toFixed(6)),
      }),
    };
    // Pads, clamps and zero-fills instead of refusing bad input.
    const lax = {
      scoreFrame: (raw: readonly number[]) =>
        scoreFrame(
          [...raw, 0, 0, 0, 0, 0, 0].slice(0, 6).map((v) => Math.min(1, Math.max(0, Number(v)))),
        ),
    };
    const bestQualityPoster: ParityImplementation = {
      scoreFrame: (raw) => scoreFrame(raw),
      aggregateVideo: (frames) => ({
        ...aggregateVideo(frames),
        poster_frame_index: frames.reduce(
          (best, f, i, all) => (f.quality > (all[best] as FrameVerdict).quality ? i : best),
          0,
        ),
      }),
      rubricFingerprint: 'f'.repeat(64),
    };
    const failedCases = async (impl: ParityImplementation) =>
      (await runParityVectors(impl)).failures.map((f) => f.case);
    expect(await failedCases(rounded)).toContain('float64 rounds a 3:2 ratio just under 0.6');
    expect(await failedCases(lax)).toEqual(
      expect.arrayContaining(['five scores', 'a score above 1', 'a null score']),
    );
    const wrongPoster = await failedCases(bestQualityPoster);
    expect(wrongPoster).toContain('(rubric)');
    expect(wrongPoster).toContain('one explicit frame among many sfw');
  });
});
