import type { ClassifyResult, ErrorInfo } from '../types.js';

/** One line of the backfill's `--out` JSONL. */
export interface BackfillRecord {
  path: string;
  sha256: string;
  result?: ClassifyResult;
  error?: ErrorInfo;
  poster?: string;
  scorer_calls?: number;
  elapsed_ms?: number;
  finished_at?: string;
}

export type ResumeDecision =
  | { action: 'run'; reason: 'new' | 'retry' }
  | { action: 'skip'; reason: 'done' | 'failed' };

/** What earlier runs left for each content hash: a result wins over any error. */
export class ResumeIndex {
  private readonly byHash = new Map<string, BackfillRecord>();

  constructor(records: readonly unknown[] = []) {
    for (const r of records) if (isRecord(r)) this.add(r);
  }

  add(record: BackfillRecord): void {
    const prev = this.byHash.get(record.sha256);
    if (prev?.result && !record.result) return;
    this.byHash.set(record.sha256, record);
  }

  get(sha256: string): BackfillRecord | undefined {
    return this.byHash.get(sha256);
  }

  /**
   * A video with a result is skipped; one with a terminal error too, unless `retryFailed`;
   * a retryable error (scorer outage, timeout) is run again.
   */
  decide(sha256: string, retryFailed: boolean): ResumeDecision {
    const prev = this.byHash.get(sha256);
    if (!prev) return { action: 'run', reason: 'new' };
    if (prev.result) return { action: 'skip', reason: 'done' };
    if (prev.error && !prev.error.retryable && !retryFailed)
      return { action: 'skip', reason: 'failed' };
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
