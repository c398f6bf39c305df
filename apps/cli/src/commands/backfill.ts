import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadDecoder, loadPipeline } from '../deps.js';
import { BackfillTally } from '../lib/backfill-summary.js';
import { DEFAULT_BAND } from '../lib/band.js';
import { CallBudget } from '../lib/budget.js';
import { type ClassifierFlags, createClassifier } from '../lib/classifier.js';
import { EXIT } from '../lib/errors.js';
import { sha256File } from '../lib/hash.js';
import { collectInputs } from '../lib/inputs.js';
import { JsonlAppender, scanJsonl } from '../lib/jsonl.js';
import { logErr } from '../lib/output.js';
import { runPool } from '../lib/pool.js';
import { createBatchProgress } from '../lib/progress.js';
import { type BackfillRecord, ResumeIndex } from '../lib/resume.js';
import { interruptSignal, seconds } from './shared.js';

export interface BackfillFlags extends ClassifierFlags {
  out: string;
  posters?: string;
  concurrency: number;
  maxCalls?: number;
  retryFailed?: boolean;
}

/** Plans a video's scorer calls (upper bound) for the --max-calls budget: a scene scan. */
type CallPlanner = (path: string, signal: AbortSignal) => Promise<number>;

/**
 * `backfill <inputs...> --out results.jsonl`: classifies every video once, appending one JSONL
 * line per video (path, sha256, scorer, rubric, result or error). Re-running resumes by content
 * hash under the same scorer and rubric: a line made under another is run again.
 */
export async function runBackfill(args: string[], flags: BackfillFlags): Promise<number> {
  const paths = await collectInputs(args);
  const index = new ResumeIndex();
  let earlierLines = 0;
  const badLines = await scanJsonl(flags.out, (line) => {
    earlierLines++;
    index.add(line);
  });
  if (badLines > 0) logErr(`${flags.out}: ignoring ${badLines} unreadable line(s)`);
  if (flags.posters) await mkdir(flags.posters, { recursive: true });
  await mkdir(dirname(resolve(flags.out)), { recursive: true });
  if (paths.length === 0) logErr(`backfill: no videos found in ${args.join(' ')}`);
  const classifier = await createClassifier(flags);
  const identity = await classifier.identity();
  const planner = flags.maxCalls !== undefined ? await callPlanner(flags) : null;
  const budget = flags.maxCalls !== undefined ? new CallBudget(flags.maxCalls) : null;
  const out = new JsonlAppender(flags.out);
  if (out.repairedBytes > 0)
    logErr(`${flags.out}: cut an unfinished last line (${out.repairedBytes} bytes)`);

  const tally = new BackfillTally();
  const claimed = new Map<string, string>(); // sha256 → first path with that content, this run
  let budgetStop = false;
  const started = Date.now();
  const interrupt = interruptSignal();
  const progress = createBatchProgress(paths.length, 'backfill');
  logErr(
    `backfill: ${paths.length} videos with ${classifier.source} (scorer ${identity.scorer}, rubric ${identity.rubric_fingerprint.slice(0, 12)}), ${earlierLines} earlier records in ${flags.out}`,
  );

  const handle = async (path: string): Promise<void> => {
    const t0 = Date.now();
    let sha256: string | null = null;
    let reserved = 0;
    try {
      sha256 = await sha256File(path, interrupt.signal);
      const first = claimed.get(sha256);
      if (first !== undefined) {
        tally.duplicates++;
        return progress.itemDone(`${path}: skipped, same content as ${first}`);
      }
      claimed.set(sha256, path);
      const decision = index.decide(sha256, identity, flags.retryFailed === true);
      if (decision.action === 'run' && decision.reason === 'other-run') tally.otherRun++;
      if (decision.action === 'skip') {
        if (decision.reason === 'done') tally.skippedDone++;
        else tally.skippedFailed++;
        return progress.itemDone(
          `${path}: skipped, ${decision.reason === 'done' ? 'done' : 'failed (terminal)'} earlier`,
        );
      }
      if (planner && budget) {
        const planned = await planner(path, interrupt.signal);
        if (!budget.tryReserve(planned)) {
          budgetStop = true;
          return progress.log(
            `${path}: not started: it may take ${planned} calls, over the --max-calls budget (${budget.used}/${budget.limit} used)`,
          );
        }
        reserved = planned;
      }
      const result = await classifier.classify(path, { signal: interrupt.signal });
      budget?.settle(reserved, result.frame_count);
      let poster: string | undefined;
      let line: BackfillRecord['result'] = result;
      if (flags.posters) {
        poster = join(flags.posters, `${sha256}.jpg`);
        await writeFile(poster, Buffer.from(result.poster_b64, 'base64'));
        // The JPEG is on disk: the line names it instead of carrying ~40 KB of base64.
        const { poster_b64: _, ...rest } = result;
        line = rest;
      }
      const record: BackfillRecord = {
        path,
        sha256,
        scorer: result.scorer,
        rubric_fingerprint: result.rubric_fingerprint,
        result: line,
        ...(poster ? { poster } : {}),
        scorer_calls: result.frame_count,
        elapsed_ms: Date.now() - t0,
        finished_at: new Date().toISOString(),
      };
      out.append(record);
      tally.verdicts[result.explicitness]++;
      progress.itemDone(
        `${path}: ${result.explicitness} (${result.frame_count} frames, ${seconds(Date.now() - t0)})${unscoredNote(result)}`,
      );
    } catch (err) {
      // An interrupted video is abandoned without a line: the next run picks it up.
      if (interrupt.interrupted()) return;
      const error = classifier.describe(err);
      out.append({
        path,
        sha256,
        ...identity,
        error,
        elapsed_ms: Date.now() - t0,
        finished_at: new Date().toISOString(),
      });
      tally.failed++;
      progress.itemDone(
        `${path}: failed: ${error.error_code}: ${error.error}${error.retryable ? ' (retryable)' : ''}`,
      );
    } finally {
      progress.status(tally.status(classifier.calls()));
    }
  };

  try {
    await runPool(paths, flags.concurrency, handle, () => interrupt.interrupted() || budgetStop);
  } finally {
    progress.stop();
    interrupt.dispose();
    out.close();
    await classifier.close();
  }
  tally.notStarted = paths.length - tally.finished;
  const summary = tally.summary({
    total: paths.length,
    calls: classifier.calls(),
    wallMs: Date.now() - started,
    out: flags.out,
    budgetStop,
    interrupted: interrupt.interrupted(),
  });
  for (const line of summary) logErr(line);
  if (interrupt.interrupted()) return EXIT.INTERRUPTED;
  return tally.failed + tally.skippedFailed > 0 ? EXIT.FAILED : EXIT.OK;
}

async function callPlanner(flags: BackfillFlags): Promise<CallPlanner> {
  const [decoder, pipeline] = await Promise.all([loadDecoder(), loadPipeline()]);
  const band = flags.band ?? DEFAULT_BAND;
  return async (path, signal) => {
    const scan = await decoder.scanScenes(path, {
      signal,
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    });
    return pipeline.planKeyframes(scan, { keyframes: flags.keyframes ?? null, band })
      .maxScorerCalls;
  };
}

/** "; N departures unscored" when the band's maximum left some out, else nothing. */
function unscoredNote(result: { sampling: { departures: number; departures_scored: number } }) {
  const unscored = result.sampling.departures - result.sampling.departures_scored;
  return unscored > 0 ? `; ${unscored} departures left unscored by the band maximum` : '';
}
