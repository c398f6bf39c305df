import cliProgress from 'cli-progress';
import type { Progress } from '../types.js';

/**
 * Per-video progress on a terminal: a status line while decoding, then a bar over the frames
 * being scored. Prints nothing when stderr is not a terminal (the result says it all).
 */
export function fileProgress(
  label: string,
  isTty = Boolean(process.stderr.isTTY),
): {
  onProgress: (p: Progress) => void;
  stop: () => void;
} {
  if (!isTty) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {value}/{total} frames | {stage}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const ensure = (total: number, stage: string): void => {
    if (!started) bar.start(total, 0, { stage });
    started = true;
  };
  return {
    onProgress(p) {
      if (p.stage === 'decode') ensure(1, 'scanning scenes');
      else if (p.stage === 'sample') {
        ensure(p.frames, 'sampling');
        bar.setTotal(p.frames);
        bar.update(0, { stage: 'scoring' });
      } else if (p.stage === 'score') {
        ensure(p.total, 'scoring');
        bar.setTotal(p.total);
        bar.update(p.done, { stage: 'scoring' });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
