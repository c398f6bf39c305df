import { checkScore } from './check.js';
import { RubricInputError } from './errors.js';
import { explicitnessRank } from './interpret.js';
import type { FrameVerdict, VideoAggregate } from './types.js';

/**
 * The whole video's verdict from its frames' verdicts (in time order):
 * - `explicitness`: the MAX over frames (one explicit frame makes the video explicit);
 * - `is_explicit`: `explicitness === 'explicit'`;
 * - `quality_score`: the highest quality over all frames;
 * - `poster_frame_index`: the highest-quality `sfw` frame; when no frame is `sfw`, the least
 *   explicit one: the lowest class present, then the lowest explicit score. Remaining ties go to
 *   the earliest frame.
 *
 * Throws `RubricInputError` for no frames (no frames is no verdict, never a default `sfw`) and for
 * a frame whose scores or class are not valid.
 */
export function aggregateVideo(frames: readonly FrameVerdict[]): VideoAggregate {
  if (!Array.isArray(frames) || frames.length === 0) {
    throw new RubricInputError('no_frames', 'a video verdict needs at least one frame verdict');
  }
  frames.forEach(checkFrame);

  let worst = 0;
  let quality = 0;
  let poster = 0;
  frames.forEach((frame, i) => {
    worst = Math.max(worst, explicitnessRank(frame.explicitness));
    quality = Math.max(quality, frame.quality);
    if (isBetterPoster(frame, frames[poster] as FrameVerdict)) poster = i;
  });
  const explicitness = (['sfw', 'suggestive', 'explicit'] as const)[worst as 0 | 1 | 2];
  return {
    explicitness,
    is_explicit: explicitness === 'explicit',
    quality_score: quality,
    poster_frame_index: poster,
  };
}

/** Strictly better, so that on a tie the earlier frame (already chosen) stays. */
function isBetterPoster(candidate: FrameVerdict, current: FrameVerdict): boolean {
  const rankCandidate = explicitnessRank(candidate.explicitness);
  const rankCurrent = explicitnessRank(current.explicitness);
  if (rankCandidate !== rankCurrent) return rankCandidate < rankCurrent;
  if (rankCandidate === 0) return candidate.quality > current.quality;
  return candidate.explicit < current.explicit;
}

function checkFrame(frame: FrameVerdict, i: number): void {
  if (typeof frame !== 'object' || frame === null) {
    throw new RubricInputError('bad_frame', `frame ${i} is not a frame verdict`);
  }
  for (const key of ['explicit', 'suggestive', 'quality'] as const) {
    checkScore(frame[key], `frame ${i} ${key} score`);
  }
  try {
    explicitnessRank(frame.explicitness);
  } catch {
    throw new RubricInputError(
      'bad_frame',
      `frame ${i} has unknown explicitness ${JSON.stringify(frame.explicitness)}`,
    );
  }
}
