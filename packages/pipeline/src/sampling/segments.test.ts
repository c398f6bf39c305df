import { describe, expect, it } from 'vitest';
import { DEPARTURE_PAD_SEC, explicitSegments } from './segments.js';

describe('explicitSegments', () => {
  it('gives a short explicit scene between clean ones its own length', () => {
    const scenes = [
      { start: 0, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 7 },
    ];
    const frames = [
      { t: 1.5, scene: 0, explicit: false },
      { t: 3.5, scene: 1, explicit: true },
      { t: 5.5, scene: 2, explicit: false },
    ];
    expect(explicitSegments(frames, scenes, 7)).toEqual([{ start: 3, end: 4 }]);
  });

  it('bounds an explicit moment in a long shot by the neighbouring samples', () => {
    const frames = Array.from({ length: 15 }, (_, i) => ({
      t: 2 + 4 * i,
      scene: 0,
      explicit: i === 7,
    }));
    expect(explicitSegments(frames, [{ start: 0, end: 60 }], 60)).toEqual([{ start: 26, end: 34 }]);
  });

  it('merges explicit frames that touch and reaches the ends of the video', () => {
    const scenes = [
      { start: 0, end: 2 },
      { start: 2, end: 5 },
      { start: 5, end: 9 },
    ];
    const frames = [
      { t: 1, scene: 0, explicit: true },
      { t: 3.5, scene: 1, explicit: true },
      { t: 7, scene: 2, explicit: false },
    ];
    expect(explicitSegments(frames, scenes, 9)).toEqual([{ start: 0, end: 5 }]);
  });

  it('reports nothing for a clean video', () => {
    expect(
      explicitSegments([{ t: 1, scene: 0, explicit: false }], [{ start: 0, end: 2 }], 2),
    ).toEqual([]);
  });
});

describe('explicitSegments with departures', () => {
  const departures = [
    { start: 6, end: 6.5, peak: 6.2 },
    { start: 20, end: 21, peak: 20.5 },
  ];

  it('bounds an explicit insert by its departure (padded), not by the neighbouring samples', () => {
    const segments = explicitSegments(
      [
        { t: 2, scene: 0, explicit: false },
        { t: 6.2, scene: 0, explicit: true, standsFor: [0] },
        { t: 12, scene: 0, explicit: false },
      ],
      [{ start: 0, end: 30 }],
      30,
      departures,
    );
    expect(segments).toEqual([{ start: 6 - DEPARTURE_PAD_SEC, end: 6.5 + DEPARTURE_PAD_SEC }]);
  });

  it('claims every departure a scored frame stands for', () => {
    const segments = explicitSegments(
      [{ t: 6.2, scene: 0, explicit: true, standsFor: [0, 1] }],
      [{ start: 0, end: 30 }],
      30,
      departures,
    );
    expect(segments).toHaveLength(2);
    expect(segments[1]).toEqual({ start: 19.5, end: 21.5 });
  });
});
