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
  // A throwing progress callback is the caller's bug, not the scorer's: it leaves as it is
  // (so a server does not retry it for the whole outage window and blame model-boss).
  let callbackError: { err: unknown } | undefined;
  let done = 0;
  const settled = await Promise.allSettled(
    frames.map(async (frame) => {
      let raw: number[];
      try {
        raw = await scorer.score(frame, combined);
      } catch (err) {
        if (firstError === undefined) firstError = err;
        stop.abort(err);
        throw err;
      }
      try {
        onScored(++done);
      } catch (err) {
        callbackError ??= { err };
        stop.abort(err);
        throw err;
      }
      return raw;
    }),
  );
  signal?.throwIfAborted();
  if (callbackError) throw callbackError.err;
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
