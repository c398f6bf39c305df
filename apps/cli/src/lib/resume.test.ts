import { describe, expect, it } from 'vitest';
import type { ClassifyResult } from '../types.js';
import { ResumeIndex } from './resume.js';

const result = { explicitness: 'sfw' } as ClassifyResult;
const terminal = { error: 'truncated', error_code: 'truncated', retryable: false };
const transient = { error: 'model-boss down', error_code: 'scorer_unavailable', retryable: true };

describe('ResumeIndex', () => {
  it('runs what it has never seen', () => {
    expect(new ResumeIndex().decide('h', false)).toEqual({ action: 'run', reason: 'new' });
  });

  it('skips a result and a terminal failure, retries a retryable one', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', result },
      { path: 'b', sha256: 'B', error: terminal },
      { path: 'c', sha256: 'C', error: transient },
    ]);
    expect(idx.decide('A', false)).toEqual({ action: 'skip', reason: 'done' });
    expect(idx.decide('B', false)).toEqual({ action: 'skip', reason: 'failed' });
    expect(idx.decide('C', false)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('--retry-failed retries terminal failures but never a result', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', result },
      { path: 'b', sha256: 'B', error: terminal },
    ]);
    expect(idx.decide('A', true).action).toBe('skip');
    expect(idx.decide('B', true)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('a result wins over errors before or after it; the latest error counts otherwise', () => {
    const idx = new ResumeIndex([
      { path: 'a', sha256: 'A', error: transient },
      { path: 'a', sha256: 'A', result },
      { path: 'a', sha256: 'A', error: terminal },
      { path: 'b', sha256: 'B', error: terminal },
      { path: 'b', sha256: 'B', error: transient },
    ]);
    expect(idx.decide('A', false).reason).toBe('done');
    expect(idx.decide('B', false)).toEqual({ action: 'run', reason: 'retry' });
  });

  it('ignores lines that are not records (no hash, no outcome)', () => {
    const idx = new ResumeIndex([
      null,
      3,
      { path: 'x' },
      { path: 'x', sha256: null, error: terminal },
      { sha256: 'D' },
    ]);
    expect(idx.decide('D', false).reason).toBe('new');
  });
});
