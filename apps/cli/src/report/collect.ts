import {
  type CountedName,
  type ReportSummary,
  type ReportVideo,
  type RowStatus,
  STATUS_ORDER,
} from './model.js';

/**
 * Gathers the videos of a backfill JSONL, one per video. A backfill appends: a retried video
 * gets a second line for the same content hash, so, as the backfill's own resume rule does, a
 * result wins over any error and otherwise the later line wins. Lines without a hash (the file
 * could not be read) are keyed by path.
 */
export class ReportCollector {
  private readonly byKey = new Map<string, ReportVideo>();
  private read = 0;
  private unreadable = 0;
  private unrecognised = 0;
  private superseded = 0;

  /** Adds a video; returns whether it is shown (false when an earlier line beats it). */
  add(video: ReportVideo): boolean {
    this.read++;
    const key = video.sha256 ?? `path:${video.path}`;
    const prev = this.byKey.get(key);
    if (prev) {
      this.superseded++;
      if (prev.status !== 'failed' && video.status === 'failed') return false;
    }
    this.byKey.set(key, video);
    return true;
  }

  /** A line that was not JSON. */
  addUnreadable(): void {
    this.read++;
    this.unreadable++;
  }

  /** A JSON line that is not a backfill record. */
  addUnrecognised(): void {
    this.read++;
    this.unrecognised++;
  }

  /** The videos in the page's default order: verdict (STATUS_ORDER), then nsfw, then path. */
  videos(): ReportVideo[] {
    return [...this.byKey.values()].sort(byVerdict);
  }

  summary(): ReportSummary {
    const videos = [...this.byKey.values()];
    const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<
      RowStatus,
      number
    >;
    const codes = new Map<string, number>();
    const scorers = new Map<string, number>();
    const rubrics = new Map<string, { version: string; fingerprint: string; videos: number }>();
    let scorerCalls = 0;
    let totalDurationSec = 0;
    let departures: ReportSummary['departures'] = null;
    for (const v of videos) {
      byStatus[v.status]++;
      scorerCalls += v.scorerCalls;
      totalDurationSec += v.durationSec ?? 0;
      if (v.error) bump(codes, v.error.code);
      if (v.scorer) bump(scorers, v.scorer);
      if (v.rubric) {
        const r = rubrics.get(v.rubric.fingerprint) ?? { ...v.rubric, videos: 0 };
        r.videos++;
        rubrics.set(v.rubric.fingerprint, r);
      }
      if (v.departures) {
        departures ??= { found: 0, scored: 0 };
        departures.found += v.departures.found;
        departures.scored += v.departures.scored ?? 0;
      }
    }
    const rubricList = [...rubrics.values()]
      .map((r) => ({ ...r, name: `${r.version} ${r.fingerprint.slice(0, 12)}` }))
      .sort((a, b) => b.videos - a.videos);
    const summary: ReportSummary = {
      videos: videos.length,
      byStatus,
      failureCodes: counted(codes),
      scorers: counted(scorers),
      rubrics: rubricList,
      warnings: [],
      scorerCalls,
      totalDurationSec,
      departures,
      lines: {
        read: this.read,
        unreadable: this.unreadable,
        unrecognised: this.unrecognised,
        superseded: this.superseded,
      },
    };
    summary.warnings = warningsOf(summary);
    return summary;
  }
}

function warningsOf(s: ReportSummary): string[] {
  const w: string[] = [];
  if (s.scorers.length > 1) {
    w.push(
      `These results mix ${s.scorers.length} scorers (${s.scorers.map((x) => `${x.name}: ${x.videos}`).join(', ')}): their scores are not calibrated alike, so verdicts are not comparable across them.`,
    );
  }
  if (s.rubrics.length > 1) {
    w.push(
      `These results mix ${s.rubrics.length} rubrics (${s.rubrics.map((x) => `${x.name}: ${x.videos}`).join(', ')}): labels or thresholds differ between videos.`,
    );
  }
  const bad = s.lines.unreadable + s.lines.unrecognised;
  if (bad > 0) {
    w.push(
      `${bad} line${bad === 1 ? '' : 's'} of the file could not be read as backfill records and ${bad === 1 ? 'is' : 'are'} not shown.`,
    );
  }
  return w;
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function counted(m: Map<string, number>): CountedName[] {
  return [...m.entries()]
    .map(([name, videos]) => ({ name, videos }))
    .sort((a, b) => b.videos - a.videos || a.name.localeCompare(b.name));
}

function byVerdict(a: ReportVideo, b: ReportVideo): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    (b.nsfwMax ?? -1) - (a.nsfwMax ?? -1) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}
