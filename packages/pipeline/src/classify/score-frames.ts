// Scores every chosen frame, all at once (the scorer bounds its own calls in flight). The
// first failure cancels the rest: one unscored frame means no verdict, so there is no point
// spending GPU calls on the others.

import { setMaxListeners } from 'node:events';
import { ScorerUnavailableError } from '../errors.js';
import type { RgbFrameLike, Scorer } from '../scorers/scorer.js';

export async function scoreFrames(
  scorer: Scorer,
  frames: readonly { rgb: RgbFrameLike; jpeg: Buffer }[],
  signal: AbortSignal | undefined,
  onScored: (done: number) => void,
): Promise<number[][]> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  // Every frame's call listens to it (a few listeners each); it lives for this call only.
  setMaxListeners(0, combined);
  let firstError: unknown;
  let done = 0;
  const settled = await Promise.allSettled(
    frames.map(async (frame) => {
      try {
        const raw = await scorer.score(frame, combined);
        onScored(++done);
        return raw;
      } catch (err) {
        if (firstError === undefined) firstError = err;
        stop.abort(err);
        throw err;
      }
    }),
  );
  signal?.throwIfAborted();
  if (firstError !== undefined) throw asScorerError(firstError, scorer.name);
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : []));
}

/** Scorer errors pass as they are; anything else a scorer throws means it could not score. */
function asScorerError(err: unknown, scorerName: string): unknown {
  const name = err instanceof Error ? err.name : '';
  if (name === 'ScorerUnavailableError' || name === 'ScorerRejectedError') return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ScorerUnavailableError(`${scorerName} could not score a frame: ${message}`, {
    cause: err,
  });
}
