import type { ClassifyResult, ErrorInfo } from '../types.js';

/** What a verdict was made under: a result from another scorer or rubric is not this run's. */
export interface RunIdentity {
  scorer: string;
  rubric_fingerprint: string;
}

/**
 * One line of the backfill's `--out` JSONL. With `--posters` the result has no `poster_b64`
 * (the JPEG is at `poster`), so readers must not expect that key.
 */
export interface BackfillRecord {
  path: string;
  sha256: string;
  /** The run's scorer and rubric (lines written before they were recorded lack them). */
  scorer?: string;
  rubric_fingerprint?: string;
  result?: Omit<ClassifyResult, 'poster_b64'> & { poster_b64?: string };
  error?: ErrorInfo;
  poster?: string;
  scorer_calls?: number;
  elapsed_ms?: number;
  finished_at?: string;
}

export type ResumeDecision =
  | { action: 'run'; reason: 'new' | 'retry' | 'other-run' }
  | { action: 'skip'; reason: 'done' | 'failed' };

/** What the index keeps of a line: enough to decide, never the result itself. */
type Outcome = 'done' | 'failed' | 'retryable';

const identityKey = (scorer: string, rubric: string) => JSON.stringify([scorer, rubric]);

/**
 * What earlier runs left, per content hash and per (scorer, rubric): a result wins over any
 * error. Only outcomes are kept, so a file of thousands of lines costs little memory.
 */
export class ResumeIndex {
  private readonly byHash = new Map<string, Map<string, Outcome>>();

  constructor(records: readonly unknown[] = []) {
    for (const r of records) this.add(r);
  }

  /** Adds one parsed line; lines that are not records are ignored. */
  add(line: unknown): void {
    if (!isRecord(line)) return;
    const scorer = line.scorer ?? line.result?.scorer;
    const rubric = line.rubric_fingerprint ?? line.result?.rubric_fingerprint;
    // An old error line names no scorer: it belongs to no run we can match, so it is re-run.
    const key = scorer && rubric ? identityKey(scorer, rubric) : '';
    const outcome: Outcome = line.result ? 'done' : line.error?.retryable ? 'retryable' : 'failed';
    let runs = this.byHash.get(line.sha256);
    if (!runs) {
      runs = new Map();
      this.byHash.set(line.sha256, runs);
    }
    if (runs.get(key) === 'done' && outcome !== 'done') return;
    runs.set(key, outcome);
  }

  /**
   * A video with a result under this run's scorer and rubric is skipped; one with a terminal
   * error too, unless `retryFailed`; a retryable error (scorer outage, timeout) is run again,
   * and so is a video whose earlier lines were all made under another scorer or rubric.
   */
  decide(sha256: string, run: RunIdentity, retryFailed: boolean): ResumeDecision {
    const runs = this.byHash.get(sha256);
    if (!runs) return { action: 'run', reason: 'new' };
    const prev = runs.get(identityKey(run.scorer, run.rubric_fingerprint));
    if (!prev) return { action: 'run', reason: 'other-run' };
    if (prev === 'done') return { action: 'skip', reason: 'done' };
    if (prev === 'failed' && !retryFailed) return { action: 'skip', reason: 'failed' };
    return { action: 'run', reason: 'retry' };
  }
}

function isRecord(r: unknown): r is BackfillRecord {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  return (
    typeof o.sha256 === 'string' &&
    typeof o.path === 'string' &&
    (o.result !== undefined || o.error !== undefined)
  );
}
