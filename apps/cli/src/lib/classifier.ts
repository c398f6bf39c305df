import { createClient } from '@imajin/client';
import { loadPipeline } from '../deps.js';
import type { Band, ClassifyResult, ErrorInfo, Progress, Scorer } from '../types.js';
import { UsageError } from './errors.js';
import { describeFailure } from './failure.js';
import type { RunIdentity } from './resume.js';
import { chooseScorer, type ScorerFlags } from './scorer-choice.js';
import { serverScorerName } from './server-scorer.js';

export interface ClassifierFlags extends ScorerFlags {
  keyframes?: number;
  band?: Band;
  threshold?: number;
  server?: string;
  token?: string;
  /** Where commander found `--scorer` ('cli', 'env', 'default'). */
  scorerSource?: string;
}

export interface Classifier {
  /** Where verdicts come from, for logs: the scorer's name or the server's URL. */
  readonly source: string;
  classify(
    path: string,
    hooks: { signal?: AbortSignal; onProgress?: (p: Progress) => void },
  ): Promise<ClassifyResult>;
  /** The scorer and rubric its verdicts are made under (what backfill resumes by). */
  identity(): Promise<RunIdentity>;
  /** Scorer calls so far (in-process: counted at the scorer; server: frames in the results). */
  calls(): number;
  describe(err: unknown): ErrorInfo;
  close(): Promise<void>;
}

/** The in-process pipeline (the default) or a running server (`--server`). */
export async function createClassifier(flags: ClassifierFlags): Promise<Classifier> {
  if (flags.server) return serverClassifier(flags, flags.server);
  const config = chooseScorer(flags); // usage errors before any heavy import
  const pipeline = await loadPipeline();
  const counted = countingScorer(pipeline.createScorer(config));
  return {
    source: counted.scorer.name,
    classify: (path, hooks) =>
      pipeline.classifyVideo(
        path,
        {
          scorer: counted.scorer,
          keyframes: flags.keyframes ?? null,
          ...(flags.band ? { band: flags.band } : {}),
          ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
        },
        hooks,
      ),
    identity: async () => ({
      scorer: counted.scorer.name,
      rubric_fingerprint: (await import('@imajin/rubric')).RUBRIC.fingerprint,
    }),
    calls: () => counted.calls,
    describe: (err) => describeFailure(err, pipeline.errorInfo),
    close: () => counted.scorer.close(),
  };
}

/** How long --server rides out an unreachable or busy server (the server's own outage window). */
const SERVER_RETRY_WINDOW_MS = 30 * 60_000;

function serverClassifier(flags: ClassifierFlags, url: string): Classifier {
  if (!URL.canParse(url)) throw new UsageError(`--server: not a URL: ${url}`);
  if (flags.band)
    throw new UsageError('--band is not supported with --server (the server uses its own band)');
  if (flags.threshold !== undefined)
    throw new UsageError('--threshold is not supported with --server');
  if (flags.scorerSource === 'cli') {
    throw new UsageError('--scorer is chosen by the server; drop it when using --server');
  }
  // A batch rides out an outage: a 503 or an unreachable server is retried (after its
  // Retry-After) for as long as the server's own scorer-outage window, on upload and polling.
  const client = createClient({
    baseUrl: url,
    ...(flags.token ? { token: flags.token } : {}),
    submitRetryMs: SERVER_RETRY_WINDOW_MS,
    transientWindowMs: SERVER_RETRY_WINDOW_MS,
    poll: { firstMs: 250, maxMs: 2000 },
  });
  let calls = 0;
  let scorerName: Promise<string> | undefined;
  /** Asks the server for its scorer once, whatever the number of videos. */
  const scorerNameOnce = () => {
    scorerName ??= serverScorerName(url, SERVER_RETRY_WINDOW_MS);
    return scorerName;
  };
  return {
    source: `server ${url}`,
    async classify(path, hooks) {
      hooks.onProgress?.({ stage: 'decode' });
      const result = await client.classify(path, {
        keyframes: flags.keyframes ?? null,
        rubric: 'pin',
        ...(hooks.signal ? { signal: hooks.signal } : {}),
      });
      calls += result.frame_count;
      return result;
    },
    // The server names its scorer in /readyz, and every upload pins our rubric (a server on
    // another rubric refuses it with 409), so results are made under this identity.
    identity: async () => ({
      scorer: await scorerNameOnce(),
      rubric_fingerprint: (await import('@imajin/rubric')).RUBRIC.fingerprint,
    }),
    calls: () => calls,
    describe: (err) => describeFailure(err),
    close: async () => {},
  };
}

/** Wraps a scorer to count its calls (the backfill's budget and summary). */
function countingScorer(inner: Scorer): { scorer: Scorer; calls: number } {
  const state = {
    calls: 0,
    scorer: {
      name: inner.name,
      score: (frame: Parameters<Scorer['score']>[0], signal?: AbortSignal) => {
        state.calls++;
        return inner.score(frame, signal);
      },
      close: () => inner.close(),
    } satisfies Scorer,
  };
  return state;
}
