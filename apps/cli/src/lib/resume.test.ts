import { describe, expect, it } from 'vitest';
import type { ClassifyResult } from '../types.js';
import { ResumeIndex } from './resume.js';

const RUN = { scorer: 'model-boss:siglip2', rubric_fingerprint: 'f'.repeat(64) };
const result = {
  explicitness: 'sfw',
  ...{ scorer: RUN.scorer, rubric_fingerprint: RUN.rubric_fingerprint },
} as ClassifyResult;
const terminal = { error: 'truncated', error_code: 'truncated', retryable: false };
const transient = { error: 'model-boss down', error_code: 'scorer_unavailable', retryable: true };

describe('ResumeIndex', () => {
  it('runs what it has never seen', () => {
    expect(new ResumeIndex().decide('h', RUN, false)).toEqual({ action: 'run', reason: 'new' });
  });

  it('skips a result and a terminal failure, retries a retryable one', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', result },
      { path: 'b', sha256: 'B', ...RUN, error: terminal },
      { path: 'c', sha256: 'C', ...RUN, error: transient },
    ]);
    expect(idx.decide('A', RUN, false)).toEqual({ action: 'skip', reason: 'done' });
    expect(idx.decide('B', RUN, false)).toEqual({ action: 'skip', reason: 'failed' });
    expect(idx.decide('C', RUN, false)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('--retry-failed retries terminal failures but never a result', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', result },
      { path: 'b', sha256: 'B', ...RUN, error: terminal },
    ]);
    expect(idx.decide('A', RUN, true).action).toBe('skip');
    expect(idx.decide('B', RUN, true)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('a result wins over errors before or after it; the latest error counts otherwise', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', ...RUN, error: transient },
      { path: 'a', sha256: 'A', result },
      { path: 'a', sha256: 'A', ...RUN, error: terminal },
      { path: 'b', sha256: 'B', ...RUN, error: terminal },
      { path: 'b', sha256: 'B', ...RUN, error: transient },
    ]);
    expect(idx.decide('A', RUN, false).reason).toBe('done');
    expect(idx.decide('B', RUN, false)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('ignores lines that are not records (no hash, no outcome)', () => {
    const idx = new ResumeIndex([
      null,
      3,
      { path: 'x' },
      { path: 'x', sha256: null, error: terminal },
      { sha256: 'D' },
    ]);
    expect(idx.decide('D', RUN, false).reason).toBe('new');
  });

  it('re-runs a video whose earlier lines were made under another scorer or rubric', () => {
    const local = { ...result, scorer: 'local:nsfwjs-mobilenet_v2' } as ClassifyResult;
    const oldRubric = { ...result, rubric_fingerprint: 'e'.repeat(64) } as ClassifyResult;
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', result: local },
      { path: 'b', sha256: 'B', result: oldRubric },
      { path: 'c', sha256: 'C', result: local },
      { path: 'c', sha256: 'C', result },
      // an error line names its run at the top level (a result names it inside)
      { path: 'd', sha256: 'D', ...RUN, error: terminal },
      { path: 'e', sha256: 'E', error: terminal }, // an old line that names no run
    ]);
    expect(idx.decide('A', RUN, false)).toEqual({ action: 'run', reason: 'other-run' });
    expect(idx.decide('B', RUN, false)).toEqual({ action: 'run', reason: 'other-run' });
    expect(idx.decide('C', RUN, false)).toEqual({ action: 'skip', reason: 'done' });
    expect(idx.decide('D', RUN, false)).toEqual({ action: 'skip', reason: 'failed' });
    expect(idx.decide('E', RUN, false)).toEqual({ action: 'run', reason: 'other-run' });
    expect(idx.decide('A', { ...RUN, scorer: 'local:nsfwjs-mobilenet_v2' }, false).action).toBe(
      'skip',
    );
  });
});
