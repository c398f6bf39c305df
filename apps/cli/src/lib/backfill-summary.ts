import type { Explicitness } from '../types.js';
import { duration } from './table.js';

/** Counts a backfill run keeps for its closing summary (stderr, never in --out). */
export class BackfillTally {
  readonly verdicts: Record<Explicitness, number> = { explicit: 0, suggestive: 0, sfw: 0 };
  failed = 0;
  skippedDone = 0;
  skippedFailed = 0;
  duplicates = 0;
  notStarted = 0;
  /** Run again because earlier lines were made under another scorer or rubric. */
  otherRun = 0;

  /** Inputs this run settled: classified, failed, skipped or duplicate. */
  get finished(): number {
    return this.classified + this.failed + this.skippedDone + this.skippedFailed + this.duplicates;
  }

  get classified(): number {
    return this.verdicts.explicit + this.verdicts.suggestive + this.verdicts.sfw;
  }

  status(calls: number): string {
    const v = this.verdicts;
    return `explicit ${v.explicit} · suggestive ${v.suggestive} · sfw ${v.sfw} · failed ${this.failed} · calls ${calls}`;
  }

  summary(o: {
    total: number;
    calls: number;
    wallMs: number;
    out: string;
    budgetStop: boolean;
    interrupted: boolean;
  }): string[] {
    const v = this.verdicts;
    const lines = [
      `backfill: ${o.total} video${o.total === 1 ? '' : 's'} · ${this.classified} classified (explicit ${v.explicit}, suggestive ${v.suggestive}, sfw ${v.sfw}) · ${this.failed} failed`,
      `  skipped: ${this.skippedDone} done earlier, ${this.skippedFailed} failed earlier (terminal), ${this.duplicates} same content as another input`,
      `  scorer calls ${o.calls} · wall time ${duration(o.wallMs / 1000)} · results in ${o.out}`,
    ];
    if (this.otherRun > 0)
      lines.push(
        `  re-run: ${this.otherRun} whose earlier lines were made under another scorer or rubric`,
      );
    if (this.skippedFailed > 0)
      lines.push('  (--retry-failed runs the earlier terminal failures again)');
    if (o.budgetStop) {
      lines.push(
        `  stopped at the --max-calls budget: ${this.notStarted} not started; run again to continue`,
      );
    }
    if (o.interrupted)
      lines.push(`  interrupted: ${this.notStarted} not finished; run again to resume`);
    return lines;
  }
}
