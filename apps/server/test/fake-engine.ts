// An Engine for route and queue tests that do not need real video: it answers from the
// bytes it is given (so a test can tell which upload was classified) and can be told to
// throw, to be slow, or to block until released. The end-to-end tests use the real pipeline.
import { createHash } from 'node:crypto';
import { RUBRIC } from '@imajin/rubric';
import { type ClassifyResult, ClassifyResultSchema } from '@imajin/wire';
import type { Engine, VideoFacts } from '../src/engine.js';
import type { JobOptions } from '../src/jobs/options.js';

export type Behaviour = (video: Buffer, call: number) => Error | 'ok' | Promise<Error | 'ok'>;

export class FakeEngine implements Engine {
  readonly scorerName = 'model-boss:fake';
  calls = 0;
  probes = 0;
  behaviour: Behaviour = () => 'ok';
  facts: (video: Buffer) => VideoFacts | Error = () => ({ durationSec: 5, frameRate: 30 });
  delayMs = 0;
  closed = false;

  async probe(video: Buffer): Promise<VideoFacts> {
    this.probes++;
    const f = this.facts(video);
    if (f instanceof Error) throw f;
    return f;
  }

  async classify(
    video: Buffer,
    options: JobOptions,
    hooks?: { signal?: AbortSignal },
  ): Promise<ClassifyResult> {
    const call = ++this.calls;
    if (this.delayMs) await abortableSleep(this.delayMs, hooks?.signal);
    const outcome = await this.behaviour(video, call);
    if (outcome instanceof Error) throw outcome;
    return fakeResult(video, options, this.scorerName);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    });
  });
}

/** A contract-valid result whose numbers come from the bytes: the first byte ≥ 128 = explicit. */
export function fakeResult(video: Buffer, options: JobOptions, scorer: string): ClassifyResult {
  const explicit = (video[0] ?? 0) >= 128;
  const frames = [0, 1, 2].map((index) => ({
    index,
    t: index,
    nsfw: explicit && index === 1 ? 0.9 : 0.1,
    suggestive: 0.1,
    quality: 0.5 + index / 10,
    explicitness: explicit && index === 1 ? ('explicit' as const) : ('sfw' as const),
    scene: index,
    departure: false,
  }));
  return ClassifyResultSchema.parse({
    is_explicit: explicit,
    explicitness: explicit ? 'explicit' : 'sfw',
    quality_score: 0.7,
    scene_tags: [],
    frame_count: frames.length,
    duration_sec: video.length / 1000,
    poster_frame_index: 2,
    poster_b64: createHash('sha256').update(video).digest('base64'),
    poster_key: null,
    frames,
    rubric_version: RUBRIC.version,
    rubric_fingerprint: RUBRIC.fingerprint,
    scorer,
    scorers: options.scorers,
    sampling: {
      policy: options.keyframes ? 'forced' : 'scene-aware',
      band: { min: 3, max: 16 },
      candidates: 3,
      deduplicated: 0,
      max_unsampled_gap_sec: 1,
      departures: 0,
      departures_scored: 0,
    },
    scene_count: 3,
    explicit_segments: explicit ? [{ start: 0.5, end: 1.5 }] : [],
    width: 320,
    height: 240,
    rotation: 0,
    codec: 'h264',
    timings_ms: { total: 1 },
  });
}
