// An Engine for route and queue tests that do not need real video: it answers from the
// bytes it is given (so a test can tell which upload was classified) and can be told to
// throw, to be slow, or to block until released. The end-to-end tests use the real pipeline.
import { createHash } from 'node:crypto';
import { sleep } from '@imajin/pipeline';
import { RUBRIC } from '@imajin/rubric';
import { sampleResult } from '@imajin/test-kit';
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
    if (this.delayMs) await sleep(this.delayMs, hooks?.signal);
    const outcome = await this.behaviour(video, call);
    if (outcome instanceof Error) throw outcome;
    return fakeResult(video, options, this.scorerName);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/**
 * The test kit's contract-valid result, told apart by the bytes: the first byte ≥ 128 = explicit,
 * the poster is their hash, the duration their length in ms; it echoes the job's options.
 */
export function fakeResult(video: Buffer, options: JobOptions, scorer: string): ClassifyResult {
  const sample = sampleResult(RUBRIC, (video[0] ?? 0) >= 128);
  return ClassifyResultSchema.parse({
    ...sample,
    duration_sec: video.length / 1000,
    poster_b64: createHash('sha256').update(video).digest('base64'),
    scorer,
    scorers: options.scorers,
    sampling: { ...sample.sampling, policy: options.keyframes ? 'forced' : 'scene-aware' },
  });
}
