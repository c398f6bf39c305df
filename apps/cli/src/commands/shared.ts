import { EXIT } from '../lib/errors.js';

/**
 * Ctrl-C handling for long commands: the first SIGINT aborts the returned signal (work stops
 * cleanly and the command exits 130); a second one exits at once.
 */
export function interruptSignal(onFirst?: () => void): {
  signal: AbortSignal;
  dispose: () => void;
  interrupted: () => boolean;
} {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.INTERRUPTED);
    process.stderr.write('\nimajin-video: interrupted, stopping (Ctrl-C again to quit at once)\n');
    onFirst?.();
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
    interrupted: () => controller.signal.aborted,
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
