import type { ClassifyResult } from '../types.js';
import { duration, fixed, renderTable } from './table.js';

/** A warning line when the band's maximum left departures unscored (null when none was). */
export function unscoredDepartures(path: string, r: ClassifyResult): string | null {
  const unscored = r.sampling.departures - r.sampling.departures_scored;
  if (unscored <= 0) return null;
  return `${path}: warning: ${unscored} of ${r.sampling.departures} departures left unscored by the band maximum (${r.sampling.band.max} frames)`;
}

/** The human verdict for one video: a headline, the facts, and a table of the scored frames. */
export function renderVerdict(path: string, r: ClassifyResult): string[] {
  const headline = `${path}: ${r.explicitness.toUpperCase()}${r.is_explicit ? ' (is_explicit)' : ''}`;
  const facts = [
    `quality ${fixed(r.quality_score)}`,
    `${r.frame_count} frame${r.frame_count === 1 ? '' : 's'} scored from ${r.scene_count} scene${r.scene_count === 1 ? '' : 's'}`,
    duration(r.duration_sec),
    `${r.width}x${r.height} ${r.codec}${r.rotation ? ` rotated ${r.rotation}°` : ''}`,
  ].join(' · ');
  const rows = r.frames.map((f) => [
    String(f.index),
    fixed(f.t),
    String(f.scene),
    f.explicitness,
    fixed(f.nsfw),
    fixed(f.suggestive),
    fixed(f.quality),
    [f.index === r.poster_frame_index ? '← poster' : '', f.departure ? 'departure' : '']
      .filter(Boolean)
      .join(', '),
  ]);
  const table = renderTable(
    [
      { header: '#', align: 'right' },
      { header: 't (s)', align: 'right' },
      { header: 'scene', align: 'right' },
      { header: 'explicitness' },
      { header: 'nsfw', align: 'right' },
      { header: 'suggestive', align: 'right' },
      { header: 'quality', align: 'right' },
      { header: '' },
    ],
    rows,
  );
  const calibration = r.scorer.startsWith('local:')
    ? ' (embedded model: not model-boss calibration)'
    : '';
  const lines = [
    headline,
    `  ${facts}`,
    `  scorer ${r.scorer}${calibration} · rubric ${r.rubric_version}`,
  ];
  const { departures, departures_scored } = r.sampling;
  if (departures > 0) {
    const unscored = departures - departures_scored;
    lines.push(
      `  ${departures} departure${departures === 1 ? '' : 's'} (where the picture leaves the shot)${unscored > 0 ? `: ${unscored} left unscored by the band maximum (${r.sampling.band.max})` : ', all scored'}`,
    );
  }
  if (r.explicit_segments.length > 0) {
    lines.push(
      `  explicit at ${r.explicit_segments.map((s) => `${fixed(s.start)}–${fixed(s.end)} s`).join(', ')}`,
    );
  }
  lines.push('', ...table.map((l) => `  ${l}`));
  return lines;
}
