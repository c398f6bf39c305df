import type { FrameVerdict, VideoAggregate } from '../types.js';
import { loadParityVectors, type ParityCase, type ParityVectors } from './vectors.js';

type MaybePromise<T> = T | Promise<T>;

/** What another implementation of the rubric offers to be checked against the vectors. */
export interface ParityImplementation {
  /** Six raw model-boss scores → the frame's verdict. Must throw on invalid input. */
  scoreFrame(raw: readonly number[]): MaybePromise<FrameVerdict>;
  /** Frame verdicts → video aggregate. Optional: without it, video aggregates are skipped. */
  aggregateVideo?(frames: FrameVerdict[]): MaybePromise<VideoAggregate>;
  /** The fingerprint of the rubric the implementation uses; when given it must match. */
  rubricFingerprint?: string;
}

export interface ParityFailure {
  case: string;
  problem: string;
}

export interface ParityReport {
  ok: boolean;
  rubric_fingerprint: string;
  total: number;
  passed: number;
  failures: ParityFailure[];
  /** Cases (or parts) not checked because the implementation lacks `aggregateVideo`. */
  skipped: string[];
}

/**
 * Runs the parity vectors against an implementation and reports every mismatch. Numbers must be
 * exactly equal (float64, no tolerance). Video aggregates are computed from the expected frame
 * verdicts, so aggregation is checked apart from normalization. Never throws for a mismatch.
 *
 * @example
 *   const report = await runParityVectors({ scoreFrame, aggregateVideo });
 *   if (!report.ok) console.error(report.failures);
 */
export async function runParityVectors(
  impl: ParityImplementation,
  vectors: ParityVectors = loadParityVectors(),
): Promise<ParityReport> {
  const failures: ParityFailure[] = [];
  const skipped: string[] = [];
  if (
    impl.rubricFingerprint !== undefined &&
    impl.rubricFingerprint !== vectors.rubric_fingerprint
  ) {
    failures.push({
      case: '(rubric)',
      problem: `implementation uses rubric ${impl.rubricFingerprint}, vectors are for ${vectors.rubric_fingerprint}`,
    });
  }
  let passed = 0;
  for (const c of vectors.cases) {
    const problems = await checkCase(impl, c, skipped);
    for (const problem of problems) failures.push({ case: c.name, problem });
    if (problems.length === 0) passed++;
  }
  return {
    ok: failures.length === 0,
    rubric_fingerprint: vectors.rubric_fingerprint,
    total: vectors.cases.length,
    passed,
    failures,
    skipped,
  };
}

async function checkCase(impl: ParityImplementation, c: ParityCase, skipped: string[]) {
  if (c.kind === 'invalid') {
    const outcome = await attempt(() => impl.scoreFrame(c.raw_scores as number[]));
    return outcome.ok ? [`expected an error (${c.expected.error}), got a verdict`] : [];
  }
  if (c.kind === 'frame') return checkFrame(impl, c.raw_scores, c.expected, '');

  const problems: string[] = [];
  for (const [i, raw] of c.raw_scores.entries()) {
    const expected = c.expected.frames[i];
    if (expected) problems.push(...(await checkFrame(impl, raw, expected, `frame ${i}: `)));
  }
  if (!impl.aggregateVideo) {
    skipped.push(`${c.name} (aggregate)`);
    return problems;
  }
  const frames = c.expected.frames.map((f) => ({ ...f }));
  const outcome = await attempt(() => impl.aggregateVideo?.(frames));
  if (!outcome.ok) return [...problems, `aggregate threw: ${outcome.error}`];
  const actual = outcome.value as Record<string, unknown> | undefined;
  for (const key of [
    'explicitness',
    'is_explicit',
    'quality_score',
    'poster_frame_index',
  ] as const) {
    if (actual?.[key] !== c.expected[key]) {
      problems.push(`${key}: expected ${show(c.expected[key])}, got ${show(actual?.[key])}`);
    }
  }
  return problems;
}

async function checkFrame(
  impl: ParityImplementation,
  raw: readonly (number | null)[],
  expected: FrameVerdict,
  prefix: string,
): Promise<string[]> {
  const outcome = await attempt(() => impl.scoreFrame(raw as number[]));
  if (!outcome.ok) return [`${prefix}threw: ${outcome.error}`];
  const actual = outcome.value as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['explicit', 'suggestive', 'quality', 'explicitness'] as const) {
    if (actual?.[key] !== expected[key]) {
      problems.push(`${prefix}${key}: expected ${show(expected[key])}, got ${show(actual?.[key])}`);
    }
  }
  return problems;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

async function attempt(fn: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(JSON.stringify(value));
}
