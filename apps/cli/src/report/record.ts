import type { ReportFrame, ReportVideo, Verdict } from './model.js';

// One backfill JSONL line → a ReportVideo. Lenient where the format may grow (unknown fields are
// ignored, the poster may be inline base64 or a file path), strict where the page would lie:
// a line without a path, or with a result whose frames or verdict cannot be read, is refused
// with a reason rather than drawn wrong.

export type ParsedRecord = { video: ReportVideo } | { unrecognised: string };

type Obj = Record<string, unknown>;

const VERDICTS = new Set<string>(['explicit', 'suggestive', 'sfw']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const verdict = (v: unknown): Verdict | null =>
  typeof v === 'string' && VERDICTS.has(v) ? (v as Verdict) : null;

export function parseRecord(value: unknown, line: number): ParsedRecord {
  if (!isObj(value)) return { unrecognised: 'not a JSON object' };
  const path = str(value.path);
  if (path === null) return { unrecognised: 'no "path"' };
  const sha256 = str(value.sha256);
  const base = { path, sha256, line };
  if (isObj(value.result)) return fromResult(base, value.result, value);
  if (isObj(value.error)) return fromError(base, value.error, value);
  return { unrecognised: 'neither "result" nor "error"' };
}

function fromResult(
  base: Pick<ReportVideo, 'path' | 'sha256' | 'line'>,
  r: Obj,
  record: Obj,
): ParsedRecord {
  const status = verdict(r.explicitness);
  if (status === null) return { unrecognised: 'result.explicitness is not a verdict' };
  if (!Array.isArray(r.frames) || r.frames.length === 0)
    return { unrecognised: 'result.frames is missing or empty' };
  const posterIndex = num(r.poster_frame_index);
  const frames: ReportFrame[] = [];
  for (const [i, f] of r.frames.entries()) {
    const frame = isObj(f) ? parseFrame(f, i === posterIndex) : null;
    if (frame === null) return { unrecognised: `result.frames[${i}] is not a scored frame` };
    frames.push(frame);
  }
  const segments = Array.isArray(r.explicit_segments) ? r.explicit_segments : [];
  const explicitSegments = segments.flatMap((s) => {
    const start = isObj(s) ? num(s.start) : null;
    const end = isObj(s) ? num(s.end) : null;
    return start !== null && end !== null && end >= start ? [{ start, end }] : [];
  });
  const sampling = isObj(r.sampling) ? r.sampling : {};
  const found = num(sampling.departures);
  const version = str(r.rubric_version);
  const fingerprint = str(r.rubric_fingerprint);
  return {
    video: {
      ...base,
      status,
      durationSec: num(r.duration_sec),
      quality: num(r.quality_score),
      nsfwMax: Math.max(...frames.map((f) => f.nsfw)),
      frames,
      sceneCount: num(r.scene_count) ?? new Set(frames.map((f) => f.scene)).size,
      explicitSegments,
      scorer: str(r.scorer),
      rubric:
        version !== null || fingerprint !== null
          ? { version: version ?? '?', fingerprint: fingerprint ?? '?' }
          : null,
      scorerCalls: num(record.scorer_calls) ?? num(r.frame_count) ?? frames.length,
      width: num(r.width),
      height: num(r.height),
      codec: str(r.codec),
      departures: found !== null ? { found, scored: num(sampling.departures_scored) } : null,
      error: null,
      poster: posterSource(str(r.poster_b64), str(record.poster)),
    },
  };
}

function parseFrame(f: Obj, poster: boolean): ReportFrame | null {
  const t = num(f.t);
  const nsfw = num(f.nsfw);
  const explicitness = verdict(f.explicitness);
  if (t === null || nsfw === null || explicitness === null) return null;
  return {
    t,
    nsfw,
    suggestive: num(f.suggestive) ?? 0,
    quality: num(f.quality) ?? 0,
    explicitness,
    scene: num(f.scene) ?? 0,
    poster,
  };
}

function fromError(
  base: Pick<ReportVideo, 'path' | 'sha256' | 'line'>,
  e: Obj,
  record: Obj,
): ParsedRecord {
  return {
    video: {
      ...base,
      status: 'failed',
      durationSec: null,
      quality: null,
      nsfwMax: null,
      frames: [],
      sceneCount: 0,
      explicitSegments: [],
      scorer: null,
      rubric: null,
      scorerCalls: num(record.scorer_calls) ?? 0,
      width: null,
      height: null,
      codec: null,
      departures: null,
      error: {
        code: str(e.error_code) ?? 'unknown',
        message: typeof e.error === 'string' ? e.error : '',
        retryable: e.retryable === true,
      },
      poster: null,
    },
  };
}

function posterSource(b64: string | null, file: string | null): ReportVideo['poster'] {
  if (b64 === null && file === null) return null;
  return { ...(b64 !== null ? { b64 } : {}), ...(file !== null ? { file } : {}) };
}
