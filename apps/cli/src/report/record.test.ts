import { describe, expect, it } from 'vitest';
import { errorLine, resultLine } from '../testing/report-records.js';
import { parseRecord } from './record.js';

const video = (value: unknown) => {
  const p = parseRecord(value, 7);
  if (!('video' in p)) throw new Error(`unrecognised: ${p.unrecognised}`);
  return p.video;
};

describe('parseRecord', () => {
  it('reads a result line: verdict, scores, frames (poster marked), scorer, rubric, calls', () => {
    const v = video(
      resultLine({
        path: 'v/a.mp4',
        explicitness: 'explicit',
        duration: 6,
        frames: [
          { t: 1, scene: 0 },
          { t: 3, scene: 1, explicitness: 'explicit', nsfw: 0.93 },
        ],
        segments: [{ start: 2, end: 4 }],
        scorer: 'local:nsfwjs',
        rubric: { version: '2.0.0', fingerprint: 'a'.repeat(64) },
        posterB64: 'AAAA',
      }),
    );
    expect(v).toMatchObject({
      path: 'v/a.mp4',
      sha256: 'sha-v/a.mp4',
      line: 7,
      status: 'explicit',
      durationSec: 6,
      quality: 0.6,
      nsfwMax: 0.93,
      sceneCount: 2,
      explicitSegments: [{ start: 2, end: 4 }],
      scorer: 'local:nsfwjs',
      rubric: { version: '2.0.0', fingerprint: 'a'.repeat(64) },
      scorerCalls: 2,
      departures: null,
      error: null,
      poster: { b64: 'AAAA' },
    });
    expect(v.frames.map((f) => [f.t, f.explicitness, f.poster])).toEqual([
      [1, 'sfw', true],
      [3, 'explicit', false],
    ]);
  });

  it('takes the poster as a file path when the line names one instead of carrying base64', () => {
    const v = video(resultLine({ path: 'a.mp4', poster: 'posters/abc.jpg' }));
    expect(v.poster).toEqual({ file: 'posters/abc.jpg' });
    expect(video(resultLine({ path: 'b.mp4' })).poster).toBeNull();
  });

  it('ignores fields it does not know, and reads sampling.departures when present', () => {
    const v = video(
      resultLine({
        path: 'a.mp4',
        extra: { reviewed_by: 'someone', result_version: 3 },
        samplingExtra: { departures: 4, departures_scored: 3, future: { x: 1 } },
      }),
    );
    expect(v.departures).toEqual({ found: 4, scored: 3 });
    const noScored = video(resultLine({ path: 'a.mp4', samplingExtra: { departures: 2 } }));
    expect(noScored.departures).toEqual({ found: 2, scored: null });
  });

  it('reads an error line: failed, with its error_code and message, no frames', () => {
    const v = video(errorLine({ path: 'bad.mp4', code: 'truncated', message: 'box ends early' }));
    expect(v).toMatchObject({
      status: 'failed',
      error: { code: 'truncated', message: 'box ends early', retryable: false },
      frames: [],
      nsfwMax: null,
      durationSec: null,
      scorerCalls: 0,
    });
    expect(
      video(errorLine({ path: 'gone.mp4', sha256: null, code: 'not_found' })).sha256,
    ).toBeNull();
  });

  it('refuses, with a reason, a line it would have to draw wrong', () => {
    const reason = (value: unknown) => {
      const p = parseRecord(value, 1);
      return 'unrecognised' in p ? p.unrecognised : 'parsed';
    };
    expect(reason([1, 2])).toBe('not a JSON object');
    expect(reason({ sha256: 'x', result: {} })).toBe('no "path"');
    expect(reason({ path: 'a.mp4' })).toBe('neither "result" nor "error"');
    const bad = resultLine({ path: 'a.mp4' }) as { result: Record<string, unknown> };
    expect(reason({ ...bad, result: { ...bad.result, explicitness: 'nsfw' } })).toMatch(
      /not a verdict/,
    );
    expect(reason({ ...bad, result: { ...bad.result, frames: [] } })).toMatch(/frames/);
    expect(reason({ ...bad, result: { ...bad.result, frames: [{ t: 'soon' }] } })).toMatch(
      /frames\[0\]/,
    );
  });
});
