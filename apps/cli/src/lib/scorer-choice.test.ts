import { describe, expect, it } from 'vitest';
import { chooseScorer } from './scorer-choice.js';

describe('chooseScorer', () => {
  it('defaults to the embedded local scorer', () => {
    expect(chooseScorer({})).toEqual({ kind: 'local' });
    expect(chooseScorer({ scorer: 'local', modelBossUrl: 'http://x' })).toEqual({ kind: 'local' });
  });

  it('uses model-boss with its URL', () => {
    expect(chooseScorer({ scorer: 'model-boss', modelBossUrl: 'http://127.0.0.1:9/' })).toEqual({
      kind: 'model-boss',
      url: 'http://127.0.0.1:9/',
    });
  });

  it('refuses model-boss without a usable URL, and unknown scorers', () => {
    expect(() => chooseScorer({ scorer: 'model-boss' })).toThrow(/needs --model-boss-url/);
    expect(() => chooseScorer({ scorer: 'model-boss', modelBossUrl: 'not a url' })).toThrow(
      /not a URL/,
    );
    expect(() => chooseScorer({ scorer: 'gpu' })).toThrow(/unknown scorer/);
  });
});
