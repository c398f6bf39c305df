import cliProgress from 'cli-progress';

/**
 * Progress for a batch on stderr: a cli-progress bar with ETA when stderr is a terminal;
 * otherwise (pipes, CI, logs) one plain line per finished item, so logs stay readable.
 */
export interface BatchProgress {
  /** Sets the status shown beside the bar (no line is printed when not a terminal). */
  status(text: string): void;
  /** One item finished: advances the bar and prints `line`. */
  itemDone(line: string): void;
  /** A line of its own (kept above the bar on a terminal). */
  log(line: string): void;
  stop(): void;
}

export function createBatchProgress(
  total: number,
  label: string,
  isTty = Boolean(process.stderr.isTTY),
): BatchProgress {
  if (!isTty) {
    let done = 0;
    const width = String(total).length;
    return {
      status() {},
      itemDone(line) {
        done++;
        process.stderr.write(`[${String(done).padStart(width)}/${total}] ${line}\n`);
      },
      log(line) {
        process.stderr.write(`${line}\n`);
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {value}/{total} | ETA {eta_formatted} | {status}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multi.create(total, 0, { status: '' });
  return {
    status(text) {
      bar.update({ status: text });
    },
    itemDone(line) {
      multi.log(`${line}\n`);
      bar.increment(1);
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}
