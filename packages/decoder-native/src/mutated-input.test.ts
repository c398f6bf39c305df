import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../test/helpers.js';
import { mutate } from '../test/mutate.js';
import { DecodeError, type DecodeErrorCode, grabFrames, scanScenes } from './index.js';

// A few hundred seeded mutations of real videos through the addon (the long ASan/UBSan fuzz
// run of the same core is outside CI). Each must end in a result or a typed DecodeError.
const CASES: { source: string; count: number; call: 'scan' | 'grab' }[] = [
  { source: 'h264-faststart.mp4', count: 120, call: 'scan' },
  { source: 'hevc.mp4', count: 80, call: 'scan' },
  { source: 'h264.mkv', count: 50, call: 'scan' },
  { source: 'h264.mp4', count: 50, call: 'grab' },
];
const limits = { timeoutMs: 20_000 };

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    if (!(err instanceof DecodeError)) return `untyped: ${String(err)}`;
    return err.code;
  }
}

describe('mutated inputs', () => {
  it.each(CASES)(
    '$count mutations of $source ($call): a result or a typed error each',
    async ({ source, count, call }) => {
      const original = await fixtureBytes(source);
      const outcomes: string[] = [];
      for (let start = 0; start < count; start += 4) {
        const batch = Array.from({ length: Math.min(4, count - start) }, (_, i) => {
          const bytes = mutate(original, 1000 * (start + i) + source.length);
          return outcome(
            call === 'scan'
              ? scanScenes(bytes, { limits })
              : grabFrames(bytes, [0, 0.9, 1.9], { limits }),
          );
        });
        outcomes.push(...(await Promise.all(batch)));
      }
      const allowed = new Set<string>([
        'ok',
        'CORRUPT_INPUT',
        'TRUNCATED',
        'UNSUPPORTED_FORMAT',
        'UNSUPPORTED_CODEC',
        'NO_VIDEO_STREAM',
        'TOO_LARGE',
        'TOO_LONG',
        'TOO_MANY_FRAMES',
      ] satisfies (DecodeErrorCode | 'ok')[]);
      const unexpected = outcomes.filter((o) => !allowed.has(o));
      expect(unexpected).toEqual([]);
      const counts = Object.fromEntries(
        [...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]),
      );
      console.log(`${source} ${call}:`, JSON.stringify(counts));
    },
  );
});
