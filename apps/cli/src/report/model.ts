// The data the review page is built from: one ReportVideo per video, and a summary of all.
// Read from the backfill's JSONL (see record.ts); nothing here knows about HTML.

export type Verdict = 'explicit' | 'suggestive' | 'sfw';
export type RowStatus = Verdict | 'failed';

export interface ReportFrame {
  t: number;
  nsfw: number;
  suggestive: number;
  quality: number;
  explicitness: Verdict;
  scene: number;
  poster: boolean;
}

export interface RubricId {
  version: string;
  fingerprint: string;
}

/** Where the poster's bytes can be found: inline base64 (older lines) or a JPEG on disk. */
export interface PosterSource {
  b64?: string;
  /** The record's `poster` path, as the backfill wrote it. */
  file?: string;
}

export interface ReportVideo {
  path: string;
  sha256: string | null;
  /** The JSONL line it came from. */
  line: number;
  status: RowStatus;
  durationSec: number | null;
  quality: number | null;
  /** The highest frame nsfw (explicit) score. */
  nsfwMax: number | null;
  frames: ReportFrame[];
  sceneCount: number;
  explicitSegments: { start: number; end: number }[];
  scorer: string | null;
  rubric: RubricId | null;
  scorerCalls: number;
  width: number | null;
  height: number | null;
  codec: string | null;
  /** Present when the results carry them (`sampling.departures`, `sampling.departures_scored`). */
  departures: { found: number; scored: number | null } | null;
  error: { code: string; message: string; retryable: boolean } | null;
  poster: PosterSource | null;
}

/** How the rows sort by verdict: the ones a reviewer must see first come first. */
export const STATUS_ORDER: readonly RowStatus[] = ['explicit', 'suggestive', 'failed', 'sfw'];

export interface CountedName {
  name: string;
  videos: number;
}

export interface ReportSummary {
  videos: number;
  byStatus: Record<RowStatus, number>;
  /** Failure codes, most frequent first. */
  failureCodes: CountedName[];
  scorers: CountedName[];
  /** Rubrics by fingerprint; `name` is `version fingerprint`. */
  rubrics: (CountedName & RubricId)[];
  /** Warnings a reviewer must read before trusting the page (mixed scorers or rubrics…). */
  warnings: string[];
  scorerCalls: number;
  totalDurationSec: number;
  departures: { found: number; scored: number } | null;
  lines: { read: number; unreadable: number; unrecognised: number; superseded: number };
}
