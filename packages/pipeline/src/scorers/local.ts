// The local scorer: an NSFW image model that ships inside an npm package (NSFWJS MobileNetV2)
// run in worker threads, mapped onto the rubric's three dimensions as (p, 1 − p) pairs so its
// six numbers go through the same rubric normalization and thresholds as model-boss's:
//   explicit   p = P(Porn) + P(Hentai)
//   suggestive p = P(Sexy)
//   quality    p = frameQuality() (sharpness, exposure, noise; see quality.ts)
// The model loads lazily, once per scorer, when the first frame is scored.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ScorerUnavailableError } from '../errors.js';
import type { WorkerReply, WorkerRequest } from './local-protocol.js';
import type { ScoreInput, Scorer } from './scorer.js';

export const LOCAL_MODEL_ID = 'nsfwjs-mobilenet_v2';

export interface LocalScorerConfig {
  /** Worker threads, each with its own single-threaded wasm model. Default 2. */
  workers?: number;
}

/** The documented mapping from the model's classes and our quality measure to six raw scores. */
export function localRawScores(
  classes: Readonly<Record<string, number>>,
  quality: number,
): number[] {
  const explicit = clamp01((classes.Porn ?? 0) + (classes.Hentai ?? 0));
  const suggestive = clamp01(classes.Sexy ?? 0);
  const q = clamp01(quality);
  return [explicit, 1 - explicit, suggestive, 1 - suggestive, q, 1 - q];
}

interface Job {
  id: number;
  request: WorkerRequest;
  resolve(scores: number[]): void;
  reject(err: unknown): void;
  settled: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
}

export function createLocalScorer(config: LocalScorerConfig = {}): Scorer {
  const size = config.workers ?? 2;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`workers must be >= 1, got ${size}`);
  let slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;

  function settle(job: Job | null, outcome: { scores: number[] } | { error: unknown }) {
    if (!job || job.settled) return;
    job.settled = true;
    if ('scores' in outcome) job.resolve(outcome.scores);
    else job.reject(outcome.error);
  }

  /** Tears every worker down, failing what they hold; the next score() starts afresh. */
  function fail(reason: string) {
    const err = new ScorerUnavailableError(`local scorer (${LOCAL_MODEL_ID}): ${reason}`);
    for (const slot of slots) {
      settle(slot.job, { error: err });
      void slot.worker.terminate();
    }
    slots = [];
    for (const job of queue.splice(0)) settle(job, { error: err });
  }

  function spawn(): Slot {
    const worker = spawnWorker();
    const slot: Slot = { worker, ready: false, job: null };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') slot.ready = true;
      else if (reply.kind === 'fatal') return fail(`model failed to load: ${reply.message}`);
      else if (reply.kind === 'scored')
        settle(slot.job, { scores: localRawScores(reply.classes, reply.quality) });
      else
        settle(slot.job, {
          error: new ScorerUnavailableError(`local scorer failed on a frame: ${reply.message}`),
        });
      if (reply.kind !== 'ready') slot.job = null;
      dispatch();
    });
    worker.on('error', (err) => fail(`worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(`worker exited with code ${code}`);
    });
    return slot;
  }

  function dispatch() {
    for (const slot of slots) {
      while (slot.ready && slot.job === null && queue.length > 0) {
        const job = queue.shift() as Job;
        if (job.settled) continue;
        slot.job = job;
        slot.worker.postMessage(job.request, [job.request.data]);
      }
    }
    // Busy workers keep the process alive; idle ones must not (a CLI would never exit).
    const busy = queue.length > 0 || slots.some((s) => s.job !== null);
    for (const slot of slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  return {
    name: `local:${LOCAL_MODEL_ID}`,
    score(frame: ScoreInput, signal?: AbortSignal): Promise<number[]> {
      signal?.throwIfAborted();
      const { width, height, data } = frame.rgb;
      const pixels = new Uint8Array(width * height * 3);
      pixels.set(data.subarray(0, pixels.length));
      return new Promise<number[]>((resolve, reject) => {
        const onAbort = () => settle(job, { error: signal?.reason });
        const job: Job = {
          id: nextId++,
          request: { id: 0, width, height, data: pixels.buffer },
          resolve: (scores) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(scores);
          },
          reject: (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
          },
          settled: false,
        };
        job.request.id = job.id;
        signal?.addEventListener('abort', onAbort, { once: true });
        if (slots.length === 0) slots = Array.from({ length: size }, spawn);
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      const workers = slots.map((s) => s.worker);
      fail('closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The compiled worker next to this file; or, running from source (vitest, tsx), a bootstrap
 * that compiles the .ts worker with tsx's API (tsx's --import hooks do not reach workers).
 */
function spawnWorker(): Worker {
  const js = new URL('./local-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL('./local-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(ts)}))`;
  return new Worker(bootstrap, { eval: true });
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
