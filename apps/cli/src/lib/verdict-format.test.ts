import { describe, expect, it } from 'vitest';
import type { ClassifyResult } from '../types.js';
import { renderVerdict, unscoredDepartures } from './verdict-format.js';

const frame = (index: number, departure: boolean) => ({
  index,
  t: index * 3 + 1,
  nsfw: 0.1,
  suggestive: 0.1,
  quality: 0.5,
  explicitness: 'sfw' as const,
  scene: 0,
  departure,
});

function result(departures: number, scored: number): ClassifyResult {
  return {
    is_explicit: false,
    explicitness: 'sfw',
    quality_score: 0.5,
    frame_count: 3,
    scene_count: 1,
    duration_sec: 9,
    width: 320,
    height: 180,
    rotation: 0,
    codec: 'h264',
    poster_frame_index: 0,
    scorer: 'local:test',
    rubric_version: '1.0.0',
    frames: [frame(0, false), frame(1, true), frame(2, false)],
    explicit_segments: [],
    sampling: {
      policy: 'scene-aware',
      band: { min: 3, max: 3 },
      candidates: 5,
      deduplicated: 0,
      max_unsampled_gap_sec: 3,
      departures,
      departures_scored: scored,
    },
  } as unknown as ClassifyResult;
}

describe('verdict format: departures', () => {
  it('says how many departures were found and that all were scored', () => {
    const lines = renderVerdict('a.mp4', result(1, 1));
    expect(lines).toContain('  1 departure (where the picture leaves the shot), all scored');
    expect(lines.find((l) => /^\s+1\s/.test(l))).toMatch(/departure/);
    expect(unscoredDepartures('a.mp4', result(1, 1))).toBeNull();
  });

  it('warns when the band maximum left departures unscored', () => {
    const r = result(4, 1);
    expect(renderVerdict('a.mp4', r).join('\n')).toContain(
      '3 left unscored by the band maximum (3)',
    );
    expect(unscoredDepartures('a.mp4', r)).toBe(
      'a.mp4: warning: 3 of 4 departures left unscored by the band maximum (3 frames)',
    );
  });
});
